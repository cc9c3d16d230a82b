import type { LlamaContext, LlamaContextSequence, Token } from 'node-llama-cpp';
import type { LockstepGate } from './LockstepGate.js';

interface Slot {
  /** The sequence's id in its context: created in order on a fresh context, so 0..n-1. */
  readonly id: number;
  readonly sequence: LlamaContextSequence;
  busy: boolean;
  /** Tokens already in the KV cache when the current request first evaluated; null until then. */
  reused: number | null;
}

/**
 * Every sequence of one context, created once when the model loads and kept for the context's life.
 *
 * Why: with one KV stream per sequence llama.cpp splits a batch into micro-batches of consecutive, increasing
 * sequence ids, so sequences created and disposed per request (scattered ids) defeat its graph reuse; a pooled
 * sequence also keeps its KV cache between requests, which is the prefix cache. A free sequence is handed out lowest
 * id first, unless another free one already holds a longer prefix of the request's prompt.
 */
export class SequencePool {
  readonly #slots: Slot[] = [];
  readonly #bySequence = new Map<LlamaContextSequence, Slot>();

  constructor(context: LlamaContext, gate?: LockstepGate) {
    for (let id = 0; id < context.totalSequences; id += 1) {
      const sequence = context.getSequence();
      gate?.attach(sequence, id);
      const slot: Slot = { id, sequence, busy: false, reused: null };
      // Records how much of the prompt the KV cache already held: LlamaCompletion and LlamaChat erase what differs
      // from the prompt and then evaluate the rest, so the first evaluate() of a request starts at the reused length.
      const evaluate = sequence.evaluate.bind(sequence);
      sequence.evaluate = (tokens, options) => {
        slot.reused ??= sequence.nextTokenIndex;
        return evaluate(tokens, options);
      };
      this.#slots.push(slot);
      this.#bySequence.set(sequence, slot);
    }
  }

  get size(): number {
    return this.#slots.length;
  }

  get active(): number {
    return this.#slots.filter((s) => s.busy).length;
  }

  get free(): number {
    return this.#slots.length - this.active;
  }

  get activeIds(): number[] {
    return this.#slots.filter((s) => s.busy).map((s) => s.id);
  }

  /** A free sequence (the caller checked `free > 0`): the one holding the longest prefix of `prompt`, else the lowest id. */
  take(prompt?: readonly Token[]): LlamaContextSequence {
    let best: Slot | undefined;
    let bestShared = 0;
    for (const slot of this.#slots) {
      if (slot.busy) continue;
      best ??= slot;
      const shared = prompt === undefined ? 0 : sharedPrefix(slot.sequence.contextTokens, prompt);
      if (shared > bestShared) {
        best = slot;
        bestShared = shared;
      }
    }
    if (best === undefined) throw new Error('SequencePool.take called with no free sequence');
    best.busy = true;
    best.reused = null;
    return best.sequence;
  }

  put(sequence: LlamaContextSequence): void {
    const slot = this.#bySequence.get(sequence);
    if (slot === undefined) throw new Error('SequencePool.put: not a pooled sequence');
    slot.busy = false;
  }

  reusedTokens(sequence: LlamaContextSequence): number {
    return this.#bySequence.get(sequence)?.reused ?? 0;
  }
}

/**
 * Tokens at the start of `held` that `prompt` repeats. The engine's tokenization of a prompt may lack the BOS token
 * node-llama-cpp prepends, so a one-token offset is tried as well; this only ranks free sequences.
 */
function sharedPrefix(held: readonly Token[], prompt: readonly Token[]): number {
  const count = (offset: number): number => {
    let n = 0;
    while (n < prompt.length && offset + n < held.length && held[offset + n] === prompt[n]) n += 1;
    return n;
  };
  return held.length === 0 ? 0 : Math.max(count(0), count(1));
}
