import DataLoader from 'dataloader';
import type { LlamaContext, LlamaContextSequence } from 'node-llama-cpp';
import { DomainError, ErrorCode } from '../../errors.js';
import { cancelled } from '../inferenceErrors.js';
import type { RequestPriority } from '../types.js';
import { PriorityQueue } from './PriorityQueue.js';

/** Options of {@link SequenceScheduler}. */
export interface SequenceSchedulerOptions {
  /** Requests that may wait for a free sequence; one more is refused with QUEUE_FULL. */
  maxQueue: number;
  /** Called whenever queue depth or active sequences change. Default: nothing. */
  onChange?: (state: { queueDepth: number; activeSequences: number }) => void;
}

interface Waiter {
  priority: RequestPriority;
  resolve(sequence: LlamaContextSequence): void;
  reject(error: Error): void;
  promise: Promise<LlamaContextSequence>;
}

/**
 * Hands the sequences of one LlamaContext to requests: a bounded priority queue in front of a DataLoader.
 *
 * Why a DataLoader: requests that arrive in the same tick (a GraphQL query with several generate fields, a burst of
 * subscriptions) are gathered and admitted onto free sequences together, before any of them starts evaluating. Their
 * prompts then land in the same llama.cpp batch instead of the first one's prompt being decoded alone while the
 * others wait a cycle. The cache is off: every request is its own key.
 */
export class SequenceScheduler {
  readonly #context: LlamaContext;
  readonly #options: SequenceSchedulerOptions;
  readonly #queue = new PriorityQueue<Waiter>();
  readonly #loader: DataLoader<Waiter, { sequence: Promise<LlamaContextSequence> }>;
  #active = 0;
  #closed = false;

  constructor(context: LlamaContext, options: SequenceSchedulerOptions) {
    this.#context = context;
    this.#options = options;
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
    return Math.max(0, this.#queue.size - (this.totalSequences - this.#active));
  }

  get activeSequences(): number {
    return this.#active;
  }

  get totalSequences(): number {
    return this.#context.totalSequences;
  }

  /**
   * Resolves with a sequence of its own; the caller must `release` it. Rejects with QUEUE_FULL at once when the
   * queue is full, and with the signal's reason (a DomainError) when aborted while waiting.
   */
  async acquire(priority: RequestPriority, signal?: AbortSignal): Promise<LlamaContextSequence> {
    if (this.#closed) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The model is being unloaded; retry.');
    if (signal?.aborted) throw reasonOf(signal);
    if (this.#queue.size + 1 - (this.totalSequences - this.#active) > this.#options.maxQueue) {
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
    const waiter: Waiter = { priority, resolve, reject, promise };
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

  /**
   * Disposes the sequence and admits the next waiter. node-llama-cpp gives the sequence id back to the context
   * asynchronously (under the context lock), so the slot counts as busy until that has happened: admitting earlier
   * would find no sequence left.
   */
  async release(sequence: LlamaContextSequence): Promise<void> {
    try {
      if (!sequence.disposed) await sequence.dispose();
    } finally {
      this.#active -= 1;
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
    while (this.#queue.size > 0 && this.#active < this.totalSequences && this.#context.sequencesLeft > 0) {
      const waiter = this.#queue.shift()!;
      try {
        const sequence = this.#context.getSequence();
        this.#active += 1;
        waiter.resolve(sequence);
      } catch (error) {
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
      }
      admitted = true;
    }
    if (admitted) this.#notify();
  }

  #notify(): void {
    this.#options.onChange?.({ queueDepth: this.queueDepth, activeSequences: this.#active });
  }
}

function reasonOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof DomainError ? reason : cancelled();
}
