import { randomUUID } from 'node:crypto';
import { Queue, type Job } from 'bullmq';
import { BadUserInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { BackgroundJobInfo, BackgroundJobs, BackgroundJobState, BatchProgress } from './batchJobs.js';
import { BULL_PRIORITY } from './jobs.js';
import type { QueueConfig } from './QueueConfig.js';
import { queueKeys } from './queueKeys.js';
import { bullConnection } from './bullConnection.js';

export interface BatchJobData {
  payload: Record<string, unknown>;
  requestedBy: string | null;
}

/** Background jobs on the shared batch queue: any worker runs them; any API instance reads their progress. */
export class QueuedBackgroundJobs implements BackgroundJobs {
  readonly #queue: Queue<BatchJobData>;
  readonly #names: readonly string[];
  readonly #config: QueueConfig;

  /** `names`: the jobs the workers know (the API role does not load their handlers). */
  constructor(redisUrl: string, config: QueueConfig, names: readonly string[], logger?: Logger) {
    const keys = queueKeys(config.prefix);
    this.#queue = new Queue(keys.batchQueue, { connection: bullConnection(redisUrl), prefix: keys.bullPrefix });
    this.#queue.on('error', (error) => logger?.warn({ err: error.message }, 'batch queue error'));
    this.#names = names;
    this.#config = config;
  }

  async start(name: string, payload: Record<string, unknown>, requestedBy: string | null): Promise<BackgroundJobInfo> {
    if (!this.#names.includes(name)) throw new BadUserInputError(`No background job "${name}"; known: ${this.#names.join(', ')}.`);
    // Batch work is background: interactive inference is served first (separate queue, lower priority on the worker).
    const job = await this.#queue.add(name, { payload, requestedBy }, {
      jobId: randomUUID(),
      priority: BULL_PRIORITY.background,
      attempts: 1,
      removeOnComplete: { count: this.#config.keepFailed },
      removeOnFail: { count: this.#config.keepFailed },
    });
    return toInfo(job, 'waiting');
  }

  async get(id: string): Promise<BackgroundJobInfo | null> {
    // State first, then the job: a job read first and found completed a moment later would say COMPLETED with the
    // result it had before (none). Completion writes state and result together, so this order never splits them.
    const state = await this.#queue.getJobState(id);
    if (state === 'unknown') return null;
    const job = await this.#queue.getJob(id);
    if (job === undefined || job === null) return null;
    return toInfo(job, state);
  }

  async close(): Promise<void> {
    await this.#queue.close().catch(() => undefined);
  }
}

function toInfo(job: Job<BatchJobData>, bullState: string): BackgroundJobInfo {
  const state: BackgroundJobState = bullState === 'completed' ? 'completed' : bullState === 'failed' ? 'failed' : bullState === 'active' ? 'active' : 'waiting';
  const progress = typeof job.progress === 'object' && job.progress !== null ? (job.progress as unknown as BatchProgress) : null;
  return {
    id: job.id ?? '',
    name: job.name,
    state,
    progress,
    result: state === 'completed' ? ((job.returnvalue as Record<string, unknown> | null) ?? null) : null,
    error: state === 'failed' ? (job.failedReason ?? 'failed') : null,
    requestedBy: job.data.requestedBy,
    createdAt: new Date(job.timestamp),
    finishedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  };
}
