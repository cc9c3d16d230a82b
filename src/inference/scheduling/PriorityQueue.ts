import type { RequestPriority } from '../types.js';

/** Interactive items leave before background ones; FIFO within a priority. Removal of a waiting item is O(n). */
export class PriorityQueue<T> {
  readonly #lanes: Record<RequestPriority, T[]> = { interactive: [], background: [] };

  get size(): number {
    return this.#lanes.interactive.length + this.#lanes.background.length;
  }

  push(item: T, priority: RequestPriority): void {
    this.#lanes[priority].push(item);
  }

  shift(): T | undefined {
    return this.#lanes.interactive.shift() ?? this.#lanes.background.shift();
  }

  /** True when the item was still waiting. */
  remove(item: T): boolean {
    for (const lane of Object.values(this.#lanes)) {
      const i = lane.indexOf(item);
      if (i >= 0) {
        lane.splice(i, 1);
        return true;
      }
    }
    return false;
  }

  drain(): T[] {
    const all = [...this.#lanes.interactive, ...this.#lanes.background];
    this.#lanes.interactive.length = 0;
    this.#lanes.background.length = 0;
    return all;
  }
}
