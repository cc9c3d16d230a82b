import type { Token } from '../tokens.js';
import { span, type Finding, type Rule } from './rule.js';

// Letters whose names start with a vowel sound: "an FBC", "an HbA1c", "an MRI" — but "a UTI", "a GP".
const VOWEL_SOUND_LETTERS = new Set([...'aefhilmnorsx']);

/** How an abbreviation is read, when it is read letter by letter ("FBC", "eGFR", "HbA1c"); undefined for "NICE", "COVID". */
function spelledOut(word: string): 'a' | 'an' | undefined {
  const allCaps = /^\p{Lu}[\p{Lu}\d]+$/u.test(word);
  const mixed = /^\p{L}[\p{L}\d]*$/u.test(word) && (/\p{Ll}.*\p{Lu}/u.test(word) || (/\d/.test(word) && /\p{Lu}/u.test(word)));
  if (!allCaps && !mixed) return undefined;
  // An acronym with a vowel second ("NICE", "NEWS2", "COVID") is usually said as a word: no verdict.
  if (word.length > 2 && /[aeiou]/i.test(word[1]!)) return undefined;
  return VOWEL_SOUND_LETTERS.has(word[0]!.toLowerCase()) ? 'an' : 'a';
}

/** "a FBC", "a HbA1c", "an CRP": the article goes by the sound of the first letter. */
export const abbreviationArticle: Rule = {
  code: 'GRAMMAR_ARTICLE_A_AN',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t: Token, i) => {
      const next = tokens[i + 1];
      if (t.kind !== 'word' || (t.lower !== 'a' && t.lower !== 'an') || !next || next.kind !== 'word' || next.sentence !== t.sentence) return;
      // "hepatitis A IgM": a capital A mid-sentence is a letter, not the article.
      if (t.text === 'A' && tokens[i - 1]?.sentence === t.sentence) return;
      const expected = spelledOut(next.text.split('-')[0]!);
      if (!expected || expected === t.lower) return;
      const suggestion = t.text[0] === 'A' ? expected[0]!.toUpperCase() + expected.slice(1) : expected;
      out.push(span(t, t, `"${next.text}" is read letter by letter and starts with a ${expected === 'an' ? 'vowel' : 'consonant'} sound: "${expected} ${next.text}".`, suggestion));
    });
    return out;
  },
};
