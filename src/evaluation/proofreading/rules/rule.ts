import type { Token } from '../tokens.js';
import type { ProofCategory } from '../types.js';

export interface RuleContext {
  text: string;
  tokens: readonly Token[];
}

/** What a rule found: a span of the text, why it is wrong and, when clear, what to write instead. */
export interface Finding {
  start: number;
  end: number;
  message: string;
  suggestion?: string;
}

export interface Rule {
  code: string;
  category: Exclude<ProofCategory, 'SPELLING' | 'VARIETY'>;
  check(context: RuleContext): Finding[];
}

/** The n word tokens from index i when they are consecutive words of one sentence (no punctuation between). */
export function words(tokens: readonly Token[], i: number, n: number): Token[] | undefined {
  const out: Token[] = [];
  for (let k = i; k < i + n; k++) {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || t.inLink || t.sentence !== tokens[i]!.sentence) return undefined;
    out.push(t);
  }
  return out;
}

/** The word just before index i in the same sentence, if no punctuation intervenes. */
export function wordBefore(tokens: readonly Token[], i: number): Token | undefined {
  const t = tokens[i - 1];
  return t && t.kind === 'word' && t.sentence === tokens[i]!.sentence ? t : undefined;
}

export function span(first: Token, last: Token, message: string, suggestion?: string): Finding {
  return { start: first.start, end: last.end, message, ...(suggestion !== undefined ? { suggestion } : {}) };
}

/** "Apply" → keeps the capital of the text it replaces. */
export function keepCase(original: string, replacement: string): string {
  return /^\p{Lu}/u.test(original) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
}

const DETERMINERS = new Set(['the', 'this', 'that', 'my', 'your', 'our', 'his', 'her', 'their', 'a']);
const PERSON_NOUNS = new Set(['patient', 'child', 'baby', 'boy', 'girl', 'man', 'woman', 'son', 'daughter', 'husband', 'wife', 'mother', 'father', 'client', 'resident', 'gentleman', 'lady']);
const TITLES = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof']);

/**
 * Where a singular third-person subject ending at index i begins: "he", "she", "the patient", "Mrs Nguyen";
 * undefined when the words ending at i are not one.
 */
export function singularSubjectStart(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  if (!t || t.kind !== 'word') return undefined;
  if (t.lower === 'he' || t.lower === 'she') return i;
  const before = wordBefore(tokens, i);
  // "a 58-year-old man who have": the relative pronoun takes the number of the person before it.
  if (t.lower === 'who' && before && PERSON_NOUNS.has(before.lower)) return i - 1;
  if (PERSON_NOUNS.has(t.lower) && before && DETERMINERS.has(before.lower)) return i - 1;
  // A title is capitalised: "438 ms. We have" is a unit and a new sentence, not "Ms We".
  if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && before && TITLES.has(before.lower) && /^\p{Lu}/u.test(before.text)) return i - 1;
  const dotted = tokens[i - 1]?.text === '.' ? tokens[i - 2] : undefined;
  if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && dotted && TITLES.has(dotted.lower) && /^\p{Lu}/u.test(dotted.text)) return i - 2;
  return undefined;
}

/** Up to max consecutive words of the same sentence starting at index i (stops at punctuation). */
export function wordsFrom(tokens: readonly Token[], i: number, max: number): Token[] {
  const out: Token[] = [];
  const sentence = tokens[i]?.sentence;
  for (let k = i; k < tokens.length && out.length < max; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.sentence !== sentence) break;
    out.push(t);
  }
  return out;
}
