import { BIAS_TERMS, type BiasType } from './biasTerms.js';
import { lintEquality } from './equalityLinter.js';

export interface BiasFinding {
  type: BiasType;
  start: number;
  end: number;
  text: string;
  suggestion: string;
  why: string;
  source: 'lexicon' | 'retext-equality';
}

/**
 * Non-inclusive and judgemental wording: our healthcare list first, then retext-equality (with the clinical
 * allow-list) for the general vocabulary; where both flag the same words, ours (with its clinical reason) stays.
 */
export async function checkBias(text: string, sentences: readonly { start: number; end: number }[]): Promise<BiasFinding[]> {
  const found: BiasFinding[] = [];
  for (const term of BIAS_TERMS) {
    for (const m of text.matchAll(term.pattern)) {
      found.push({ type: term.type, start: m.index!, end: m.index! + m[0].length, text: m[0], suggestion: term.suggestion, why: term.why, source: 'lexicon' });
    }
  }
  for (const f of await lintEquality(text, sentences)) {
    if (found.some((g) => f.start < g.end && g.start < f.end)) continue;
    found.push({ type: 'OTHER_INSENSITIVE', start: f.start, end: f.end, text: text.slice(f.start, f.end), suggestion: f.suggestions.slice(0, 3).join(' / ') || 'rephrase', why: `retext-equality rule ${f.ruleId}`, source: 'retext-equality' });
  }
  return dedupe(found).sort((a, b) => a.start - b.start);
}

/** Overlapping lexicon hits (two patterns on one phrase) keep the longer. */
function dedupe(findings: BiasFinding[]): BiasFinding[] {
  const ordered = [...findings].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: BiasFinding[] = [];
  for (const f of ordered) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept;
}
