import { randomUUID } from 'node:crypto';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DomainError, ErrorCode } from '../../errors.js';
import { asDomainError } from '../../inference/inferenceErrors.js';
import type { InferenceEngine } from '../../inference/types.js';
import type { Logger } from '../../logger.js';
import type { BatchHandlers, BatchProgress } from '../batchJobs.js';
import { controlChannel, type ControlMessage } from '../control.js';
import { IDEMPOTENT, type InferenceJobData, type InferenceJobName, type OutputEntry } from '../jobs.js';
import { appendOutput } from '../outputStream.js';
import { advertTtlMillis, type QueueConfig } from '../QueueConfig.js';
import type { BatchJobData } from '../QueuedBackgroundJobs.js';
import { queueKeys, type QueueKeys } from '../queueKeys.js';
import type { WorkerAdvert } from '../workerAdvert.js';
import { bullConnection } from '../bullConnection.js';

/** Options of {@link InferenceWorker}. */
export interface InferenceWorkerOptions {
  /** Our own commands (streams, adverts); `maxRetriesPerRequest: null`, owned by the caller. */
  redis: Redis;
  /** BullMQ makes its own connections from it. */
  redisUrl: string;
  config: QueueConfig;
  /** The local engine that holds the models. */
  inference: InferenceEngine;
  /** Background jobs this worker runs (none: it leaves the batch queue to other workers). */
  batchHandlers?: BatchHandlers;
  logger?: Logger;
}

/** Errors worth another attempt of an idempotent job: the worker or a resource was briefly unavailable. */
const TRANSIENT = new Set<string>([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.MODEL_BUSY, ErrorCode.INSUFFICIENT_MEMORY, ErrorCode.INTERNAL_SERVER_ERROR]);

/**
 * The worker role: takes model calls off the shared queue, runs them on the local engine, and appends their
 * chunks, result or error to each job's output stream. It advertises its models with a heartbeat (API instances list
 * them, and learn from its silence that it died) and aborts a job when an API instance cancels it.
 */
export class InferenceWorker {
  readonly workerId = randomUUID();
  readonly #options: InferenceWorkerOptions;
  readonly #keys: QueueKeys;
  #inferenceWorker: Worker<InferenceJobData> | null = null;
  #batchWorker: Worker<BatchJobData> | null = null;
  #subscriber: Redis | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #active = 0;
  #closing: Promise<void> | null = null;

  constructor(options: InferenceWorkerOptions) {
    this.#options = options;
    this.#keys = queueKeys(options.config.prefix);
  }

  /** Jobs running now. */
  get activeJobs(): number {
    return this.#active;
  }

  async start(): Promise<void> {
    const { redis, config, logger } = this.#options;
    await this.#advertise();
    this.#heartbeat = setInterval(() => void this.#advertise(), config.heartbeatMillis);
    this.#heartbeat.unref();
    const subscriber = (this.#subscriber = redis.duplicate());
    subscriber.on('error', (error) => logger?.warn({ err: error.message }, 'worker subscriber: redis error'));
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.#keys.cancelChannel) this.#inferenceWorker?.cancelJob(message, 'cancelled by the API instance');
      else void this.#control(message);
    });
    await subscriber.subscribe(this.#keys.cancelChannel, controlChannel(this.#keys));
    const common = { connection: bullConnection(this.#options.redisUrl), prefix: this.#keys.bullPrefix, lockDuration: config.lockMillis, stalledInterval: Math.max(1000, Math.floor(config.lockMillis / 2)) };
    // A generation whose worker died is not run again (maxStalledCount 0: it fails and stays for inspection);
    // idempotent jobs carry attempts and are retried through the job's own attempts count.
    this.#inferenceWorker = new Worker<InferenceJobData>(this.#keys.inferenceQueue, (job, _token, signal) => this.#run(job, signal), { ...common, concurrency: config.workerConcurrency, maxStalledCount: 1 });
    this.#inferenceWorker.on('error', (error) => logger?.warn({ err: error.message }, 'inference worker error'));
    const handlers = this.#options.batchHandlers;
    if (handlers && Object.keys(handlers).length > 0) {
      this.#batchWorker = new Worker<BatchJobData>(this.#keys.batchQueue, (job, _token, signal) => this.#runBatch(job, handlers, signal), { ...common, concurrency: 1, maxStalledCount: 0 });
      this.#batchWorker.on('error', (error) => logger?.warn({ err: error.message }, 'batch worker error'));
    }
    await Promise.all([this.#inferenceWorker.waitUntilReady(), this.#batchWorker?.waitUntilReady()]);
  }

  /** Finishes the jobs it holds (BullMQ's close waits for them), then withdraws its advertisement. Safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
      await Promise.all([this.#inferenceWorker?.close(), this.#batchWorker?.close()]);
      await this.#options.redis.del(this.#keys.worker(this.workerId)).catch(() => undefined);
      this.#subscriber?.disconnect();
    })();
    return this.#closing;
  }

  async #run(job: Job<InferenceJobData>, signal: AbortSignal | undefined): Promise<void> {
    const { redis, inference } = this.#options;
    const name = job.name as InferenceJobName;
    const jobId = job.id as string;
    const out = this.#keys.output(jobId);
    const write = (entry: OutputEntry) => appendOutput(redis, out, entry);
    this.#active++;
    try {
      if ((await redis.exists(this.#keys.cancelled(jobId))) === 1) throw new UnrecoverableError('CANCELLED: cancelled before a worker took it');
      const remaining = job.data.deadline - Date.now();
      if (remaining <= 0) {
        await write({ kind: 'error', code: ErrorCode.TIMEOUT, message: 'The request waited in the queue past its time limit. Retry later, or raise timeoutMs.', details: {} });
        throw new UnrecoverableError('TIMEOUT: expired in the queue');
      }
      // A job may never run twice when it is not idempotent: a generation retried after a stall would repeat text.
      if (!IDEMPOTENT[name] && job.attemptsStarted > 1) {
        await write({ kind: 'error', code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The worker running this generation stopped before it finished. Retry the request.', details: {} });
        throw new UnrecoverableError('SERVICE_UNAVAILABLE: the worker running it stopped; not retried (not idempotent)');
      }
      await write({ kind: 'start', workerId: this.workerId });
      try {
        if (name === 'generate') {
          const request = { ...(job.data.request as InferenceJobData<'generate'>['request']), timeoutMs: remaining };
          for await (const chunk of inference.generateStream(request, { signal })) {
            await write(chunk.done ? { kind: 'done', result: chunk.result } : { kind: 'chunk', text: chunk.text });
          }
        } else {
          await write({ kind: 'done', result: await this.#call(name, job.data, signal) });
        }
      } catch (error) {
        const domain = asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `The ${name} job failed on its worker`);
        const last = !IDEMPOTENT[name] || !TRANSIENT.has(domain.code) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (!last) throw domain;
        await write({ kind: 'error', code: domain.code, message: domain.message, details: { ...domain.details } });
        throw new UnrecoverableError(`${domain.code}: ${domain.message}`);
      }
    } finally {
      this.#active--;
    }
  }

  #call(name: Exclude<InferenceJobName, 'generate'>, data: InferenceJobData, signal: AbortSignal | undefined): Promise<unknown> {
    const inference = this.#options.inference;
    const options = { signal };
    switch (name) {
      case 'embed':
        return inference.embed(data.request as InferenceJobData<'embed'>['request'], options);
      case 'classifyTokens':
        return inference.classifyTokens(data.request as InferenceJobData<'classifyTokens'>['request'], options);
      case 'classifyPairs':
        return inference.classifyPairs(data.request as InferenceJobData<'classifyPairs'>['request'], options);
      case 'tokenLogprobs':
        return inference.tokenLogprobs(data.request as InferenceJobData<'tokenLogprobs'>['request'], options);
    }
  }

  async #runBatch(job: Job<BatchJobData>, handlers: BatchHandlers, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    const handler = handlers[job.name];
    if (handler === undefined) throw new UnrecoverableError(`No handler for background job "${job.name}" on this worker`);
    this.#active++;
    try {
      return await handler(job.data.payload, {
        signal: signal ?? new AbortController().signal,
        reportProgress: (progress: BatchProgress) => job.updateProgress({ ...progress }),
      });
    } catch (error) {
      // The message is the engine's (DomainErrors) or a generic one: BullMQ keeps it as the failed reason admins read.
      throw new UnrecoverableError(error instanceof DomainError ? `${error.code}: ${error.message}` : `The background job "${job.name}" failed on its worker.`);
    } finally {
      this.#active--;
    }
  }

  async #advertise(): Promise<void> {
    const { redis, inference, config, logger } = this.#options;
    try {
      const advert: WorkerAdvert = { workerId: this.workerId, models: inference.listModels(), aliases: inference.listAliases(), stats: inference.stats(), activeJobs: this.#active };
      await redis.set(this.#keys.worker(this.workerId), JSON.stringify(advert), 'PX', advertTtlMillis(config));
    } catch (error) {
      logger?.warn({ err: (error as Error).message }, 'worker advertisement not written');
    }
  }

  async #control(message: string): Promise<void> {
    const { inference, logger } = this.#options;
    try {
      const control = JSON.parse(message) as ControlMessage;
      switch (control.op) {
        case 'refresh':
          await inference.refresh();
          break;
        case 'setAlias':
          inference.setAlias(control.name, control.variants);
          break;
        case 'loadModel':
          await inference.loadModel(control.id);
          break;
        case 'unloadModel':
          await inference.unloadModel(control.id);
          break;
      }
      await this.#advertise();
    } catch (error) {
      logger?.warn({ err: (error as Error).message }, 'control message not applied');
    }
  }
}
