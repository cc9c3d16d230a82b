/**
 * Resources of Grammar and Expression from the candidate's own words: typical learner errors (each with its
 * correction), lexical variety and how often sentences are more than one clause. The trained trait model and the
 * proofreader, when injected, are combined with these in scoring.ts.
 */
import { findAll, type IndexedTranscript, type Match } from './transcript.js';

export interface LearnerError {
  match: Match;
  code: string;
  message: string;
  correction: string;
}

interface Rule {
  code: string;
  re: RegExp;
  message: string;
  fix: (m: string) => string;
}

const BASE_PAST: Readonly<Record<string, string>> = {
  went: 'go', took: 'take', came: 'come', had: 'have', was: 'be', felt: 'feel', saw: 'see', got: 'get', ate: 'eat',
  started: 'start', stopped: 'stop', noticed: 'notice', told: 'tell', gave: 'give', made: 'make', said: 'say',
};
const THIRD: Readonly<Record<string, string>> = {
  have: 'has', do: 'does', go: 'goes', take: 'takes', need: 'needs', want: 'wants', feel: 'feels', say: 'says',
  make: 'makes', come: 'comes', get: 'gets', "don't": "doesn't", are: 'is', were: 'was', help: 'helps', work: 'works',
  stop: 'stops', measure: 'measures', change: 'changes', happen: 'happens', mean: 'means', cause: 'causes',
  start: 'starts', become: 'becomes', hurt: 'hurts', stay: 'stays', give: 'gives', show: 'shows', };
/** Base verb → -ing form, for corrections ("make" → "making", "stop" → "stopping"). */
export function ingForm(verb: string): string {
  const v = verb.toLowerCase();
  if (/[^aeiou]e$/.test(v) && v !== 'be') return `${v.slice(0, -1)}ing`;
  if (/^[^aeiou]*[aeiou][bdgmnpt]$/.test(v)) return `${v}${v.slice(-1)}ing`;
  return `${v}ing`;
}
/** -ing form → base verb, for corrections ("bleeding" → "bleed", "making" → "make"). */
export function baseForm(ing: string): string {
  const stem = ing.toLowerCase().replace(/ing$/, '');
  if (/([bdgmnpt])\1$/.test(stem)) return stem.slice(0, -1);
  if (/^(?:mak|tak|giv|hav|com|us|writ|lov|mov|liv|car|sav|chang|continu|leav|tak|measur|caus|becom|bruis|clos|increas|decreas|reduc|improv|manag|notic|prepar|provid|receiv|remov|us|involv)$/.test(stem)) return `${stem}e`;
  return stem;
}
const COMPARATIVE: Readonly<Record<string, string>> = {
  better: 'better', worse: 'worse', easier: 'easier', bigger: 'bigger', smaller: 'smaller', higher: 'higher', lower: 'lower',
  less: 'less', strong: 'stronger', slow: 'slower', safe: 'safer', long: 'longer', thin: 'thinner', fast: 'faster', big: 'bigger',
  small: 'smaller', high: 'higher', low: 'lower', easy: 'easier', hard: 'harder', quick: 'quicker', short: 'shorter', weak: 'weaker',
  good: 'better', bad: 'worse',
};
const PLURAL_NOUNS = 'type|time|patient|day|week|tablet|dose|thing|question|medicine|month|year|hour|minute|injection|sign|person|exercise|step';
const PAST: Readonly<Record<string, string>> = {
  come: 'came', go: 'went', take: 'took', start: 'started', see: 'saw', eat: 'ate', feel: 'felt', have: 'had', get: 'got', begin: 'began', stop: 'stopped',
};
const keys = (o: Readonly<Record<string, string>>): string => Object.keys(o).join('|');

const RULES: readonly Rule[] = [
  {
    code: 'MODAL_WITH_TO',
    re: /\b(must|should|can|could|will|would|might|may) to (\w+)/i,
    message: 'a modal verb takes the bare infinitive, without "to"',
    fix: (m) => m.replace(/ to /i, ' '),
  },
  {
    code: 'EVERY_PLURAL',
    re: /\bevery (days|weeks|months|nights|years|mornings|evenings|times)\b/i,
    message: '"every" takes a singular noun',
    fix: (m) => m.replace(/s$/i, ''),
  },
  {
    code: 'SUBJECT_VERB_AGREEMENT',
    re: new RegExp(`(?<!\\b(?:does|did|do|will|would|can|could|should|must|may|might|to|let|make|help|and|or|if)\\s)\\b(he|she|it) (${keys(THIRD)})\\b`, 'i'),
    message: 'after he/she/it the verb takes -s (or "has", "does", "is")',
    fix: (m) => m.replace(/(\w+)$/, (v) => THIRD[v.toLowerCase()] ?? v),
  },
  {
    code: 'SUBJECT_VERB_AGREEMENT',
    re: /\b(?:you|they|we) is\b|\b(?:he|she|it) are\b|\bI is\b/i,
    message: 'the verb does not agree with its subject',
    fix: (m) => m.replace(/\bis$/i, 'are').replace(/^(he|she|it) are$/i, '$1 is').replace(/^I are$/i, 'I am'),
  },
  {
    code: 'PAST_WITHOUT_PAST_TENSE',
    re: new RegExp(`\\b(you|I|he|she|they|we) (${keys(PAST)}) (?:(?:here|in|to the \\w+|to hospital|the \\w+) )?(yesterday|last (?:week|night|month|year)|\\w+ (?:days|weeks|months|years) ago)\\b`, 'i'),
    message: 'a finished past event needs the past tense',
    fix: (m) => m.replace(new RegExp(`\\b(${keys(PAST)})\\b`, 'i'), (v) => PAST[v.toLowerCase()] ?? v),
  },
  {
    code: 'DID_WITH_PAST',
    re: new RegExp(`\\b(did|didn't) (you|he|she|they|it|we) (${keys(BASE_PAST)})\\b`, 'i'),
    message: 'after "did" the verb stays in its base form',
    fix: (m) => m.replace(/(\w+)$/, (v) => BASE_PAST[v.toLowerCase()] ?? v),
  },
  {
    code: 'SINCE_FOR',
    re: /\bsince (?:\d+|a few|two|three|four|five|six|several|many) (?:days|weeks|months|years|hours)\b/i,
    message: '"since" takes a point in time; a length of time takes "for"',
    fix: (m) => m.replace(/^since/i, 'for'),
  },
  {
    code: 'COMPARATIVE',
    re: new RegExp(`\\bmore (${keys(COMPARATIVE)})\\b`, 'i'),
    message: 'short adjectives form the comparative with -er, not "more"',
    fix: (m) => COMPARATIVE[m.replace(/^more /i, '').toLowerCase()] ?? m,
  },
  {
    code: 'MISSING_SUBJECT',
    re: /(?:^|(?<=[.?!,]\s)|(?<=\b(?:if|but|because|so|and)\s))[Ii]s (?:not |very |too |quite )?(?:okay|ok|good|correct|big|small|important|normal|common|true|possible|better|fine|three|two|next day)\b/,
    message: 'English needs a subject here: "it is"',
    fix: (m) => `it ${m.charAt(0).toLowerCase()}${m.slice(1)}`,
  },
  {
    code: 'MODAL_WITH_ING',
    re: /\b(must|can|could|will|would|should|may|might) (?!bring|sing|ring|sting|swing|thing|nothing|something|anything|everything|morning|evening|during)(\w+ing)\b/i,
    message: 'a modal verb takes the bare infinitive',
    fix: (m) => m.replace(/(\w+ing)$/i, (v) => baseForm(v)),
  },
  {
    code: 'BE_WITH_BASE_VERB',
    re: /\b(is|are|am) (make|take|go|come|need|want|help|stop|work|give|know|eat|drink|hurt)\b/i,
    message: '"be" is followed by the -ing form here',
    fix: (m) => m.replace(/(\w+)$/, (v) => ingForm(v)),
  },
  {
    code: 'SUBJECT_VERB_AGREEMENT',
    re: /\b(?:you|we|they) was\b|\b(?:this|that) are\b|\b(?:these|those) is\b/i,
    message: 'the verb does not agree with its subject',
    fix: (m) => m.replace(/ was$/i, ' were').replace(/^(this|that) are$/i, (_x, d: string) => `${d.toLowerCase() === 'this' ? 'these' : 'those'} are`).replace(/^(these|those) is$/i, (_x, d: string) => `${d.toLowerCase() === 'these' ? 'this' : 'that'} is`),
  },
  {
    code: 'INFINITIVE_WITHOUT_TO',
    re: /\b(want|need|going|have|try|would like) (explain|stop|take|talk|ask|check|show|tell|make|come|know|speak|learn|practise|remember|see)\b/i,
    message: 'this verb needs "to" before the next verb',
    fix: (m) => m.replace(/ (\w+)$/, ' to $1'),
  },
  {
    code: 'FOR_WITH_BASE_VERB',
    re: /\b(?:thank you |thanks )?for (talk|make|kill|practise|practice|take|tell|check|explain|clot|prevent|help|show)\b/i,
    message: 'purpose is "to + verb"; after "thank you for" use the -ing form',
    fix: (m) => (/^thank/i.test(m) ? m.replace(/(\w+)$/, (v) => ingForm(v)) : m.replace(/^for /i, 'to ')),
  },
  {
    code: 'PLURAL_AFTER_NUMBER',
    re: new RegExp(`\\b(?:two|three|four|five|six|seven|eight|nine|ten|many|several|few) (${PLURAL_NOUNS})\\b`, 'i'),
    message: 'a number above one (or "many") takes a plural noun',
    fix: (m) => `${m}s`,
  },
  {
    code: 'MISSING_ARTICLE',
    re: /\bI(?:'m| am) (?:nurse|doctor|pharmacist|physiotherapist|dentist|dietitian|therapist|radiographer|podiatrist|optometrist|vet)\b/i,
    message: 'a job after "I am" takes "a" or "the"',
    fix: (m) => m.replace(/(\w+)$/, 'a $1'),
  },
  {
    code: 'WORD_CHOICE',
    re: /\bwith your (?:own )?words\b/i,
    message: 'the idiom is "in your own words"',
    fix: () => 'in your own words',
  },
  {
    code: 'PRESENT_PERFECT_WITH_PAST_TIME',
    re: /\b(?:yesterday|last (?:week|night|month|year)),? (?:you|I|he|she|they|we) (?:have|has) (?:done|been|had|taken|gone|seen|walked|tried)\b/i,
    message: 'a finished time ("yesterday") takes the past simple, not the present perfect',
    fix: (m) => m.replace(/ (?:have|has) (\w+)$/i, (_x, v: string) => ` ${({ done: 'did', been: 'were', had: 'had', taken: 'took', gone: 'went', seen: 'saw', walked: 'walked', tried: 'tried' } as Record<string, string>)[v.toLowerCase()] ?? v}`),
  },
  {
    code: 'UNCOUNTABLE_NOUN',
    re: /\b(?:advices|informations|equipments|an? (?:advice|information|equipment))\b/i,
    message: '"advice", "information" and "equipment" are uncountable',
    fix: (m) => m.replace(/^an? /i, 'some ').replace(/s$/i, ''),
  },
  {
    code: 'VERB_PATTERN',
    re: /\b(explain|describe) (me|him|her|us)\b|\bdiscuss about\b|\bsay (me|him|her|us)\b|\bsaid you\b/i,
    message: 'the verb pattern is wrong ("explain to me", "tell me", "discuss something")',
    fix: (m) => m.replace(/^(explain|describe) (\w+)$/i, '$1 to $2').replace(/^discuss about$/i, 'discuss').replace(/^say (\w+)$/i, 'tell $1').replace(/^said you$/i, 'told you'),
  },
  {
    code: 'QUESTION_WITHOUT_AUXILIARY',
    re: /(?:^|[.?!]\s+)(?:(?:so|and|okay|first),?\s+)?(what|how|where|when|why) you (think|want|need|feel|take|mean|do|like|eat|drink|know|remember|understand|have|use|heard|told|said|did|had|took)\b/i,
    message: 'a question needs the auxiliary "do" or "did" ("What do you think…?")',
    fix: (m) => m.replace(/\b(what|how|where|when|why) you (\w+)$/i, (_x, w: string, v: string) => (BASE_PAST[v.toLowerCase()] || v.toLowerCase() === 'heard' ? `${w} did you ${BASE_PAST[v.toLowerCase()] ?? 'hear'}` : `${w} do you ${v}`)).replace(/^[.?!]\s+/, ''),
  },
  {
    code: 'AM_AGREE',
    re: /\bI am agree\b/i,
    message: '"agree" is a verb: "I agree"',
    fix: () => 'I agree',
  },
];

export function findLearnerErrors(tx: IndexedTranscript): LearnerError[] {
  const out: LearnerError[] = [];
  for (const rule of RULES) {
    for (const m of findAll(tx.candidate, rule.re)) {
      // Trim a leading sentence boundary the pattern needed to see.
      const lead = /^[.?!]\s+/.exec(m.text)?.[0].length ?? 0;
      const match: Match = { ...m, start: m.start + lead, text: m.text.slice(lead) };
      out.push({ match, code: rule.code, message: rule.message, correction: rule.fix(match.text) });
    }
  }
  return out.sort((a, b) => a.match.turn.index - b.match.turn.index || a.match.start - b.match.start);
}

/** Moving-average type/token ratio over 50-word windows: variety that does not fall just because the talk is long. */
export function lexicalVariety(tx: IndexedTranscript, window = 50): number {
  const words = tx.candidate.flatMap((t) => t.words.map((w) => w.lower));
  if (words.length === 0) return 0;
  if (words.length <= window) return new Set(words).size / words.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < window; i++) counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1);
  let sum = counts.size;
  for (let i = window; i < words.length; i++) {
    const out = words[i - window]!;
    const n = counts.get(out)! - 1;
    if (n === 0) counts.delete(out);
    else counts.set(out, n);
    counts.set(words[i]!, (counts.get(words[i]!) ?? 0) + 1);
    sum += counts.size;
  }
  return sum / (words.length - window + 1) / window;
}

const SUBORDINATE = /\b(?:because|although|though|while|whereas|unless|if|when|whenever|so that|which|who|whose|where|that|since|until|before|after|as soon as|in case)\b/i;

/** Share of candidate sentences of five words or more that join clauses. */
export function complexSentenceShare(tx: IndexedTranscript): number {
  const sentences = tx.candidate.flatMap((t) => t.sentences).filter((s) => s.words.length >= 5);
  if (sentences.length === 0) return 0;
  return sentences.filter((s) => SUBORDINATE.test(s.text)).length / sentences.length;
}
