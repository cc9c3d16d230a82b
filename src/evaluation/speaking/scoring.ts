/**
 * Evidence → score, one small rule per criterion. Every rule is monotone: more of what costs marks never raises a
 * score, more of what earns marks never lowers it. Thresholds follow OET's band descriptors (see
 * /work/shared/OET_ASSESSMENT.md): 6 natural / no strain, 5 occasional lapses, 4 noticeable, 3 frequent.
 */
import type { LanguageTraits } from '../types.js';

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** The first band whose limit the value does not exceed gives the penalty. */
type Steps = readonly (readonly [limit: number, penalty: number])[];
function penalty(value: number, steps: Steps, beyond: number): number {
  for (const [limit, p] of steps) if (value <= limit) return p;
  return beyond;
}

/**
 * Clinical communication (0–3): the mean credit of the criterion's judged indicators (null = nothing to judge,
 * left out). ≥ 0.8 adept (3), ≥ 0.55 competent (2), ≥ 0.3 partially effective (1), else ineffective (0).
 */
export const COMMUNICATION_BANDS = [[0.8, 3], [0.55, 2], [0.3, 1]] as const;
export function communicationScore(indicators: readonly { met: boolean | null; credit: number }[]): number {
  const judged = indicators.filter((i) => i.met !== null);
  if (judged.length === 0) return 0;
  const mean = judged.reduce((s, i) => s + i.credit, 0) / judged.length;
  for (const [min, score] of COMMUNICATION_BANDS) if (mean >= min) return score;
  return 0;
}

/**
 * Intelligibility (0–6) from ASR confidence: the lower of two readings, mean confidence and share of words under
 * 0.6. Without confidences nothing was heard: a neutral 5, one less when fluency is poor (≤ 3), since heavy
 * disfluency strains a listener too.
 */
export const CONFIDENCE_BANDS = [[0.9, 6], [0.85, 5], [0.75, 4], [0.65, 3], [0.5, 2]] as const;
export const LOW_SHARE_BANDS = [[0.05, 6], [0.1, 5], [0.2, 4], [0.35, 3], [0.5, 2]] as const;
export const UNMEASURED_INTELLIGIBILITY = 5;
export function intelligibilityScore(meanConfidence: number | null, lowShare: number | null, fluency: number): number {
  if (meanConfidence === null || lowShare === null) return UNMEASURED_INTELLIGIBILITY - (fluency <= 3 ? 1 : 0);
  let byMean = 1;
  for (const [min, score] of CONFIDENCE_BANDS) if (meanConfidence >= min) { byMean = score; break; }
  let byLow = 1;
  for (const [max, score] of LOW_SHARE_BANDS) if (lowShare <= max) { byLow = score; break; }
  return Math.min(byMean, byLow);
}

/**
 * Fluency (0–6): 6 less four penalties. Fillers per 100 words: ≤ 2 → 0, ≤ 5 → 1, ≤ 10 → 2, more → 3.
 * Repetitions and false starts per 100 words: ≤ 1 → 0, ≤ 3 → 1, more → 2. Pauses ≥ 2 s per minute of candidate
 * speech: ≤ 0.5 → 0, ≤ 2 → 1, more → 2. Rate: 120–170 wpm → 0, 100–190 → 1, else 2. Unmeasured parts cost nothing.
 */
export const FILLER_STEPS: Steps = [[2, 0], [5, 1], [10, 2]];
export const REPETITION_STEPS: Steps = [[1, 0], [3, 1]];
export const PAUSE_STEPS: Steps = [[0.5, 0], [2, 1]];
export function ratePenalty(wpm: number): number {
  if (wpm >= 120 && wpm <= 170) return 0;
  if (wpm >= 100 && wpm <= 190) return 1;
  return 2;
}
export interface FluencyInputs {
  fillersPer100: number;
  repetitionsPer100: number;
  pausesPerMinute: number | null;
  rateWpm: number | null;
}
export function fluencyPenalties(f: FluencyInputs): { fillers: number; repetitions: number; pauses: number; rate: number } {
  return {
    fillers: penalty(f.fillersPer100, FILLER_STEPS, 3),
    repetitions: penalty(f.repetitionsPer100, REPETITION_STEPS, 2),
    pauses: f.pausesPerMinute === null ? 0 : penalty(f.pausesPerMinute, PAUSE_STEPS, 2),
    rate: f.rateWpm === null ? 0 : ratePenalty(f.rateWpm),
  };
}
export function fluencyScore(f: FluencyInputs): number {
  const p = fluencyPenalties(f);
  return clamp(6 - p.fillers - p.repetitions - p.pauses - p.rate, 0, 6);
}

/**
 * Appropriateness of Language (0–6): 6 less penalties. Unexplained jargon terms: 0 → 0, 1 → 1, 2–3 → 2, more → 3.
 * Casual or slang words: 0 → 0, 1–2 → 1, more → 2. Judgemental or dismissive phrases: 0 → 0, 1–2 → 1, more → 2.
 */
export const JARGON_STEPS: Steps = [[0, 0], [1, 1], [3, 2]];
export const CASUAL_STEPS: Steps = [[0, 0], [2, 1]];
export const JUDGEMENT_STEPS: Steps = [[0, 0], [2, 1]];
export function appropriatenessScore(unexplainedJargon: number, casual: number, judgemental: number): number {
  return clamp(6 - penalty(unexplainedJargon, JARGON_STEPS, 3) - penalty(casual, CASUAL_STEPS, 2) - penalty(judgemental, JUDGEMENT_STEPS, 2), 0, 6);
}

/**
 * Resources of Grammar and Expression (0–6).
 * With ELLIPSE traits: the mean m of grammar, vocabulary, syntax and phraseology (1–5) mapped as 2m − 2 (the
 * writing Language criterion's map: an ELLIPSE 3.5, a competent learner essay, is a 5; 4 and above a 6), less half the
 * error penalty (the traits already reflect accuracy), rounded.
 * Without: 6 less the error penalty, less 1 when lexical variety (MATTR) < 0.6, less 1 when under 15% of sentences
 * join clauses.
 * Error penalty, from errors per 100 words (the higher of the proofreader's rate and our learner-error rate):
 * ≤ 0.5 → 0, ≤ 1.5 → 1, ≤ 3 → 2, ≤ 5 → 3, more → 4.
 */
export const ERROR_STEPS: Steps = [[0.5, 0], [1.5, 1], [3, 2], [5, 3]];
export const MIN_LEXICAL_VARIETY = 0.6;
export const MIN_COMPLEX_SHARE = 0.15;
export interface GrammarInputs {
  traits: LanguageTraits | null;
  errorsPer100: number;
  lexicalVariety: number;
  complexShare: number;
}
export function grammarScore(g: GrammarInputs): number {
  const errors = penalty(g.errorsPer100, ERROR_STEPS, 4);
  if (g.traits) {
    const m = (g.traits.grammar + g.traits.vocabulary + g.traits.syntax + g.traits.phraseology) / 4;
    return clamp(Math.round(2 * m - 2 - errors / 2), 0, 6);
  }
  const variety = g.lexicalVariety < MIN_LEXICAL_VARIETY ? 1 : 0;
  const complexity = g.complexShare < MIN_COMPLEX_SHARE ? 1 : 0;
  return clamp(6 - errors - variety - complexity, 0, 6);
}
