/**
 * A one-consumer async queue: the producer pushes text chunks from llama.cpp callbacks; the consumer iterates. It
 * never blocks the producer (generation must not stall on a slow client), so chunks buffer until read.
 */
export class ChunkChannel<T> implements AsyncIterable<T> {
  readonly #buffer: T[] = [];
  #wake: (() => void) | null = null;
  #closed = false;

  push(item: T): void {
    if (this.#closed) return;
    this.#buffer.push(item);
    this.#signal();
  }

  close(): void {
    this.#closed = true;
    this.#signal();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      while (this.#buffer.length > 0) yield this.#buffer.shift()!;
      if (this.#closed) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #signal(): void {
    const wake = this.#wake;
    this.#wake = null;
    wake?.();
  }
}
