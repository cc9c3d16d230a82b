import { DomainError, ErrorCode } from '../../errors.js';
import { PriorityQueue } from '../scheduling/PriorityQueue.js';
import type { RequestPriority } from '../types.js';

interface Waiter {
  admit: () => void;
}

/**
 * Lets at most `slots` requests at a time through to a llama-server with as many slots, and queues the rest here,
 * interactive before background, at most `maxQueue` of them (QUEUE_FULL beyond): llama-server's own queue is
 * unbounded and first come, first served. A request that leaves while waiting (its signal) never reaches the server.
 */
export class SlotGate {
  readonly #slots: number;
  readonly #maxQueue: number;
  readonly #queue = new PriorityQueue<Waiter>();
  readonly #onChange: ((usage: { queueDepth: number; activeSequences: number }) => void) | undefined;
  #busy = 0;

  constructor(slots: number, maxQueue: number, onChange?: (usage: { queueDepth: number; activeSequences: number }) => void) {
    this.#slots = slots;
    this.#maxQueue = maxQueue;
    this.#onChange = onChange;
  }

  get activeSequences(): number {
    return this.#busy;
  }

  get queueDepth(): number {
    return this.#queue.size;
  }

  /**
   * Resolves with the function that gives the slot back (call it once) when one is free; rejects with QUEUE_FULL at
   * once when the queue is full, or with the signal's reason when it aborts first.
   */
  async enter(priority: RequestPriority, signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw signal.reason;
    if (this.#busy < this.#slots) {
      this.#busy += 1;
      this.#changed();
      return this.#release();
    }
    if (this.#queue.size >= this.#maxQueue) {
      throw new DomainError(
        ErrorCode.QUEUE_FULL,
        `All ${this.#slots} slots are busy and ${this.#queue.size} requests already wait (maxQueue ${this.#maxQueue}). Retry shortly, or send batch work with priority BACKGROUND (REST: "background").`,
        { queueDepth: this.#queue.size, maxQueue: this.#maxQueue },
      );
    }
    return new Promise<() => void>((resolve, reject) => {
      const waiter: Waiter = {
        admit: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(this.#release());
        },
      };
      const onAbort = (): void => {
        if (!this.#queue.remove(waiter)) return;
        this.#changed();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#queue.push(waiter, priority);
      this.#changed();
    });
  }

  /** The slot's release: hands it to the next waiter, or frees it. */
  #release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#queue.shift();
      if (next !== undefined) next.admit();
      else this.#busy -= 1;
      this.#changed();
    };
  }

  #changed(): void {
    this.#onChange?.({ queueDepth: this.#queue.size, activeSequences: this.#busy });
  }
}
