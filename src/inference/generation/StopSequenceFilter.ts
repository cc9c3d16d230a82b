/**
 * Cuts generated text at the first stop sequence: the stop sequence itself is never emitted, and a tail that could
 * be the start of one is held back until the next piece says whether it is. Every runtime applies stops here, on the
 * decoded text, so they mean the same everywhere: node-llama-cpp's own stop triggers match per-token text with
 * SentencePiece's leading spaces dropped (stories260K: stop " a" never matched, stop "a" gave ", therew" for
 * ", there w"), and OpenAI-compatible servers answer `stop` both for end-of-text and for a stop sequence.
 */
export class StopSequenceFilter {
  readonly #stops: readonly string[];
  #pending = '';
  #stopped = false;

  constructor(stops: readonly string[]) {
    this.#stops = stops.filter((s) => s !== '');
  }

  /** True once a stop sequence was seen: nothing more is emitted. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Adds a streamed piece; returns the text that is safe to emit now (possibly ''). */
  push(piece: string): string {
    if (this.#stopped) return '';
    const text = this.#pending + piece;
    // Everything before #pending was emitted only because no stop could start there, so a match starts in `text`.
    let cut = -1;
    for (const stop of this.#stops) {
      const at = text.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) cut = at;
    }
    if (cut !== -1) {
      this.#stopped = true;
      this.#pending = '';
      return text.slice(0, cut);
    }
    const hold = this.#longestOpenPrefix(text);
    this.#pending = text.slice(text.length - hold);
    return text.slice(0, text.length - hold);
  }

  /** The held-back tail, once generation ended without a stop sequence. */
  flush(): string {
    const tail = this.#stopped ? '' : this.#pending;
    this.#pending = '';
    return tail;
  }

  /** Length of the longest end of `text` that is a proper prefix of some stop sequence. */
  #longestOpenPrefix(text: string): number {
    let longest = 0;
    for (const stop of this.#stops) {
      for (let length = Math.min(stop.length - 1, text.length); length > longest; length -= 1) {
        if (text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
