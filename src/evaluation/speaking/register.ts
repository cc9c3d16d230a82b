/**
 * Register and tone in the candidate's speech: slang or over-familiar words (Appropriateness of Language), judgemental
 * wording (A3, and Appropriateness) and dismissive wording (A2). Each pattern carries the better phrasing to suggest.
 */
import { findAll, type IndexedTranscript, type Match } from './transcript.js';

export interface Lapse {
  match: Match;
  /** What to say instead, or how. */
  instead: string;
}

interface Pattern {
  re: RegExp;
  instead: string;
}

const CASUAL: readonly Pattern[] = [
  { re: /\bgonna\b/i, instead: '"going to"' },
  { re: /\bwanna\b/i, instead: '"want to"' },
  { re: /\bgotta\b/i, instead: '"have to"' },
  { re: /\b(?:kinda|sorta)\b/i, instead: '"a little" or "rather"' },
  { re: /\b(?:yeah|yep|yup)\b/i, instead: '"yes"' },
  { re: /\bnope\b/i, instead: '"no"' },
  { re: /\bain't\b/i, instead: '"is not" / "are not"' },
  { re: /\b(?:mate|dude|buddy|guys)\b/i, instead: "the patient's name" },
  { re: /\b(?:sweetie|honey|darling|sweetheart)\b/i, instead: "the patient's name" },
  { re: /\bno (?:worries|biggie|probs)\b/i, instead: '"that\'s fine" or "of course"' },
  { re: /\b(?:cool|awesome)\b/i, instead: '"good" or "fine"' },
  { re: /\b(?:bloody|crap|freaking|damn)\b/i, instead: 'a neutral word' },
  { re: /\bstuff like that\b/i, instead: '"things like that"' },
  { re: /^\s*hey\b/i, instead: '"Hello"' },
  { re: /\bokey[- ]dokey\b/i, instead: '"All right"' },
];

const JUDGEMENTAL: readonly Pattern[] = [
  { re: /\byou should(?:n't| not)? have\b/i, instead: 'ask what made it difficult: "What made it hard to …?"' },
  { re: /\b(?:it's |it is )?your (?:own )?fault\b/i, instead: 'describe the situation without blame: "Let\'s look at what we can do now."' },
  { re: /\bwhy (?:didn't|did) you (?:not )?\w+/i, instead: 'ask without blame: "Can you tell me what happened with …?"' },
  { re: /\bobviously\b/i, instead: 'leave it out; it suggests the patient should have known' },
  { re: /\b(?:irresponsible|lazy|careless|silly|stupid|ridiculous|non-compliant)\b/i, instead: 'a neutral description of what happened' },
  { re: /\byou (?:just|simply) (?:need|have|ought) to\b/i, instead: '"It would really help to …"' },
  { re: /\bjust (?:stop|take|do|relax|calm)\b/i, instead: 'explain why, then suggest: "It would help if you could …"' },
  { re: /\byou (?:really )?should know\b/i, instead: 'check what they know: "What do you know about …?"' },
];

const DISMISSIVE: readonly Pattern[] = [
  { re: /\bcalm down\b/i, instead: 'acknowledge the feeling: "I can see this is upsetting."' },
  { re: /\bas I (?:already |just )?(?:said|told you)\b/i, instead: 'repeat it patiently in other words' },
  { re: /\blisten to me\b/i, instead: '"Can I explain something that may help?"' },
  { re: /\b(?:stop worrying|there's nothing to worry about|nothing to worry about|don't be silly)\b/i, instead: 'acknowledge the worry and ask about it: "What worries you most?"' },
  { re: /\bwhatever\b/i, instead: 'respond to what the patient said' },
  { re: /\bthat's not (?:important|relevant)\b/i, instead: '"Let\'s come back to that in a moment."' },
];

function find(tx: IndexedTranscript, patterns: readonly Pattern[]): Lapse[] {
  const out: Lapse[] = [];
  for (const p of patterns) for (const match of findAll(tx.candidate, p.re)) out.push({ match, instead: p.instead });
  return out.sort((a, b) => a.match.turn.index - b.match.turn.index || a.match.start - b.match.start);
}

export const findCasual = (tx: IndexedTranscript): Lapse[] => find(tx, CASUAL);
export const findJudgemental = (tx: IndexedTranscript): Lapse[] => find(tx, JUDGEMENTAL);
export const findDismissive = (tx: IndexedTranscript): Lapse[] => find(tx, DISMISSIVE);
