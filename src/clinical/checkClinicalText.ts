import { checkText } from '../knowledge/inputs.js';
import type { Token } from './text/tokenize.js';

/** The longest note analysed in one call (a long discharge summary is ~15,000 characters). */
export const MAX_CLINICAL_TEXT = 50_000;

/** Not empty, not binary, not over the limit: the same answers as every other text input. */
export function checkClinicalText(text: string): string {
  checkText('text', text, MAX_CLINICAL_TEXT);
  return text;
}

const ENGLISH = new Set(['the', 'and', 'of', 'to', 'in', 'with', 'for', 'is', 'was', 'on', 'not', 'has', 'had', 'he', 'she', 'his', 'her', 'patient', 'at', 'as', 'by', 'or', 'be', 'are', 'this', 'that', 'from', 'since', 'days', 'no']);
// Function words of the other languages learners write in Latin script (Spanish, Portuguese, French, Italian, German, Tagalog).
const OTHER = new Set([
  'el', 'la', 'los', 'las', 'del', 'y', 'que', 'en', 'una', 'con', 'por', 'para', 'es', 'se', 'ni', 'desde', 'hace', 'tiene', 'muy', 'pero',
  'os', 'da', 'do', 'com', 'não', 'um', 'uma', 'é', 'le', 'les', 'des', 'et', 'est', 'une', 'du', 'avec', 'pour', 'pas', 'il', 'lo', 'gli', 'di',
  'che', 'non', 'der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'ein', 'eine', 'ang', 'ng', 'sa', 'mga', 'ay',
]);

/**
 * Whether a text reads as English: mostly Latin letters, and more English function words than those of the other
 * languages learners write. Short texts and note fragments ("HTN, T2DM") pass; Spanish prose or Arabic does not.
 */
export function looksEnglish(tokens: readonly Token[]): boolean {
  const wordsOnly = tokens.filter((t) => /\p{L}/u.test(t.text));
  if (wordsOnly.length < 8) return true;
  const latin = wordsOnly.filter((t) => /^[\p{Script=Latin}\d'’.&/-]+$/u.test(t.text)).length / wordsOnly.length;
  if (latin < 0.8) return false;
  const english = wordsOnly.filter((t) => ENGLISH.has(t.lower)).length;
  const other = wordsOnly.filter((t) => OTHER.has(t.lower)).length;
  return other < 3 || english > other;
}
