/**
 * Feedback for the four language criteria: each finding quoted, what is wrong, and a better version. Scores come from
 * scoring.ts; this file only turns findings into what an assessor would say.
 */
import type { FeedbackItem, LanguageTraits, SpeakingEvidence } from '../types.js';
import type { FluencyFindings } from './fluency.js';
import type { LearnerError } from './grammarResources.js';
import type { IntelligibilityFindings } from './intelligibility.js';
import type { JargonUse } from './jargon.js';
import type { Lapse } from './register.js';
import { fluencyPenalties, MIN_COMPLEX_SHARE, MIN_LEXICAL_VARIETY, type FluencyInputs } from './scoring.js';
import { evidenceOf, quote } from './transcript.js';

const item = (code: string, kind: FeedbackItem['kind'], message: string, evidence?: SpeakingEvidence, suggestion?: string): FeedbackItem => ({
  code: `SPEAKING_${code}`, kind, message, ...(evidence ? { evidence } : {}), ...(suggestion ? { suggestion } : {}),
});
const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** Enough examples to act on without burying the learner. */
const EXAMPLES = 5;

export function intelligibilityFeedback(f: IntelligibilityFindings, score: number): FeedbackItem[] {
  if (f.meanConfidence === null || f.lowConfidenceShare === null) {
    return [item('INTELLIGIBILITY_NOT_MEASURED', 'ISSUE', `Intelligibility could not be measured from text alone (no ASR confidences), so it is scored neutrally at ${score}. Submit the recording's ASR output to have pronunciation assessed.`)];
  }
  const out: FeedbackItem[] = [];
  if (score >= 5) out.push(item('INTELLIGIBILITY_CLEAR', 'POSITIVE', `Speech was recognised with high confidence (mean ${f.meanConfidence.toFixed(2)}; ${pct(f.lowConfidenceShare)} of words uncertain).`));
  else out.push(item('INTELLIGIBILITY_STRAIN', 'ISSUE', `The speech recogniser was unsure of ${pct(f.lowConfidenceShare)} of your words (mean confidence ${f.meanConfidence.toFixed(2)}); a listener is likely to strain too.`, undefined, 'Slow down a little, finish each word clearly and stress the key syllable of medical words.'));
  for (const low of f.lowest) {
    out.push(item('INTELLIGIBILITY_UNCLEAR_WORD', 'ISSUE', `"${quote(low.evidence.text)}" was hard to recognise (confidence ${low.confidence.toFixed(2)}).`, low.evidence, `Say "${quote(low.evidence.text, 40)}" more slowly and clearly.`));
  }
  return out;
}

export function fluencyFeedback(f: FluencyFindings, inputs: FluencyInputs, score: number): FeedbackItem[] {
  const p = fluencyPenalties(inputs);
  const out: FeedbackItem[] = [];
  if (p.fillers > 0) {
    f.fillers.slice(0, EXAMPLES).forEach((m, i) => out.push(item('FLUENCY_FILLER', 'ISSUE', i === 0 ? `${f.fillers.length} fillers (${inputs.fillersPer100.toFixed(1)} per 100 words), e.g. "${m.text}".` : `Filler "${m.text}".`, evidenceOf(m), 'Pause silently instead of filling the gap; plan the next phrase during the pause.')));
  }
  if (p.repetitions > 0) {
    const items: SpeakingEvidence[] = [...f.repetitions, ...f.falseStarts.map(evidenceOf)].sort((a, b) => a.start - b.start);
    items.slice(0, EXAMPLES).forEach((e) => out.push(item('FLUENCY_REPETITION', 'ISSUE', `Repetition or false start: "${e.text}".`, e, 'Start the sentence once; if you need time, pause briefly rather than restarting.')));
  }
  if (p.pauses > 0 && f.pauses) {
    f.pauses.slice(0, EXAMPLES).forEach((x) => out.push(item('FLUENCY_PAUSE', 'ISSUE', `A ${(x.ms / 1000).toFixed(1)} s silence in the middle of your turn${x.evidence ? ` ("${x.evidence.text}")` : ''}.`, x.evidence, 'Prepare the key phrases for each stage of the role-play so the words come without long searches.')));
  }
  if (p.rate > 0 && inputs.rateWpm !== null) {
    const fast = inputs.rateWpm > 170;
    out.push(item('FLUENCY_RATE', 'ISSUE', `Speaking rate ${Math.round(inputs.rateWpm)} words per minute is ${fast ? 'fast' : 'slow'} for a patient conversation (natural: about 120–170).`, undefined, fast ? 'Slow down and pause between points.' : 'Aim for a steadier pace; rehearse common explanations aloud.'));
  }
  if (score === 6) {
    const unmeasured = f.pauses === null ? ' (no word timings were given, so pauses and pace were not measured)' : '';
    out.push(item('FLUENCY_NATURAL', 'POSITIVE', `Speech flows with only natural hesitation${unmeasured}.`));
  }
  return out;
}

export function appropriatenessFeedback(jargon: readonly JargonUse[], casual: readonly Lapse[], judgemental: readonly Lapse[]): FeedbackItem[] {
  const out: FeedbackItem[] = [];
  for (const j of jargon.filter((x) => !x.explained)) {
    out.push(item('APPROPRIATENESS_JARGON', 'ISSUE', `"${j.match.text}" is a technical term the patient may not know, and it is not explained.`, evidenceOf(j.match),
      j.lay ? `Say "${j.lay}" instead, or explain it: "${j.match.text}, which means ${j.lay}".` : `Explain "${j.match.text}" in everyday words right after saying it ("…, which means …").`));
  }
  const explained = jargon.find((x) => x.explained);
  if (explained) out.push(item('APPROPRIATENESS_EXPLAINED', 'POSITIVE', `Technical terms are explained in lay words, e.g. "${explained.match.text}".`, evidenceOf(explained.match)));
  for (const c of casual) out.push(item('APPROPRIATENESS_CASUAL', 'ISSUE', `"${c.match.text}" is too casual for a professional conversation.`, evidenceOf(c.match), `Use ${c.instead}.`));
  for (const j of judgemental) out.push(item('APPROPRIATENESS_TONE', 'ISSUE', `"${j.match.text}" sounds judgemental or dismissive.`, evidenceOf(j.match), `Instead, ${j.instead}`));
  if (out.every((x) => x.kind === 'POSITIVE')) out.push(item('APPROPRIATENESS_LAY_REGISTER', 'POSITIVE', 'Register and words suit a lay listener; no unexplained jargon or slang.'));
  return out;
}

export interface GrammarFeedbackInputs {
  errors: readonly LearnerError[];
  proofIssues: readonly { evidence?: SpeakingEvidence; message: string }[];
  traits: LanguageTraits | null;
  lexicalVariety: number;
  complexShare: number;
  score: number;
}

export function grammarFeedback(g: GrammarFeedbackInputs): FeedbackItem[] {
  const out: FeedbackItem[] = [];
  for (const e of g.errors.slice(0, 8)) out.push(item(`GRAMMAR_${e.code}`, 'ISSUE', `"${e.match.text}": ${e.message}.`, evidenceOf(e.match), `"${e.correction}"`));
  for (const p of g.proofIssues.slice(0, EXAMPLES)) out.push(item('GRAMMAR_PROOFREAD', 'ISSUE', p.evidence ? `"${quote(p.evidence.text)}": ${p.message}` : p.message, p.evidence));
  if (g.traits) {
    const t = g.traits;
    out.push(item('GRAMMAR_TRAITS', g.score >= 5 ? 'POSITIVE' : 'ISSUE', `Language model ratings (1–5): grammar ${t.grammar}, vocabulary ${t.vocabulary}, syntax ${t.syntax}, phraseology ${t.phraseology}.`));
  } else {
    if (g.lexicalVariety < MIN_LEXICAL_VARIETY) out.push(item('GRAMMAR_NARROW_VOCABULARY', 'ISSUE', `The same words recur often (variety ${g.lexicalVariety.toFixed(2)}).`, undefined, 'Vary how you say things: "concerned" / "worried", "take" / "use", "improve" / "get better".'));
    if (g.complexShare < MIN_COMPLEX_SHARE) out.push(item('GRAMMAR_SIMPLE_SENTENCES', 'ISSUE', `Only ${pct(g.complexShare)} of sentences join ideas; most are single clauses.`, undefined, 'Link ideas: "This medicine helps because it …", "If the pain comes back, …".'));
  }
  if (g.score >= 5 && !g.traits) out.push(item('GRAMMAR_RANGE', 'POSITIVE', 'Grammar and vocabulary are accurate and varied enough for a flexible conversation.'));
  return out;
}
