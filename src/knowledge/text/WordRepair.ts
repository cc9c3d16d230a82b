import { distance } from 'fastest-levenshtein';

/**
 * Spelling repair against a known vocabulary: the nearest word within one edit (5–7 letters) or two (8+), or none
 * when two different words are equally near — a guess between them is no better than nothing. Words are compared
 * before stemming: a misspelling stems unpredictably ("celulitis"), its repair does not.
 */
export class WordRepair {
  readonly #byLength = new Map<number, Set<string>>();

  add(word: string): void {
    if (!/^[a-z]{5,}$/.test(word)) return;
    const bucket = this.#byLength.get(word.length);
    if (bucket) bucket.add(word);
    else this.#byLength.set(word.length, new Set([word]));
  }

  has(word: string): boolean {
    return this.#byLength.get(word.length)?.has(word) ?? false;
  }

  repair(word: string): string | undefined {
    const maxEdits = word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
    if (maxEdits === 0 || !/^[a-z]+$/.test(word)) return undefined;
    let best: string | undefined;
    let bestDistance = maxEdits + 1;
    let tie = false;
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        const d = distance(word, candidate);
        if (d < bestDistance) [best, bestDistance, tie] = [candidate, d, false];
        else if (d === bestDistance && candidate !== best) tie = true;
      }
    }
    return tie ? undefined : best;
  }
}
