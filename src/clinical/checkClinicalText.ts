import { checkText } from '../knowledge/inputs.js';
import type { Token } from './text/tokenize.js';

/** The longest note analysed in one call (a long discharge summary is ~15,000 characters). */
export const MAX_CLINICAL_TEXT = 50_000;

/** Not empty, not binary, not over the limit: the same answers as every other text input. */
export function checkClinicalText(text: string): string {
  checkText('text', text, MAX_CLINICAL_TEXT);
  return text;
}

const FUNCTION_WORDS = new Set(['the', 'and', 'of', 'to', 'a', 'in', 'with', 'for', 'is', 'was', 'on', 'no', 'not', 'has', 'had', 'he', 'she', 'his', 'her', 'patient', 'pt', 'mg', 'daily', 'at', 'as', 'by', 'or', 'be', 'are', 'this', 'that', 'from', 'mr', 'mrs', 'ms', 'dr', 'history', 'pain']);

/**
 * Whether a text reads as English: mostly Latin letters and some common English function words. Short texts and
 * note fragments ("HTN, T2DM") pass; a paragraph of Spanish or Arabic does not.
 */
export function looksEnglish(tokens: readonly Token[]): boolean {
  const wordsOnly = tokens.filter((t) => /\p{L}/u.test(t.text));
  if (wordsOnly.length < 8) return true;
  const latin = wordsOnly.filter((t) => /^[\p{Script=Latin}\d'’.&/-]+$/u.test(t.text)).length / wordsOnly.length;
  const english = wordsOnly.filter((t) => FUNCTION_WORDS.has(t.lower)).length / wordsOnly.length;
  return latin > 0.8 && english > 0.05;
}
