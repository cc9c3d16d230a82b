import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DomainError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type {
  AliasInfo,
  AliasVariant,
  CallOptions,
  EmbedRequest,
  GenerateRequest,
  GenerationChunk,
  GenerationResult,
  InferenceEngine,
  InferenceStats,
  ModelInfo,
  PairRequest,
  RequestPriority,
  TokenLabel,
  TokenLogprob,
  TokenLogprobsRequest,
} from '../inference/types.js';
import { followJob, toDomainError } from './followJob.js';
import { BULL_PRIORITY, IDEMPOTENT, type InferenceJobData, type InferenceJobName, type InferenceJobs } from './jobs.js';
import type { QueueConfig } from './QueueConfig.js';
import { queueKeys, type QueueKeys } from './queueKeys.js';
import { WorkerDirectory } from './WorkerDirectory.js';
import { publishControl } from './control.js';
import { bullConnection } from './bullConnection.js';

/** Options of {@link QueuedInference}. */
export interface QueuedInferenceOptions {
  /** Our own commands (streams, adverts, cancellations); `maxRetriesPerRequest: null`, owned by the caller. */
  redis: Redis;
  /** BullMQ makes its own connections from it. */
  redisUrl: string;
  config: QueueConfig;
  /** Per-request limit when a request names none (OET_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
  logger?: Logger;
}

/**
 * The InferenceEngine of the API role: every model call becomes a job on the shared BullMQ queue, run by whichever
 * worker takes it; tokens and results come back through the job's Redis Stream. Resolvers and REST routes use it as
 * they use the local engine. Models are what the workers advertise.
 */
export class QueuedInference implements InferenceEngine {
  readonly #redis: Redis;
  readonly #config: QueueConfig;
  readonly #keys: QueueKeys;
  readonly #queue: Queue;
  readonly #directory: WorkerDirectory;
  readonly #requestTimeoutMs: number;
  readonly #logger: Logger | undefined;
  readonly #inFlight = new Set<AbortController>();
  #queueDepth = 0;
  #closing: Promise<void> | null = null;

  constructor(options: QueuedInferenceOptions) {
    this.#redis = options.redis;
    this.#config = options.config;
    this.#keys = queueKeys(options.config.prefix);
    this.#requestTimeoutMs = options.requestTimeoutMs;
    this.#logger = options.logger;
    this.#queue = new Queue(this.#keys.inferenceQueue, { connection: bullConnection(options.redisUrl), prefix: this.#keys.bullPrefix });
    this.#queue.on('error', (error) => this.#logger?.warn({ err: error.message }, 'inference queue error'));
    this.#directory = new WorkerDirectory(options.redis, this.#keys.workerPattern, { refreshMillis: options.config.heartbeatMillis, logger: options.logger });
  }

  /** Reads the workers' advertisements once (start-up waits for it, so the first listModels is not empty). */
  async refresh(): Promise<ModelInfo[]> {
    await publishControl(this.#redis, this.#keys, { op: 'refresh' }).catch(() => undefined);
    await this.#directory.refresh();
    await this.#countWaiting();
    return this.listModels();
  }

  listModels(): ModelInfo[] {
    return this.#directory.models();
  }

  getModel(idOrAlias: string): ModelInfo | undefined {
    return this.#directory.find(idOrAlias);
  }

  listAliases(): AliasInfo[] {
    return this.#directory.aliases();
  }

  /** Sent to every worker; the answer is the alias as asked (workers apply it within a heartbeat). */
  setAlias(name: string, variants: AliasVariant[]): AliasInfo {
    void publishControl(this.#redis, this.#keys, { op: 'setAlias', name, variants }).catch((error: unknown) => this.#logger?.warn({ err: (error as Error).message }, 'setAlias not sent to workers'));
    return { name, variants };
  }

  async loadModel(id: string): Promise<ModelInfo> {
    return this.#modelAdmin('loadModel', id);
  }

  async unloadModel(id: string): Promise<ModelInfo> {
    return this.#modelAdmin('unloadModel', id);
  }

  async generate(request: GenerateRequest, options: CallOptions = {}): Promise<GenerationResult> {
    for await (const chunk of this.generateStream(request, options)) if (chunk.done && chunk.result) return chunk.result;
    throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, 'The generation ended without a result.');
  }

  async *generateStream(request: GenerateRequest, options: CallOptions = {}): AsyncGenerator<GenerationChunk> {
    const { jobId, controller, deadline } = await this.#enqueue('generate', request, request.priority ?? 'interactive', request.timeoutMs, options.signal);
    let finished = false;
    try {
      for await (const entry of followJob({ redis: this.#redis, queue: this.#queue, keys: this.#keys, jobId, idempotent: IDEMPOTENT.generate, deadline, signal: controller.signal })) {
        if (entry.kind === 'chunk') yield { text: entry.text, done: false };
        else if (entry.kind === 'error') throw toDomainError(entry);
        else {
          finished = true;
          yield { text: '', done: true, result: entry.result as GenerationResult };
        }
      }
    } finally {
      this.#inFlight.delete(controller);
      // The subscriber left (or the job failed here): tell the worker, so its sequence is freed at once.
      if (!finished) await this.#cancel(jobId);
    }
  }

  embed(request: EmbedRequest, options: CallOptions = {}): Promise<number[][]> {
    return this.#call('embed', request, 'interactive', options.signal) as Promise<number[][]>;
  }

  classifyTokens(request: EmbedRequest, options: CallOptions = {}): Promise<TokenLabel[][]> {
    return this.#call('classifyTokens', request, 'interactive', options.signal) as Promise<TokenLabel[][]>;
  }

  classifyPairs(request: PairRequest, options: CallOptions = {}): Promise<Record<string, number>[]> {
    return this.#call('classifyPairs', request, 'interactive', options.signal) as Promise<Record<string, number>[]>;
  }

  tokenLogprobs(request: TokenLogprobsRequest, options: CallOptions = {}): Promise<TokenLogprob[]> {
    return this.#call('tokenLogprobs', request, 'background', options.signal) as Promise<TokenLogprob[]>;
  }

  stats(): InferenceStats {
    // Synchronous by contract: answers the last count and refreshes it for the next caller.
    this.#countWaiting().catch(() => undefined);
    return this.#directory.stats(this.#queueDepth);
  }

  /** Cancels what this instance still waits for (its workers see the cancellations), then closes the queue. */
  dispose(): Promise<void> {
    this.#closing ??= (async () => {
      for (const controller of this.#inFlight) controller.abort(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'This API instance is shutting down; retry on another.'));
      this.#directory.close();
      await this.#queue.close().catch(() => undefined);
    })();
    return this.#closing;
  }

  async #call<N extends InferenceJobName>(name: N, request: InferenceJobs[N], priority: RequestPriority, signal?: AbortSignal): Promise<unknown> {
    const { jobId, controller, deadline } = await this.#enqueue(name, request, priority, undefined, signal);
    let finished = false;
    try {
      for await (const entry of followJob({ redis: this.#redis, queue: this.#queue, keys: this.#keys, jobId, idempotent: IDEMPOTENT[name], deadline, signal: controller.signal })) {
        if (entry.kind === 'error') throw toDomainError(entry);
        if (entry.kind === 'done') {
          finished = true;
          return entry.result;
        }
      }
      throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, `The ${name} job ended without a result.`);
    } finally {
      this.#inFlight.delete(controller);
      if (!finished) await this.#cancel(jobId);
    }
  }

  /** Adds the job unless the queue is full; the job id is ours, so its output stream is known before a worker starts. */
  async #enqueue<N extends InferenceJobName>(name: N, request: InferenceJobs[N], priority: RequestPriority, timeoutMs: number | undefined, signal?: AbortSignal) {
    if (this.#closing !== null) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'This API instance is shutting down; retry on another.');
    if (signal?.aborted) throw new DomainError(ErrorCode.CANCELLED, 'The request was cancelled by its caller before it finished.');
    const limit = timeoutMs ?? this.#requestTimeoutMs;
    const deadline = limit > 0 ? Date.now() + limit : Number.MAX_SAFE_INTEGER;
    // While Redis is away these commands wait for it: the caller's signal and deadline still bound them.
    const waiting = await boundedBy(this.#countWaiting(), signal, deadline);
    if (waiting >= this.#config.maxWaiting) {
      throw new DomainError(
        ErrorCode.QUEUE_FULL,
        `The inference queue is full: ${waiting} jobs wait for a worker (at most ${this.#config.maxWaiting}). Retry shortly${priority === 'background' ? '' : ', or add workers'}.`,
        { waiting, limit: this.#config.maxWaiting, priority: priority.toUpperCase() },
      );
    }
    const jobId = randomUUID();
    const data: InferenceJobData<N> = { request, deadline };
    const added = this.#queue.add(name, data, {
      jobId,
      priority: BULL_PRIORITY[priority],
      attempts: IDEMPOTENT[name] ? 3 : 1,
      backoff: { type: 'exponential', delay: 200 },
      removeOnComplete: true,
      removeOnFail: { count: this.#config.keepFailed },
    });
    try {
      await boundedBy(added, signal, deadline);
    } catch (error) {
      // The add may still land once Redis is back: mark it cancelled, so no worker runs it for nobody.
      added.then(() => this.#cancel(jobId), () => undefined);
      throw error;
    }
    this.#queueDepth = waiting + 1;
    const controller = new AbortController();
    if (signal) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    }
    this.#inFlight.add(controller);
    return { jobId, controller, deadline };
  }

  /** Removes a job that has not started; a running one is aborted by its worker, which listens for cancellations. */
  async #cancel(jobId: string): Promise<void> {
    try {
      await this.#redis.set(this.#keys.cancelled(jobId), '1', 'PX', 10 * 60_000);
      await this.#redis.publish(this.#keys.cancelChannel, jobId);
      // Only a job no worker holds is removed: a running one fails as CANCELLED on its worker and is kept.
      const state = await this.#queue.getJobState(jobId);
      if (state === 'waiting' || state === 'prioritized' || state === 'delayed') await this.#queue.remove(jobId).catch(() => undefined);
    } catch (error) {
      this.#logger?.warn({ err: (error as Error).message, jobId }, 'cancellation not delivered');
    }
  }

  async #countWaiting(): Promise<number> {
    this.#queueDepth = await this.#queue.getJobCountByTypes('wait', 'prioritized', 'delayed');
    return this.#queueDepth;
  }

  async #modelAdmin(op: 'loadModel' | 'unloadModel', id: string): Promise<ModelInfo> {
    if (this.getModel(id) === undefined) await this.#directory.refresh();
    const known = this.getModel(id);
    if (known === undefined) throw new DomainError(ErrorCode.MODEL_NOT_FOUND, `No worker advertises a model or alias "${id}".`, { model: id });
    await publishControl(this.#redis, this.#keys, { op, id });
    return known;
  }
}


/** The promise's value, unless the signal aborts (CANCELLED) or the deadline passes (TIMEOUT) first. */
function boundedBy<T>(promise: Promise<T>, signal: AbortSignal | undefined, deadline: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => finish(() => reject(new DomainError(ErrorCode.CANCELLED, 'The request was cancelled by its caller before it finished.')));
    const timer = deadline < Number.MAX_SAFE_INTEGER ? setTimeout(() => finish(() => reject(new DomainError(ErrorCode.TIMEOUT, 'The request could not be queued within its time limit (Redis unreachable). Retry later.'))), Math.min(2 ** 31 - 1, Math.max(0, deadline - Date.now()))) : null;
    const finish = (settle: () => void): void => {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => finish(() => resolve(value)), (error: unknown) => finish(() => reject(error)));
  });
}
