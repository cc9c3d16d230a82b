import dictionary from 'dictionary-en';
import { allLocales } from '@faker-js/faker';

/**
 * What the name recogniser knows about words: given names and surnames in Latin script from every locale that
 * faker ships (~29,000 names from 77 locales: Anglo, Irish, Indian, Arabic transliterations, Vietnamese, Nigerian…),
 * and the common English words of the Hunspell en_US dictionary (its lower-case stems), so that a capitalised
 * "Hope" or "Brown" needs context before it is called a name while "Priya" does not.
 */
export interface NameLexicon {
  isGivenName(word: string): boolean;
  isSurname(word: string): boolean;
  /** A lower-case English word ("hope", "brown", "bell"): as a name it needs a title or a label. */
  isCommonWord(word: string): boolean;
}

const LATIN_NAME = /^[A-Za-zÀ-ÖØ-öø-ɏ'’-]{2,}$/;

function collect(values: unknown, into: Set<string>): void {
  if (typeof values === 'string') {
    for (const part of values.split(/\s+/)) if (LATIN_NAME.test(part) && !part.includes('{')) into.add(part.toLowerCase());
  } else if (Array.isArray(values)) {
    for (const v of values) collect(v, into);
  } else if (values && typeof values === 'object') {
    for (const v of Object.values(values)) collect(v, into);
  }
}

function buildLexicon(): NameLexicon {
  const given = new Set<string>();
  const surnames = new Set<string>();
  for (const locale of Object.values(allLocales)) {
    const person = (locale as { person?: Record<string, unknown> }).person;
    if (!person) continue;
    collect(person.first_name, given);
    collect(person.middle_name, given);
    collect(person.last_name, surnames);
  }
  const common = new Set<string>();
  const dic = new TextDecoder().decode(dictionary.dic);
  for (const line of dic.split('\n')) {
    const word = line.split('/')[0]!;
    if (/^[a-z][a-z'-]+$/.test(word)) common.add(word);
  }
  return {
    isGivenName: (word) => given.has(word.toLowerCase()),
    isSurname: (word) => surnames.has(word.toLowerCase()),
    isCommonWord: (word) => {
      const lower = word.toLowerCase();
      if (common.has(lower)) return true;
      // Hunspell stores stems: "said", "roses", "marked" are common through their stem.
      const stem = lower.replace(/(?:'s|s|es|ed|ing|ly)$/, '');
      return stem.length > 2 && common.has(stem);
    },
  };
}

let lexicon: NameLexicon | undefined;

/** Built once per process on first use (~100 ms). */
export function nameLexicon(): NameLexicon {
  lexicon ??= buildLexicon();
  return lexicon;
}
