import { LOGPROB_MAX_TOKENS, scoreTokens } from './generation/tokenLogprobs.js';
import os from 'node:os';
import type { Llama, LlamaContextSequence } from 'node-llama-cpp';
import type { InferenceConfig } from '../config.js';
import { DomainError, ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { promptTokensOf } from './generation/countPromptTokens.js';
import { ChunkChannel } from './generation/ChunkChannel.js';
import { createJsonGrammar } from './generation/createJsonGrammar.js';
import { runGeneration } from './generation/runGeneration.js';
import { toFinishReason } from './generation/toFinishReason.js';
import { checkMaxTokens, validateGenerateRequest, type GenerationPlan } from './generation/validateGenerateRequest.js';
import { asDomainError, badInput, cancelled, modelNotFound, timedOut } from './inferenceErrors.js';
import { createModelLoader, type ModelLoader, type ModelLoaderOptions } from './lifecycle/createModelLoader.js';
import type { LoadedGguf } from './lifecycle/LoadedModel.js';
import { ModelManager, type Lease } from './lifecycle/ModelManager.js';
import { findLlamaServerBinary } from './llamaServer/llamaServerBinary.js';
import { generateServed } from './llamaServer/generateServed.js';
import { servedModelInfo } from './llamaServer/servedModelInfo.js';
import { buildModelInfo, runtimeOf } from './registry/buildModelInfo.js';
import type { ModelRecord } from './registry/ModelRecord.js';
import { ModelRegistry } from './registry/ModelRegistry.js';
import { isRemote, RemoteBackends, type RemoteRecord } from './remote/RemoteBackends.js';
import { defaultThreads } from './runtime/defaultThreads.js';
import { readThreadCalibration } from './runtime/threadCalibration.js';
import { acquireLlama, backendOf, releaseLlama } from './runtime/llamaRuntime.js';
import type {
  AliasInfo,
  AliasVariant,
  CallOptions,
  EmbedRequest,
  PairRequest,
  TokenLabel,
  FinishReason,
  GenerateRequest,
  GenerationChunk,
  GenerationResult,
  InferenceEngine,
  InferenceObserver,
  InferenceStats,
  ModelBackend,
  ModelInfo,
  TokenLogprob,
  TokenLogprobsRequest,
} from './types.js';

/** Options of {@link createInferenceService}. */
export interface InferenceServiceOptions {
  /** Directories searched for models, in order (Config.modelsDirs). */
  modelsDirs: string[];
  /** models/manifest.json; a missing file is an empty manifest. */
  manifestPath: string;
  config: InferenceConfig;
  /** Metrics and audit hooks. Default: none. */
  observer?: InferenceObserver;
  /** Default: no logging. */
  logger?: Logger;
  /** Source of [0, 1) numbers for A/B variant choice. Default `Math.random`. */
  random?: () => number;
  /** Most tokens per sequence (prompt + completion), capped at each model's trained context. Default 2048. */
  contextSize?: number;
  /** How long `dispose()` lets requests in flight finish before aborting them. Default 10,000 ms. */
  disposeGracePeriodMillis?: number;
  /** How streams of one model are batched (see LoadGgufModelOptions.batching). Default `lockstep`. */
  batching?: 'lockstep' | 'library';
}

/** Where a request is, so a timeout can say what it was waiting for. */
type Phase = 'loading the model' | 'waiting for a free sequence' | 'generating';

/**
 * Creates the engine synchronously (the composition root wires it before anything is awaited). The manifest scan
 * starts at once in the background; `await service.refresh()` (or any async call) waits for it. The llama runtime
 * starts on first GGUF use (it costs ~1 s and tens of MB: an instance that never generates never pays it).
 */
export function createInferenceService(options: InferenceServiceOptions): InferenceService {
  return new InferenceService(options);
}

/**
 * The InferenceEngine over node-llama-cpp (GGUF text generation) and onnxruntime (ONNX embeddings). Requests resolve
 * a model or alias, lease the model (loading it lazily within the memory budget), wait for one of its context's
 * sequences in a priority queue, generate, and give everything back in `finally`.
 *
 * Timeouts cover loading, queueing and generation. A request that times out before it got a sequence rejects with
 * TIMEOUT; one that times out while generating resolves with the partial text and finishReason `timeout`.
 */
export class InferenceService implements InferenceEngine {
  readonly #options: InferenceServiceOptions;
  readonly #registry: ModelRegistry;
  readonly #manager: ModelManager;
  /** The process-wide runtime, started on first use (see #runtime); resolved value also cached for sync getters. */
  #llamaReady: Promise<Llama> | null = null;
  #llama: Llama | null = null;
  #runtimeFailed = false;
  /** The first manifest scan; later scans are explicit `refresh()` calls. */
  readonly #scanned: Promise<unknown>;
  readonly #random: () => number;
  readonly #inFlight = new Set<AbortController>();
  readonly #loader: ModelLoader;
  /** Models served by OpenAI-compatible servers (manifest `remoteModels`). */
  readonly #remotes: RemoteBackends;
  /** What runs GGUF generation (OET_GGUF_RUNTIME): node-llama-cpp here, or supervised llama-server processes. */
  readonly #ggufRuntime: 'node-llama-cpp' | 'llama-server';
  #lastThreads: number | null = null;
  #disposing: Promise<void> | null = null;

  /** Use {@link createInferenceService}. */
  constructor(options: InferenceServiceOptions) {
    this.#options = options;
    this.#registry = new ModelRegistry({ modelsDirs: options.modelsDirs, manifestPath: options.manifestPath });
    // A bad manifest must not wedge the service: the first scan's error is logged, and `refresh()` (which the
    // composition root awaits) reads the manifest again and throws it.
    this.#scanned = this.#registry.refresh().catch((error: unknown) => options.logger?.error({ err: error }, 'model scan failed'));
    this.#random = options.random ?? Math.random;
    this.#remotes = new RemoteBackends({
      defaultTimeoutMs: options.config.requestTimeoutMs,
      onStateChange: (modelId, state) => options.observer?.onModelStateChange?.({ modelId, state, runtime: 'remote' }),
      logger: options.logger,
    });
    const config = options.config;
    const threadCalibration = readThreadCalibration(config.threadsCalibrationPath, (message) => options.logger?.warn(message));
    this.#ggufRuntime = config.ggufRuntime ?? 'node-llama-cpp';
    const loader = (this.#loader = createModelLoader(() => this.#runtime(), {
      contextSize: options.contextSize ?? 2048,
      sequences: Math.max(1, config.parallelSequences),
      threads: config.threads,
      threadCalibration,
      maxQueue: config.maxQueue,
      batching: options.batching,
      onQueueChange: (modelId, state) => options.observer?.onQueueChange?.({ modelId, ...state }),
      llamaServer: this.#llamaServerOptions(),
    }));
    this.#manager = new ModelManager({
      budgetBytes: config.memoryBudgetBytes ?? Math.floor(os.totalmem() / 2),
      keepAliveMs: config.keepAliveMs,
      estimate: loader.estimate,
      load: async (record, estimated) => {
        const loaded = await loader.load(record, estimated);
        if (loaded.format === 'gguf') this.#lastThreads = loaded.threads;
        return loaded;
      },
      onStateChange: (modelId, state) => {
        const record = this.#registry.resolvePrimary(modelId)?.record;
        options.observer?.onModelStateChange?.({ modelId, state, ...(record ? { runtime: runtimeOf(record, this.#ggufRuntime) } : {}) });
      },
      logger: options.logger,
    });
  }

  /** Fails at construction (so at start-up) when the runtime is chosen but no executable is there. */
  #llamaServerOptions(): ModelLoaderOptions['llamaServer'] {
    const { config, logger } = this.#options;
    if (config.ggufRuntime !== 'llama-server') return undefined;
    const binary = findLlamaServerBinary(config.llamaServerBin ? { ...process.env, OET_LLAMA_SERVER_BIN: config.llamaServerBin } : process.env);
    if (binary === undefined) {
      throw new Error('OET_GGUF_RUNTIME=llama-server needs a llama-server executable: run `npm run llama-server:build` once, or point OET_LLAMA_SERVER_BIN at one.');
    }
    return {
      binary,
      defaultTimeoutMs: config.requestTimeoutMs,
      onLost: (modelId, loaded) => this.#manager.lost(modelId, loaded, 'The llama-server process serving this model exited; the next request starts it again.'),
      logger,
    };
  }

  /** Backend of the llama runtime; `cpu` until it has started. */
  get backend(): ModelBackend {
    return this.#llama === null ? 'cpu' : backendOf(this.#llama);
  }

  listModels(): ModelInfo[] {
    return this.#registry.list().map((r) => this.#info(r));
  }

  /** Undefined for unknown names; MODEL_NOT_FOUND (with a pull hint) for manifest models whose file is missing. */
  getModel(idOrAlias: string): ModelInfo | undefined {
    const target = this.#registry.resolvePrimary(idOrAlias);
    return target === undefined ? undefined : this.#info(target.record);
  }

  listAliases(): AliasInfo[] {
    return this.#registry.listAliases();
  }

  /**
   * Hot swap: new requests go to the new variants at once. Models the alias pointed at before, and that no alias
   * points at any more, are unloaded once their requests in flight have finished.
   */
  setAlias(name: string, variants: AliasVariant[]): AliasInfo {
    const { info, previous } = this.#registry.setAlias(name, variants);
    const stillAliased = new Set(this.#registry.listAliases().flatMap((a) => a.variants.map((v) => v.modelId)));
    for (const id of new Set(previous)) {
      if (stillAliased.has(id) || this.#manager.stateOf(id) !== 'ready') continue;
      void this.#manager.unload(id).catch((error: unknown) => this.#options.logger?.warn({ err: error, modelId: id }, 'hot-swap unload failed'));
    }
    return info;
  }

  async refresh(): Promise<ModelInfo[]> {
    await this.#scanned;
    await this.#registry.refresh();
    this.#pingRemotes();
    return this.listModels();
  }

  async loadModel(idOrAlias: string): Promise<ModelInfo> {
    this.#assertOpen();
    await this.#scanned;
    const record = this.#require(idOrAlias);
    // A remote model is "loaded" when its server answers its health ping.
    if (isRemote(record)) await this.#remotes.for(record).ping();
    else await this.#manager.load(record);
    return this.#info(record);
  }

  /** Process id of the llama-server serving a model (OET_GGUF_RUNTIME=llama-server), for operators' tools; else undefined. */
  llamaServerPid(idOrAlias: string): number | undefined {
    const record = this.#registry.resolvePrimary(idOrAlias)?.record;
    const loaded = this.#manager.loadedModels().find((m) => m.id === record?.id)?.loaded;
    return loaded?.format === 'llama-server' ? loaded.pid : undefined;
  }

  /** Waits for requests in flight on the model to finish, then frees it. */
  async unloadModel(idOrAlias: string): Promise<ModelInfo> {
    await this.#scanned;
    const record = this.#require(idOrAlias);
    if (!isRemote(record)) await this.#manager.unload(record.id);
    return this.#info(record);
  }

  generate(request: GenerateRequest, options: CallOptions = {}): Promise<GenerationResult> {
    return this.#generate(request, options.signal);
  }

  /**
   * Chunks as llama.cpp decodes them; the last has `done: true` and the result. Leaving the loop early (or aborting
   * the signal) aborts generation, and the sequence is free again by the time `return()` resolves.
   */
  async *generateStream(request: GenerateRequest, options: CallOptions = {}): AsyncGenerator<GenerationChunk> {
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const channel = new ChunkChannel<string>();
    let finished = false;
    const running = this.#generate(request, signal, (text) => channel.push(text)).finally(() => channel.close());
    // Surfaced through the loop below; this only keeps an early `return()` from leaving a rejection unhandled.
    running.catch(() => undefined);
    try {
      for await (const text of channel) yield { text, done: false };
      const result = await running;
      finished = true;
      yield { text: '', done: true, result };
    } finally {
      if (!finished) {
        stop.abort(cancelled());
        await running.catch(() => undefined);
      }
    }
  }

  async tokenLogprobs(request: TokenLogprobsRequest, options: CallOptions = {}): Promise<TokenLogprob[]> {
    this.#assertOpen();
    if (typeof request.text !== 'string' || request.text.trim() === '') throw badInput('"text" must be a non-empty string.');
    await this.#scanned;
    const { record } = this.#registry.resolve(request.model, this.#random);
    if (record.format !== 'gguf') throw badInput(`Model "${record.id}" is an ONNX ${record.task} model; token log-probabilities need a GGUF text-generation model.`);
    if (options.signal?.aborted) throw cancelled();
    // On the llama-server runtime, scoring loads its own copy of the model here (its API has no prompt log-probabilities).
    const scoring = this.#ggufRuntime === 'llama-server' ? { ...record, id: `${record.id}@in-process`, inProcess: true as const } : record;
    const lease = await this.#manager.acquire(scoring);
    let sequence: LlamaContextSequence | undefined;
    try {
      if (lease.loaded.format !== 'gguf') throw new Error('unreachable: GGUF record loaded as ONNX');
      const loaded = lease.loaded;
      // Scoring is batch work: interactive generations go first.
      sequence = await loaded.scheduler.acquire('background', options.signal);
      const maxTokens = Math.min(request.maxTokens ?? LOGPROB_MAX_TOKENS, loaded.contextSize - 2);
      return await scoreTokens(loaded.model, sequence, request.text, { maxTokens, signal: options.signal });
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      throw asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `Scoring tokens with "${record.id}" failed`);
    } finally {
      if (sequence !== undefined && lease.loaded.format === 'gguf') await lease.loaded.scheduler.release(sequence).catch(() => undefined);
      lease.release();
    }
  }

  async embed(request: EmbedRequest, options: CallOptions = {}): Promise<number[][]> {
    this.#assertOpen();
    if (!Array.isArray(request.texts) || request.texts.length === 0 || request.texts.some((t) => typeof t !== 'string')) {
      throw badInput(`"texts" must be a non-empty list of strings; got ${Array.isArray(request.texts) ? `${request.texts.length} items` : typeof request.texts}.`);
    }
    await this.#scanned;
    const { record } = this.#registry.resolve(request.model, this.#random);
    if (isRemote(record) && record.task === 'feature-extraction') return this.#tracked(options.signal, (signal) => this.#remotes.for(record).embed(request.texts, signal));
    if (record.format !== 'onnx' || record.task !== 'feature-extraction') {
      throw badInput(`Model "${record.id}" is a ${record.format} ${record.task} model; embeddings need an ONNX feature-extraction model such as "embedder".`);
    }
    if (options.signal?.aborted) throw cancelled();
    const lease = await this.#manager.acquire(record);
    try {
      if (lease.loaded.format !== 'onnx') throw new Error('unreachable: ONNX record loaded as GGUF');
      const vectors = await lease.loaded.onnx.embed(request.texts, { signal: options.signal });
      if (options.signal?.aborted) throw cancelled();
      return vectors;
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      throw asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `Embedding with "${record.id}" failed`);
    } finally {
      lease.release();
    }
  }

  async classifyTokens(request: EmbedRequest, options: CallOptions = {}): Promise<TokenLabel[][]> {
    this.#assertOpen();
    if (!Array.isArray(request.texts) || request.texts.length === 0 || request.texts.some((t) => typeof t !== 'string')) {
      throw badInput(`"texts" must be a non-empty list of strings; got ${Array.isArray(request.texts) ? `${request.texts.length} items` : typeof request.texts}.`);
    }
    await this.#scanned;
    const { record } = this.#registry.resolve(request.model, this.#random);
    if (record.format !== 'onnx' || record.task !== 'token-classification') {
      throw badInput(`Model "${record.id}" is a ${record.format} ${record.task} model; this call needs an ONNX token-classification model.`);
    }
    if (options.signal?.aborted) throw cancelled();
    const lease = await this.#manager.acquire(record);
    try {
      if (lease.loaded.format !== 'onnx') throw new Error('unreachable: ONNX record loaded as GGUF');
      const labels = await lease.loaded.onnx.classifyTokens(request.texts, { signal: options.signal });
      if (options.signal?.aborted) throw cancelled();
      return labels;
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      throw asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `Token classification with "${record.id}" failed`);
    } finally {
      lease.release();
    }
  }

  async classifyPairs(request: PairRequest, options: CallOptions = {}): Promise<Record<string, number>[]> {
    this.#assertOpen();
    if (!Array.isArray(request.pairs) || request.pairs.length === 0) {
      throw badInput('"pairs" must be a non-empty list of [text, text] pairs.');
    }
    await this.#scanned;
    const { record } = this.#registry.resolve(request.model, this.#random);
    if (record.format !== 'onnx' || record.task !== 'text-classification') {
      throw badInput(`Model "${record.id}" is a ${record.format} ${record.task} model; this call needs an ONNX text-classification model.`);
    }
    if (options.signal?.aborted) throw cancelled();
    const lease = await this.#manager.acquire(record);
    try {
      if (lease.loaded.format !== 'onnx') throw new Error('unreachable: ONNX record loaded as GGUF');
      const scores = await lease.loaded.onnx.classifyPairs(request.pairs, { signal: options.signal });
      if (options.signal?.aborted) throw cancelled();
      return scores;
    } catch (error) {
      if (options.signal?.aborted) throw cancelled();
      throw asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `Pair classification with "${record.id}" failed`);
    } finally {
      lease.release();
    }
  }

  stats(): InferenceStats {
    let queueDepth = 0;
    let activeSequences = 0;
    for (const { loaded } of this.#manager.loadedModels()) {
      if (loaded.format === 'llama-server') {
        queueDepth += loaded.gate.queueDepth;
        activeSequences += loaded.gate.activeSequences;
      }
      if (loaded.format !== 'gguf') continue;
      queueDepth += loaded.scheduler.queueDepth;
      activeSequences += loaded.scheduler.activeSequences;
    }
    return {
      queueDepth,
      activeSequences,
      memoryBudgetBytes: this.#manager.budgetBytes,
      memoryUsedBytes: this.#manager.memoryUsed(),
      backend: this.backend,
      threads: this.#options.config.threads ?? this.#lastThreads ?? defaultThreads(null, undefined),
      runtime: this.#llama !== null ? 'started' : this.#runtimeFailed ? 'failed' : 'not started',
    };
  }

  /** Bytes a model is expected to take once loaded (weights + context), from its header. */
  async estimateModelMemory(idOrAlias: string): Promise<number> {
    await this.#scanned;
    return this.#loader.estimate(this.#require(idOrAlias));
  }

  /** Lets requests in flight finish (up to the grace period), aborts the rest, frees every model and the runtime. */
  dispose(): Promise<void> {
    this.#disposing ??= (async () => {
      const deadline = Date.now() + (this.#options.disposeGracePeriodMillis ?? 10_000);
      while (this.#inFlight.size > 0 && Date.now() < deadline) await sleep(20);
      for (const controller of this.#inFlight) controller.abort(cancelled());
      while (this.#inFlight.size > 0) await sleep(10);
      this.#remotes.dispose();
      await this.#manager.dispose();
      // A runtime that failed to start was never counted as ours.
      if (this.#llamaReady !== null && (await this.#llamaReady.then(() => true, () => false))) await releaseLlama();
    })();
    return this.#disposing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.dispose();
  }

  async #generate(request: GenerateRequest, signal: AbortSignal | undefined, onText?: (text: string) => void): Promise<GenerationResult> {
    this.#assertOpen();
    const startedAt = performance.now();
    const plan = validateGenerateRequest(request);
    await this.#scanned;
    const { record, alias } = this.#registry.resolve(request.model ?? 'default', this.#random);
    if (isRemote(record)) return this.#generateRemote(record, alias, plan, signal, onText);
    if (record.format === 'gguf' && this.#ggufRuntime === 'llama-server') return this.#generateServed(record, alias, plan, signal, onText);
    if (record.format !== 'gguf') {
      throw badInput(`Model "${record.id}" is an ONNX ${record.task} model; generation needs a GGUF text-generation model.`);
    }
    if (signal?.aborted) throw cancelled();
    const timeoutMs = plan.timeoutMs ?? this.#options.config.requestTimeoutMs;
    let phase: Phase = 'loading the model';
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timedOut(timeoutMs, phase)), timeoutMs) : null;
    this.#inFlight.add(controller);
    let lease: Lease | undefined;
    let sequence: LlamaContextSequence | undefined;
    let loaded: LoadedGguf | undefined;
    let failed = false;
    try {
      lease = await untilAborted(this.#manager.acquire(record), controller.signal, (late) => late.release());
      if (lease.loaded.format !== 'gguf') throw new Error('unreachable: GGUF record loaded as ONNX');
      loaded = lease.loaded;
      checkMaxTokens(plan.maxTokens, loaded.contextSize);
      const prompt = promptTokensOf(loaded, plan.input);
      const promptTokens = prompt.length;
      if (promptTokens + 1 > loaded.contextSize) {
        throw new DomainError(
          ErrorCode.CONTEXT_OVERFLOW,
          `The prompt is ${promptTokens} tokens; with at least 1 token to generate it needs ${promptTokens + 1}, but model "${record.id}" holds ${loaded.contextSize} tokens per request. Shorten the prompt.`,
          { promptTokens, contextSize: loaded.contextSize },
        );
      }
      const grammar = plan.jsonSchema ? await createJsonGrammar(await this.#runtime(), plan.jsonSchema, this.#options.logger) : undefined;
      phase = 'waiting for a free sequence';
      sequence = await loaded.scheduler.acquire(plan.priority, controller.signal, prompt);
      phase = 'generating';
      const admittedAt = performance.now();
      const outcome = await runGeneration(loaded, sequence, plan, { grammar, signal: controller.signal, onText });
      const endedAt = performance.now();
      let finishReason: FinishReason;
      if (outcome.stopReason === 'abort' || controller.signal.aborted) {
        const reason: unknown = controller.signal.reason;
        if (!(reason instanceof DomainError) || reason.code !== ErrorCode.TIMEOUT) throw cancelled();
        finishReason = 'timeout';
      } else {
        finishReason = toFinishReason(outcome.stopReason);
      }
      const decodeSeconds = (endedAt - admittedAt) / 1000;
      const usage = {
        promptTokens,
        cachedPromptTokens: Math.min(loaded.scheduler.reusedPromptTokens(sequence), promptTokens),
        completionTokens: outcome.completionTokens,
        timeToFirstTokenMs: outcome.firstTokenAt === null ? 0 : round(outcome.firstTokenAt - startedAt),
        // Completion tokens over the time on a sequence (prompt evaluation included): what a client experiences.
        tokensPerSecond: decodeSeconds > 0 ? round(outcome.completionTokens / decodeSeconds) : 0,
        totalMs: round(endedAt - startedAt),
      };
      this.#options.observer?.onGeneration?.({ modelId: record.id, alias, usage, finishReason });
      return { text: outcome.text, finishReason, usage, modelId: record.id, alias };
    } catch (error) {
      failed = !controller.signal.aborted;
      if (controller.signal.aborted && !(error instanceof DomainError && error.code === ErrorCode.CONTEXT_OVERFLOW)) {
        const reason: unknown = controller.signal.reason;
        throw reason instanceof DomainError ? reason : cancelled();
      }
      throw asDomainError(error, ErrorCode.INTERNAL_SERVER_ERROR, `Generation with "${record.id}" failed`);
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      // A failed generation may leave the sequence's KV cache out of step with its tokens: cleared, not reused.
      if (sequence !== undefined && loaded !== undefined) await loaded.scheduler.release(sequence, { keepState: !failed }).catch(() => undefined);
      lease?.release();
      this.#inFlight.delete(controller);
    }
  }

  #generateRemote(record: RemoteRecord, alias: string | null, plan: GenerationPlan, signal: AbortSignal | undefined, onText?: (text: string) => void): Promise<GenerationResult> {
    if (record.task !== 'text-generation') throw badInput(`Model "${record.id}" is a remote ${record.task} model; generation needs a text-generation model.`);
    return this.#tracked(signal, (tracked) => this.#remotes.for(record).generate(plan, { alias, signal: tracked, onText })).then((result) => {
      this.#options.observer?.onGeneration?.({ modelId: record.id, alias, usage: result.usage, finishReason: result.finishReason });
      return result;
    });
  }

  async #generateServed(record: ModelRecord, alias: string | null, plan: GenerationPlan, signal: AbortSignal | undefined, onText?: (text: string) => void): Promise<GenerationResult> {
    const acquire = (waiting: AbortSignal | undefined): Promise<Lease> =>
      waiting === undefined ? this.#manager.acquire(record) : untilAborted(this.#manager.acquire(record), waiting, (late) => late.release());
    const timeoutMs = plan.timeoutMs ?? this.#options.config.requestTimeoutMs;
    const result = await this.#tracked(signal, (tracked) => generateServed(acquire, plan, { alias, timeoutMs, signal: tracked, onText }));
    this.#options.observer?.onGeneration?.({ modelId: record.id, alias, usage: result.usage, finishReason: result.finishReason });
    return result;
  }

  /** Runs remote work as an in-flight request, so dispose() gives it the same grace period as local work. */
  async #tracked<T>(signal: AbortSignal | undefined, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    this.#inFlight.add(controller);
    try {
      return await run(signal ? AbortSignal.any([signal, controller.signal]) : controller.signal);
    } finally {
      this.#inFlight.delete(controller);
    }
  }

  /** A health ping per remote model in the background, so ModelInfo says early which servers answer. */
  #pingRemotes(): void {
    for (const record of this.#registry.list()) {
      if (isRemote(record)) void this.#remotes.for(record).ping().catch(() => undefined);
    }
  }

  async #runtime(): Promise<Llama> {
    if (this.#llamaReady === null) {
      this.#llamaReady = acquireLlama({ gpu: this.#options.config.gpu, logger: this.#options.logger }).then((llama) => (this.#llama = llama));
      // Awaited below and by every later call; this only keeps a failure from being an unhandled rejection.
      this.#llamaReady.catch(() => (this.#runtimeFailed = true));
    }
    try {
      return await this.#llamaReady;
    } catch (error) {
      throw asDomainError(error, ErrorCode.SERVICE_UNAVAILABLE, 'The llama.cpp runtime failed to start');
    }
  }

  #require(idOrAlias: string): ModelRecord {
    const target = this.#registry.resolvePrimary(idOrAlias);
    if (target === undefined) throw modelNotFound(idOrAlias);
    return target.record;
  }

  #info(record: ModelRecord): ModelInfo {
    if (isRemote(record)) return this.#remotes.for(record).info(this.#registry.aliasesOf(record.id));
    const local = buildModelInfo(record, this.#manager, this.#registry.aliasesOf(record.id), this.backend, this.#ggufRuntime);
    return local.runtime === 'llama-server' ? servedModelInfo(local, this.llamaServerPid(record.id)) : local;
  }

  #assertOpen(): void {
    if (this.#disposing !== null) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The inference service is shutting down; retry on another instance.');
    }
  }
}

/** Races `promise` with the signal; a value that arrives after the abort is handed to `dispose` (e.g. a lease). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, dispose: (late: T) => void): Promise<T> {
  if (signal.aborted) {
    promise.then(dispose, () => undefined);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      promise.then(dispose, () => undefined);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) dispose(value);
        else resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number): number => Math.round(n * 100) / 100;
