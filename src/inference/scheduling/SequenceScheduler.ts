import DataLoader from 'dataloader';
import type { LlamaContext, LlamaContextSequence, Token } from 'node-llama-cpp';
import { DomainError, ErrorCode } from '../../errors.js';
import { cancelled } from '../inferenceErrors.js';
import type { RequestPriority } from '../types.js';
import type { LockstepGate } from './LockstepGate.js';
import { PriorityQueue } from './PriorityQueue.js';
import { SequencePool } from './SequencePool.js';

/** Options of {@link SequenceScheduler}. */
export interface SequenceSchedulerOptions {
  /** Requests that may wait for a free sequence; one more is refused with QUEUE_FULL. */
  maxQueue: number;
  /** Called whenever queue depth or active sequences change. Default: nothing. */
  onChange?: (state: { queueDepth: number; activeSequences: number }) => void;
  /** The lockstep batch driver every pooled sequence is routed through. Default: none (node-llama-cpp's own dispatch). */
  gate?: LockstepGate;
}

interface Waiter {
  priority: RequestPriority;
  /** The request's prompt tokens, to pick the free sequence that already holds the longest prefix of them. */
  prompt: readonly Token[] | undefined;
  resolve(sequence: LlamaContextSequence): void;
  reject(error: Error): void;
  promise: Promise<LlamaContextSequence>;
}

/**
 * Hands the pooled sequences of one LlamaContext to requests: a bounded priority queue in front of a DataLoader.
 *
 * Why a DataLoader: requests that arrive in the same tick (a GraphQL query with several generate fields, a burst of
 * subscriptions) are gathered and admitted onto free sequences together, before any of them starts evaluating. Their
 * prompts then land in the same llama.cpp batch instead of the first one's prompt being decoded alone while the
 * others wait a cycle. The cache is off: every request is its own key.
 */
export class SequenceScheduler {
  readonly #options: SequenceSchedulerOptions;
  readonly #pool: SequencePool;
  readonly #queue = new PriorityQueue<Waiter>();
  readonly #loader: DataLoader<Waiter, { sequence: Promise<LlamaContextSequence> }>;
  #closed = false;

  constructor(context: LlamaContext, options: SequenceSchedulerOptions) {
    this.#options = options;
    this.#pool = new SequencePool(context, options.gate);
    this.#loader = new DataLoader<Waiter, { sequence: Promise<LlamaContextSequence> }>(
      async (waiters) => {
        this.#pump();
        // The batch settles at once with a handle per waiter: a DataLoader batch resolves all its keys together, so
        // awaiting admission here would hold the admitted requests hostage to the ones still queued.
        return waiters.map((w) => ({ sequence: w.promise }));
      },
      { cache: false },
    );
  }

  /** Requests that wait because no sequence is free (same-tick arrivals about to be admitted do not count). */
  get queueDepth(): number {
    return Math.max(0, this.#queue.size - this.#pool.free);
  }

  get activeSequences(): number {
    return this.#pool.active;
  }

  get totalSequences(): number {
    return this.#pool.size;
  }

  /** Pool ids of the sequences in use (lowest first); for tests and diagnostics. */
  get activeIds(): number[] {
    return this.#pool.activeIds;
  }

  /**
   * Resolves with a sequence of its own; the caller must `release` it. Rejects with QUEUE_FULL at once when the
   * queue is full, and with the signal's reason (a DomainError) when aborted while waiting. `prompt` (the tokens the
   * request will evaluate) lets the pool pick a free sequence that already holds a prefix of them.
   */
  async acquire(priority: RequestPriority, signal?: AbortSignal, prompt?: readonly Token[]): Promise<LlamaContextSequence> {
    if (this.#closed) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The model is being unloaded; retry.');
    if (signal?.aborted) throw reasonOf(signal);
    if (this.#queue.size + 1 - this.#pool.free > this.#options.maxQueue) {
      throw new DomainError(
        ErrorCode.QUEUE_FULL,
        `All ${this.totalSequences} sequences are busy and ${this.queueDepth} requests already wait (maxQueue ${this.#options.maxQueue}). Retry shortly, or send batch work with priority BACKGROUND (REST: "background").`,
        { queueDepth: this.queueDepth, maxQueue: this.#options.maxQueue },
      );
    }
    let resolve!: (s: LlamaContextSequence) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<LlamaContextSequence>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Observed by the caller through the handle; this only keeps a rejection before that from going unhandled.
    promise.catch(() => undefined);
    const waiter: Waiter = { priority, prompt, resolve, reject, promise };
    if (signal !== undefined) {
      const onAbort = (): void => {
        if (this.#queue.remove(waiter)) {
          reject(reasonOf(signal));
          this.#notify();
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(
        () => signal.removeEventListener('abort', onAbort),
        () => signal.removeEventListener('abort', onAbort),
      );
    }
    this.#queue.push(waiter, priority);
    this.#notify();
    const handle = await this.#loader.load(waiter);
    return handle.sequence;
  }

  /** Prompt tokens the sequence's current request found already evaluated (0 before it evaluated anything). */
  reusedPromptTokens(sequence: LlamaContextSequence): number {
    return this.#pool.reusedTokens(sequence);
  }

  /**
   * Gives the sequence back to the pool and admits the next waiter. `keepState: false` (after an error) clears its
   * KV cache first; otherwise it keeps what it holds for the prefix cache (node-llama-cpp's LlamaCompletion and
   * LlamaChat align a sequence's state with the new prompt themselves, erasing what differs).
   */
  async release(sequence: LlamaContextSequence, { keepState = true }: { keepState?: boolean } = {}): Promise<void> {
    try {
      if (!keepState && !sequence.disposed) await sequence.clearHistory();
    } finally {
      this.#pool.put(sequence);
      this.#pump();
      this.#notify();
    }
  }

  /** Rejects every waiter; active sequences finish and are released by their owners. */
  close(): void {
    this.#closed = true;
    for (const w of this.#queue.drain()) {
      w.reject(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The model was unloaded before the request started; retry.'));
    }
    this.#notify();
  }

  #pump(): void {
    let admitted = false;
    while (this.#queue.size > 0 && this.#pool.free > 0) {
      const waiter = this.#queue.shift()!;
      waiter.resolve(this.#pool.take(waiter.prompt));
      admitted = true;
    }
    if (admitted) this.#notify();
  }

  #notify(): void {
    this.#options.onChange?.({ queueDepth: this.queueDepth, activeSequences: this.#pool.active });
  }
}

function reasonOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof DomainError ? reason : cancelled();
}
