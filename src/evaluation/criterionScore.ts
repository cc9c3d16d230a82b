import type { CriterionName, CriterionResult, Evidence, FeedbackItem } from './types.js';

/** One thing that costs marks, and how many band steps it costs. */
export interface Deduction {
  points: number;
  feedback: FeedbackItem;
}

/**
 * A criterion's score as assessors reach it: start from the top band and step down for each weakness found, never
 * below `floor` (a letter that exists earns the bottom band's mark, not zero). Evidence is every span the feedback
 * quotes and the `support` spans, in text order.
 */
export function scoreCriterion(name: CriterionName, max: number, deductions: readonly Deduction[], positives: readonly FeedbackItem[] = [], floor = 1, support: readonly Evidence[] = []): CriterionResult {
  const lost = deductions.reduce((sum, d) => sum + d.points, 0);
  const score = Math.max(Math.min(floor, max), Math.min(max, Math.round(max - lost)));
  const issues = [...deductions].sort((a, b) => b.points - a.points).map((d) => d.feedback);
  const feedback = [...issues, ...(score >= max - 1 ? positives : [])];
  const seen = new Set<string>();
  const evidence: Evidence[] = [];
  // Evidence: what the feedback quotes, and the spans that support the score (the sentences carrying needed facts).
  for (const e of [...feedback.flatMap((f) => (f.evidence ? [f.evidence] : [])), ...support]) {
    const key = `${e.start}:${e.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push(e);
  }
  evidence.sort((a, b) => a.start - b.start || a.end - b.end);
  return { name, score, max, evidence, feedback };
}

export const span = (text: string, start: number, end: number): Evidence => ({ start, end, text: text.slice(start, end) });

/** Every match of a global regex in `text[from, to)` as evidence. */
export function matchesIn(text: string, pattern: RegExp, from = 0, to = text.length): Evidence[] {
  const out: Evidence[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(re)) {
    if (m[0] === '') continue;
    out.push({ start: from + m.index!, end: from + m.index! + m[0].length, text: m[0] });
  }
  return out;
}
