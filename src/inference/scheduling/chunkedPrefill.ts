import type { CustomBatchingPrioritizationStrategy, PrioritizedBatchItem } from 'node-llama-cpp';

/** Prompt tokens a sequence may add to one batch while other sequences share it. */
export const DEFAULT_PREFILL_CHUNK = 64;

/**
 * node-llama-cpp batch strategy for continuous batching: items keep their queue order (the lockstep gate queues them
 * in sequence-id order, which llama.cpp groups into micro-batches best), a stream's next token always fits, and a
 * prompt evaluated beside other streams advances at most `chunk` tokens per batch, so a long prompt does not stall
 * the streams already decoding (node-llama-cpp keeps the rest queued and continues it in the next batches). A prompt
 * alone takes the whole batch.
 */
export function chunkedPrefill(chunk = DEFAULT_PREFILL_CHUNK): CustomBatchingPrioritizationStrategy {
  return ({ items, size }) => {
    const shared = items.length > 1;
    let left = size;
    const out: PrioritizedBatchItem[] = [];
    for (const item of items) {
      if (left <= 0) break;
      const wanted = shared ? Math.min(item.tokens.length, chunk) : item.tokens.length;
      const processAmount = Math.min(wanted, left);
      out.push({ item, processAmount });
      left -= processAmount;
    }
    return out;
  };
}
