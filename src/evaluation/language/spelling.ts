import nspell from 'nspell';
import en from 'dictionary-en';
import enGb from 'dictionary-en-gb';

type Checker = ReturnType<typeof nspell>;

let checkers: Checker[] | undefined;
// Essays repeat their words; a bounded cache keeps checks cheap without growing forever in a long-lived server.
const cache = new Map<string, boolean>();
const CACHE_LIMIT = 50_000;

/** Both Hunspell dictionaries, built once on first use (~1 s). */
function load(): Checker[] {
  checkers ??= [en, enGb].map((d) => nspell({ aff: Buffer.from(d.aff), dic: Buffer.from(d.dic) }));
  return checkers;
}

/**
 * Whether a word is a misspelling: both en-US and en-GB reject it ("colour" and "color" both pass). Case matters
 * the Hunspell way: "Hello" passes through "hello", but "london" fails where "London" passes.
 */
export function isMisspelled(word: string): boolean {
  const known = cache.get(word);
  if (known !== undefined) return !known;
  const ok = load().some((c) => c.correct(word));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, ok);
  return !ok;
}
