import DataLoader from 'dataloader';
import { cancelled } from '../inferenceErrors.js';

/** Runs one padded batch; returns one result or Error per text, in order. */
export type RunTextBatch<R> = (texts: string[]) => Promise<(R | Error)[]>;

interface BatchKey {
  text: string;
  signal: AbortSignal | undefined;
}

export interface TextBatcher<R> {
  /** Queues one text; texts queued in the same tick share a run. */
  load(text: string, signal?: AbortSignal): Promise<R>;
}

/**
 * Gathers texts into batches with a DataLoader. DataLoader waits until the current tick's promise jobs have run
 * before dispatching, so every `embed` call made while handling one request (or several concurrent requests) lands
 * in the same padded `session.run`: one run of N rows costs far less than N runs of one row on a CPU. The cache is
 * off because results are cheap to recompute but texts can be large and user-private. Keys whose signal aborted
 * before dispatch are answered with CANCELLED and never reach the graph; one failing key never rejects its siblings.
 */
export function createTextBatcher<R>(run: RunTextBatch<R>, maxBatchSize: number): TextBatcher<R> {
  const loader = new DataLoader<BatchKey, R>(
    async (keys) => {
      const results: (R | Error)[] = new Array<R | Error>(keys.length);
      const live: number[] = [];
      keys.forEach((key, i) => {
        if (key.signal?.aborted) results[i] = cancelled('The ONNX request');
        else live.push(i);
      });
      if (live.length === 0) return results;
      try {
        const outputs = await run(live.map((i) => keys[i]!.text));
        live.forEach((keyIndex, j) => {
          results[keyIndex] = outputs[j] ?? new Error(`The batch returned ${outputs.length} results for ${live.length} texts.`);
        });
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const keyIndex of live) results[keyIndex] = failure;
      }
      return results;
    },
    { cache: false, maxBatchSize },
  );
  return { load: (text, signal) => loader.load({ text, signal }) };
}
