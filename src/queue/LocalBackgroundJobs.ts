import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BackgroundJobInfo, BackgroundJobs, BatchHandlers } from './batchJobs.js';

/** Most finished jobs remembered (oldest forgotten first). */
const KEEP = 1000;

/**
 * The all-in-one role's background jobs: run one at a time in this process, kept in memory. Same contract as the
 * queued ones, so the API does not care which role it runs in.
 */
export class LocalBackgroundJobs implements BackgroundJobs {
  readonly #handlers: BatchHandlers;
  readonly #logger: Logger | undefined;
  readonly #jobs = new Map<string, BackgroundJobInfo>();
  readonly #abort = new AbortController();
  #chain: Promise<void> = Promise.resolve();

  constructor(handlers: BatchHandlers, logger?: Logger) {
    this.#handlers = handlers;
    this.#logger = logger;
  }

  async start(name: string, payload: Record<string, unknown>, requestedBy: string | null): Promise<BackgroundJobInfo> {
    const handler = this.#handlers[name];
    if (handler === undefined) throw new BadUserInputError(`No background job "${name}"; known: ${Object.keys(this.#handlers).join(', ')}.`);
    const job: BackgroundJobInfo = { id: randomUUID(), name, state: 'waiting', progress: null, result: null, error: null, requestedBy, createdAt: new Date(), finishedAt: null };
    this.#jobs.set(job.id, job);
    while (this.#jobs.size > KEEP) this.#jobs.delete(this.#jobs.keys().next().value as string);
    this.#chain = this.#chain.then(async () => {
      job.state = 'active';
      try {
        job.result = await handler(payload, { signal: this.#abort.signal, reportProgress: async (p) => void (job.progress = p) });
        job.state = 'completed';
      } catch (error) {
        job.state = 'failed';
        job.error = (error as Error).message;
        this.#logger?.warn({ jobId: job.id, name, err: (error as Error).message }, 'background job failed');
      }
      job.finishedAt = new Date();
    });
    return { ...job };
  }

  async get(id: string): Promise<BackgroundJobInfo | null> {
    const job = this.#jobs.get(id);
    return job === undefined ? null : { ...job };
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await this.#chain;
  }
}
