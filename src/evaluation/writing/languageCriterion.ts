import { scoreCriterion, type Deduction } from '../criterionScore.js';
import type { CriterionResult, FeedbackItem, LanguageTraits } from '../types.js';
import type { LetterParts } from './letterParts.js';

/** One spelling, grammar or punctuation error, offsets into the text that was checked. */
export interface LanguageIssue {
  code: string;
  category: string;
  start: number;
  end: number;
  text: string;
  message: string;
  suggestion?: string;
}

export interface ProofreadSummary {
  issues: readonly LanguageIssue[];
  errorsPer100Words: number;
  variety?: string;
}

/** Errors per 100 words → band: accurate writing has under one slip per 200 words; B1 writing several per sentence. */
const ERROR_BANDS: readonly [number, number][] = [
  [0.5, 7],
  [1.5, 6],
  [3, 5],
  [5, 4],
  [8, 3],
  [12, 2],
];

export function errorBand(errorsPer100Words: number): number {
  for (const [limit, band] of ERROR_BANDS) if (errorsPer100Words <= limit) return band;
  return 1;
}

/** ELLIPSE's 1–5 traits → OET's 1–7: 4.5 and above reads as accurate, fluent prose; 2 as pervasive error. */
export function traitBand(traits: LanguageTraits): number {
  const mean = (traits.grammar + traits.conventions + traits.syntax + traits.vocabulary + traits.phraseology) / 5;
  return Math.max(1, Math.min(7, Math.round(2 * mean - 2)));
}

/**
 * Language (0–7): accuracy first (OET: "accuracy over ornament"), from the proofreader's error rate, moderated by
 * the calibrated language model's traits (range and control that error counts miss) when it is loaded. The error
 * rate weighs 0.65: it is evidence an assessor can be shown, the traits are an estimate.
 */
export function judgeLanguage(letter: string, parts: LetterParts, proof: ProofreadSummary, traits: LanguageTraits | null): CriterionResult {
  const fromErrors = errorBand(proof.errorsPer100Words);
  const band = traits ? Math.round(0.65 * fromErrors + 0.35 * traitBand(traits)) : fromErrors;
  // Deductions explain the band: the first error carries the whole drop, the rest are listed as evidence.
  const issues = [...proof.issues].sort((a, b) => a.start - b.start);
  const deductions: Deduction[] = issues.slice(0, 12).map((i, n) => ({
    points: n === 0 ? 7 - band : 0,
    feedback: { code: `LANGUAGE_${i.code}`, kind: 'ISSUE', message: i.message, evidence: { start: parts.body.start + i.start, end: parts.body.start + i.end, text: letter.slice(parts.body.start + i.start, parts.body.start + i.end) }, suggestion: i.suggestion },
  }));
  if (issues.length === 0 && band < 7) deductions.push({ points: 7 - band, feedback: { code: 'LANGUAGE_RANGE', kind: 'ISSUE', message: 'Few errors, but the range and control of grammar and vocabulary read as limited: vary sentence structures and link ideas.' } });
  const positives: FeedbackItem[] = [{ code: 'LANGUAGE_ACCURATE', kind: 'POSITIVE', message: `Accurate grammar, spelling and punctuation (${proof.errorsPer100Words.toFixed(1)} errors per 100 words).` }];
  return scoreCriterion('Language', 7, deductions, positives);
}
