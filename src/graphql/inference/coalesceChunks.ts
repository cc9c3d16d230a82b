import type { GenerationChunk } from '../../inference/types.js';

/**
 * Merges the chunks that arrive while the client is still being sent the previous one. Each subscription event costs
 * a GraphQL execution and a WebSocket frame; with a fast model that costs more than decoding a token, so one event per
 * token would hold generation back. Reading continues in the background, so decoding never waits for delivery;
 * a slow client gets fewer, larger chunks instead. Returning early calls `abort` first (a source waiting for a queued
 * sequence would otherwise never reach its own `finally`), then closes the source.
 */
export async function* coalesceChunks(
  source: AsyncIterable<GenerationChunk>,
  abort: () => void,
  /** Least time between two events after the first; 0 sends whatever is ready. Default 10 ms (the service passes OET_STREAM_INTERVAL_MS). */
  minIntervalMs = 10,
): AsyncGenerator<GenerationChunk> {
  const iterator = source[Symbol.asyncIterator]();
  const pending: GenerationChunk[] = [];
  let failure: { error: unknown } | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  let wakeOnFinish: (() => void) | undefined;
  const pump = (async () => {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) break;
        pending.push(next.value);
        wake?.();
      }
    } catch (error) {
      failure = { error };
    } finally {
      finished = true;
      wake?.();
      wakeOnFinish?.();
    }
  })();
  let lastYield = 0;
  try {
    for (;;) {
      if (pending.length === 0 && !finished) await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
      // The first text goes out at once (time to first token); later ones gather for up to the interval, and the
      // end of the stream cuts the wait short so the last tokens are not held back.
      const wait = lastYield === 0 ? 0 : lastYield + minIntervalMs - performance.now();
      if (wait > 0 && !finished) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          wakeOnFinish = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeOnFinish = undefined;
      }
      lastYield = performance.now();
      if (pending.length > 0) {
        const batch = pending.splice(0);
        const last = batch[batch.length - 1]!;
        const text = batch.map((c) => c.text).join('');
        if (text !== '' && last.done) {
          // Keep the contract: text chunks first, then one final chunk carrying the result.
          yield { text, done: false };
          yield last;
        } else yield { text, done: last.done, result: last.result };
        if (last.done) return;
        continue;
      }
      if (failure) throw failure.error;
      return;
    }
  } finally {
    if (!finished) {
      abort();
      await iterator.return?.();
    }
    await pump;
  }
}
