import type { UnsupportedFinding } from '../../safety/grounding/detectUnsupported.js';
import { matchesIn, scoreCriterion, type Deduction } from '../criterionScore.js';
import type { CriterionResult, FeedbackItem } from '../types.js';
import { copiedShare, type CoveredItem } from './coverage.js';
import type { LetterParts } from './letterParts.js';

/** Facts a letter may not change (the grounding check's types that matter to a reader continuing care). */
const FACT_TYPES = new Set(['DRUG', 'DOSE', 'NUMBER', 'DATE', 'NEGATION_FLIP', 'CONDITION']);

const quoteOf = (i: CoveredItem): string => (i.text.length > 90 ? `${i.text.slice(0, 87)}…` : i.text);

/**
 * Content (0–7): does the reader get everything they need to continue care, accurately? Needed notes omitted cost
 * a step per share missed; each fact changed from the notes costs a step ("ruled out" turned "confirmed" two).
 */
export function judgeContent(letter: string, parts: LetterParts, items: readonly CoveredItem[], changed: readonly UnsupportedFinding[]): CriterionResult {
  const deductions: Deduction[] = [];
  const needed = items.filter((i) => i.relevance === 'NEEDED');
  const omitted = needed.filter((i) => !i.used);
  const share = needed.length === 0 ? 1 : (needed.length - omitted.length) / needed.length;
  const omissionPoints = share >= 0.85 ? 0 : share >= 0.7 ? 1 : share >= 0.55 ? 2 : share >= 0.4 ? 3 : 4;
  omitted.slice(0, 6).forEach((i, n) =>
    deductions.push({ points: n === 0 ? omissionPoints : 0, feedback: { code: 'CONTENT_OMITTED', kind: 'ISSUE', message: `Needed for this reader but missing: "${quoteOf(i)}" (${i.reason}).` } }),
  );
  const facts = changed.filter((f) => FACT_TYPES.has(f.type));
  facts.slice(0, 5).forEach((f, n) => {
    const points = f.type === 'NEGATION_FLIP' ? 2 : n < 3 ? 1 : 0.5;
    const source = f.evidence ? ` The notes say "${f.evidence.text}".` : '';
    deductions.push({ points, feedback: { code: `CONTENT_FACT_${f.type}`, kind: 'ISSUE', message: `${f.message}${source} Facts must be exactly as in the notes.`, evidence: { start: f.start, end: f.end, text: f.text }, suggestion: f.evidence?.text } });
  });
  for (const m of matchesIn(letter, /\bcomplaint\s+(with|to)\b/gi, parts.body.start, parts.body.end).slice(0, 1)) {
    deductions.push({ points: 1, feedback: { code: 'CONTENT_COMPLAINT_FOR_COMPLIANT', kind: 'ISSUE', message: '"Complaint" (an expression of dissatisfaction) is used for "compliant" (following treatment).', evidence: m, suggestion: m.text.replace(/complaint/i, 'compliant') } });
  }
  if (parts.bodyWords < 100) deductions.push({ points: 2, feedback: { code: 'CONTENT_TOO_SHORT', kind: 'ISSUE', message: `The body has ${parts.bodyWords} words: too little for the reader to act on (aim for about 180–200).` } });
  else if (parts.bodyWords < 150) deductions.push({ points: 1, feedback: { code: 'CONTENT_SHORT', kind: 'ISSUE', message: `The body has ${parts.bodyWords} words; a short letter usually leaves out something the reader needs (aim for about 180–200).` } });
  const positives: FeedbackItem[] = [{ code: 'CONTENT_COMPLETE', kind: 'POSITIVE', message: `Covers ${needed.length - omitted.length} of the ${needed.length} items this reader needs, accurately.` }];
  const carried = needed.flatMap((i) => (i.used && i.evidence ? [i.evidence] : []));
  return scoreCriterion('Content', 7, deductions, positives, 1, carried);
}

/**
 * Conciseness & Clarity (0–7): nothing the reader does not need, an effective summary, a length that fits. Notes
 * the reader should not get cost a step each; so does a body far beyond the 180–200 guidance, or note phrasing copied
 * wholesale.
 */
export function judgeConciseness(notes: string, parts: LetterParts, items: readonly CoveredItem[]): CriterionResult {
  const deductions: Deduction[] = [];
  const irrelevant = items.filter((i) => i.relevance === 'LEAVE_OUT' && i.used);
  irrelevant.slice(0, 4).forEach((i, n) =>
    deductions.push({ points: n < 3 ? 1 : 0.5, feedback: { code: 'CONCISENESS_IRRELEVANT', kind: 'ISSUE', message: `Leave this out: ${i.reason} ("${quoteOf(i)}").`, evidence: i.evidence ?? undefined } }),
  );
  const words = parts.bodyWords;
  if (words > 300) deductions.push({ points: 2, feedback: { code: 'CONCISENESS_TOO_LONG', kind: 'ISSUE', message: `The body has ${words} words, far above the 180–200 guidance: summarise and select.` } });
  else if (words > 240) deductions.push({ points: 1, feedback: { code: 'CONCISENESS_LONG', kind: 'ISSUE', message: `The body has ${words} words, above the 180–200 guidance: select what this reader needs.` } });
  const copied = copiedShare(notes, parts.body.text);
  const usedAll = items.filter((i) => i.section !== 'PATIENT');
  const usedShare = usedAll.length === 0 ? 0 : usedAll.filter((i) => i.used).length / usedAll.length;
  if (copied >= 0.3 || (usedShare >= 0.85 && usedAll.length >= 10)) {
    deductions.push({ points: copied >= 0.45 ? 2 : 1, feedback: { code: 'CONCISENESS_NOTES_COPIED', kind: 'ISSUE', message: `The letter transfers the notes rather than summarising them (${Math.round(usedShare * 100)}% of the notes used, ${Math.round(copied * 100)}% of its phrasing lifted from them).`, evidence: parts.paragraphs[0] } });
  }
  const longSentences = parts.body.text.split(/(?<=[.!?])\s+/).filter((s) => s.split(/\s+/).length > 45);
  if (longSentences.length >= 2) deductions.push({ points: 1, feedback: { code: 'CLARITY_LONG_SENTENCES', kind: 'ISSUE', message: 'Several sentences run past 45 words; split them so each carries one point.' } });
  const positives: FeedbackItem[] = [{ code: 'CONCISENESS_SELECTIVE', kind: 'POSITIVE', message: `Selective and summarised: ${words} words in the body.` }];
  return scoreCriterion('Conciseness & Clarity', 7, deductions, positives);
}

