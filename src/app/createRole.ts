import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { InferenceEngine } from '../inference/types.js';
import type { BackgroundJobs, BatchHandlers } from '../queue/batchJobs.js';
import { LocalBackgroundJobs } from '../queue/LocalBackgroundJobs.js';
import { QueuedBackgroundJobs } from '../queue/QueuedBackgroundJobs.js';
import { QueuedInference } from '../queue/QueuedInference.js';
import { InferenceWorker } from '../queue/worker/InferenceWorker.js';

/** What OET_ROLE changes in the composition root; `all` changes nothing but running background jobs in-process. */
export interface RoleParts {
  /** api: the InferenceEngine that queues every model call for the workers. Otherwise undefined (local engine). */
  readonly queuedInference: QueuedInference | undefined;
  /** worker: takes jobs off the queues and runs them on the local engine (and its batch handlers); the caller closes it. */
  startWorker(inference: InferenceEngine, handlers: BatchHandlers): Promise<InferenceWorker | undefined>;
  /** api: jobs on the shared batch queue; all: in this process; worker: none (it runs them). */
  backgroundJobs(handlers: BatchHandlers): BackgroundJobs | null;
  close(): Promise<void>;
}

export async function createRoleParts(config: Config, logger: Logger): Promise<RoleParts> {
  const closers: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c().catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'role part close failed'));
  };
  if (config.role === 'all' || config.redisUrl === undefined) {
    return {
      queuedInference: undefined,
      startWorker: async () => undefined,
      backgroundJobs: (handlers) => {
        const jobs = new LocalBackgroundJobs(handlers, logger);
        closers.push(() => jobs.close());
        return jobs;
      },
      close,
    };
  }
  const redisUrl = config.redisUrl;
  // Commands wait for a lost Redis to come back (bounded by each job's deadline) rather than fail after 20 tries.
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
  redis.on('error', (error) => logger.warn({ err: error.message, role: config.role }, 'queue redis connection error'));
  await redis.connect();
  closers.push(async () => redis.disconnect());
  if (config.role === 'api') {
    const queued = new QueuedInference({ redis, redisUrl, config: config.queue, requestTimeoutMs: config.inference.requestTimeoutMs, logger });
    closers.push(() => queued.dispose());
    return {
      queuedInference: queued,
      startWorker: async () => undefined,
      backgroundJobs: (handlers) => {
        const jobs = new QueuedBackgroundJobs(redisUrl, config.queue, Object.keys(handlers), logger);
        closers.push(() => jobs.close());
        return jobs;
      },
      close,
    };
  }
  return {
    queuedInference: undefined,
    async startWorker(inference, handlers) {
      // The caller closes it (before the local engine it runs on is disposed).
      const worker = new InferenceWorker({ redis, redisUrl, config: config.queue, inference, batchHandlers: handlers, logger });
      await worker.start();
      logger.info({ workerId: worker.workerId, concurrency: config.queue.workerConcurrency, prefix: config.queue.prefix }, 'inference worker started');
      return worker;
    },
    backgroundJobs: () => null,
    close,
  };
}
