import { DomainError, ErrorCode, withoutPaths } from '../errors.js';
import type { KnowledgeBase } from './KnowledgeBase.js';

/** Where the knowledge base is in its life: loading packs takes seconds, so the service starts without waiting. */
export type KnowledgeState =
  | { status: 'idle' }
  | { status: 'loading'; since: number }
  | { status: 'ready'; loadMs: number; knowledge: KnowledgeBase }
  | { status: 'failed'; message: string };

/**
 * Owns the one knowledge base of a process: loads it once (at start when preloading, else on first use), lets
 * every caller await the same load, and turns a failed load into SERVICE_UNAVAILABLE with the reason.
 */
export class KnowledgeProvider {
  readonly #load: () => Promise<KnowledgeBase>;
  #state: KnowledgeState = { status: 'idle' };
  #pending: Promise<KnowledgeBase> | undefined;

  constructor(load: () => Promise<KnowledgeBase>) {
    this.#load = load;
  }

  get state(): KnowledgeState {
    return this.#state;
  }

  /** The knowledge base, loading it if nobody has yet. */
  get(): Promise<KnowledgeBase> {
    if (this.#state.status === 'ready') return Promise.resolve(this.#state.knowledge);
    if (this.#state.status === 'failed') return Promise.reject(unavailable(this.#state.message));
    this.#pending ??= this.#start();
    return this.#pending;
  }

  /** Starts loading now without waiting (service start-up); failures are kept in `state`, not thrown. */
  preload(): void {
    this.get().catch(() => undefined);
  }

  async #start(): Promise<KnowledgeBase> {
    const since = performance.now();
    this.#state = { status: 'loading', since };
    try {
      const knowledge = await this.#load();
      this.#state = { status: 'ready', loadMs: performance.now() - since, knowledge };
      return knowledge;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.#state = { status: 'failed', message };
      throw unavailable(message);
    }
  }
}

function unavailable(reason: string): DomainError {
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `Medical knowledge is unavailable: ${withoutPaths(reason)}`);
}

export { withoutPaths };
