import type { Logger } from '../../logger.js';
import type { ModelRecord } from '../registry/ModelRecord.js';
import type { ModelState } from '../types.js';
import { RemoteBackend } from './RemoteBackend.js';
import type { RemoteTarget } from './RemoteTarget.js';

/** Options of {@link RemoteBackends}. */
export interface RemoteBackendsOptions {
  /** OET_REQUEST_TIMEOUT_MS: the limit of a request whose target sets none. */
  defaultTimeoutMs: number;
  onStateChange?: (modelId: string, state: ModelState) => void;
  logger?: Logger;
}

/** A manifest record that points at a remote server. */
export type RemoteRecord = ModelRecord & { remote: RemoteTarget };

export const isRemote = (record: ModelRecord): record is RemoteRecord => record.remote !== undefined;

/**
 * One RemoteBackend per remote model id, created on first use; a manifest refresh that changes a model's target
 * gets a fresh backend (the old one's requests finish on the old server).
 */
export class RemoteBackends {
  readonly #options: RemoteBackendsOptions;
  readonly #byId = new Map<string, RemoteBackend>();
  #disposed = false;

  constructor(options: RemoteBackendsOptions) {
    this.#options = options;
  }

  for(record: RemoteRecord): RemoteBackend {
    const known = this.#byId.get(record.id);
    if (known !== undefined && JSON.stringify(known.target) === JSON.stringify(record.remote)) return known;
    const backend = new RemoteBackend({
      id: record.id,
      task: record.task,
      target: record.remote,
      contextLength: record.contextLength,
      defaultTimeoutMs: this.#options.defaultTimeoutMs,
      onStateChange: (state) => this.#options.onStateChange?.(record.id, state),
      logger: this.#options.logger,
    });
    if (this.#disposed) backend.dispose();
    this.#byId.set(record.id, backend);
    return backend;
  }

  /** Aborts every remote request in flight. Safe to call twice. */
  dispose(): void {
    this.#disposed = true;
    for (const backend of this.#byId.values()) backend.dispose();
  }
}
