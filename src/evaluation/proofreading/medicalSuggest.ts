import { editDistance } from './distance.js';

const indexes = new WeakMap<ReadonlySet<string>, Map<string, string[]>>();

// Words indexed by their first two letters: misspellings rarely change the start of a word.
function indexOf(words: ReadonlySet<string>): Map<string, string[]> {
  let index = indexes.get(words);
  if (!index) {
    index = new Map();
    for (const w of words) {
      if (w.length < 5 || !/^\p{Ll}+$/u.test(w)) continue;
      const key = w.slice(0, 2);
      (index.get(key) ?? index.set(key, []).get(key)!).push(w);
    }
    indexes.set(words, index);
  }
  return index;
}

/** Medical words within two edits of a word ("atorvastin" → "atorvastatin"), closest first; only for words of 6+ letters. */
export function medicalSuggestions(words: ReadonlySet<string> | undefined, word: string): string[] {
  if (!words || word.length < 6) return [];
  const lower = word.toLowerCase();
  const found: { w: string; d: number }[] = [];
  for (const w of indexOf(words).get(lower.slice(0, 2)) ?? []) {
    if (Math.abs(w.length - lower.length) > 2) continue;
    const d = editDistance(w, lower);
    if (d <= 2) found.push({ w, d });
  }
  return found.sort((a, b) => a.d - b.d).map((f) => f.w);
}
