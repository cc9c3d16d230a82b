import { stat } from 'node:fs/promises';
import { abortable } from '../inference/abortable.js';
import { cancelled } from '../inference/inferenceErrors.js';
import type {
  AliasInfo,
  AliasVariant,
  CallOptions,
  EmbedRequest,
  FinishReason,
  GenerateRequest,
  GenerationChunk,
  GenerationResult,
  InferenceEngine,
  InferenceStats,
  ModelInfo,
  PairRequest,
  TokenLabel,
  TokenLogprob,
  TokenLogprobsRequest,
} from '../inference/types.js';
import { isDeterministic, responseCacheKey, type ModelVersion } from './cacheKey.js';
import type { ResponseCacheScopePolicy } from './responseCacheConfig.js';
import type { ResponseStore } from './ResponseStore.js';

/** `joined`: a miss answered by the same request already running in this process (counted as a miss first). */
export type ResponseCacheOutcome = 'hit' | 'miss' | 'joined' | 'stored';

export interface CachedInferenceOptions {
  store: ResponseStore;
  /** `user`: entries are keyed by the caller's `cacheScope`, and callers without one are not cached. `shared`: one scope for all. */
  scope: ResponseCacheScopePolicy;
  /** Called per cacheable lookup (hit or miss) and per stored answer: metrics. */
  onOutcome?: (event: { outcome: ResponseCacheOutcome; modelId: string }) => void;
}

/** Only complete answers are replayed: a cancelled or timed-out one is a fact about that request, not the input. */
const STORED: ReadonlySet<FinishReason> = new Set(['stop', 'length', 'stopSequence']);

/**
 * An InferenceEngine that answers a deterministic generation (greedy, or seeded) from a cache of earlier answers to
 * the same request on the same model file, and passes everything else to the engine it wraps. It sits under the
 * guardrails (src/app/guardrails.ts), which check every request and answer, replayed or not.
 */
export class CachedInference implements InferenceEngine {
  readonly #inner: InferenceEngine;
  readonly #options: CachedInferenceOptions;
  /** Cacheable requests being generated now, by key: what identical `generate` calls arriving meanwhile wait for. */
  readonly #running = new Map<string, Promise<GenerationResult | undefined>>();

  constructor(inner: InferenceEngine, options: CachedInferenceOptions) {
    this.#inner = inner;
    this.#options = options;
  }

  async generate(request: GenerateRequest, options: CallOptions = {}): Promise<GenerationResult> {
    const startedAt = performance.now();
    const entry = await this.#lookup(request, options);
    if (entry === undefined) return this.#inner.generate(request, options);
    if (entry.hit) return replayed(entry.hit, entry.alias, performance.now() - startedAt);
    // The same request already running here: wait for its answer rather than decode it twice.
    const running = this.#running.get(entry.key);
    if (running !== undefined) {
      const joined = await abortable(running, options.signal);
      if (joined !== undefined) {
        this.#options.onOutcome?.({ outcome: 'joined', modelId: entry.modelId });
        return replayed(joined, entry.alias, performance.now() - startedAt);
      }
    }
    const lead = this.#lead(entry.key);
    try {
      const result = await this.#inner.generate(request, options);
      await this.#store(entry.key, result);
      lead.settle(result);
      return result;
    } finally {
      lead.done();
    }
  }

  /** Streams are never made to wait for another request (their client wants tokens as they come), but others may wait for them. */
  async *generateStream(request: GenerateRequest, options: CallOptions = {}): AsyncGenerator<GenerationChunk> {
    const startedAt = performance.now();
    const entry = await this.#lookup(request, options);
    if (entry?.hit) {
      const result = replayed(entry.hit, entry.alias, performance.now() - startedAt);
      if (result.text !== '') yield { text: result.text, done: false };
      yield { text: '', done: true, result };
      return;
    }
    const lead = entry && !this.#running.has(entry.key) ? this.#lead(entry.key) : undefined;
    try {
      for await (const chunk of this.#inner.generateStream(request, options)) {
        if (chunk.done && chunk.result && entry) {
          await this.#store(entry.key, chunk.result);
          lead?.settle(chunk.result);
        }
        yield chunk;
      }
    } finally {
      lead?.done();
    }
  }

  /**
   * Marks a key as being generated: `generate` callers with the same key wait for `settle` (a storable answer) and
   * run themselves when `done` comes first (the leader failed, was cancelled, timed out).
   */
  #lead(key: string): { settle(result: GenerationResult): void; done(): void } {
    let resolve!: (result: GenerationResult | undefined) => void;
    const answer = new Promise<GenerationResult | undefined>((r) => (resolve = r));
    this.#running.set(key, answer);
    return {
      settle: (result) => resolve(STORED.has(result.finishReason) ? result : undefined),
      done: () => {
        resolve(undefined);
        if (this.#running.get(key) === answer) this.#running.delete(key);
      },
    };
  }

  /** Undefined when the request is not cacheable; otherwise its key, the alias it asked for, and the stored answer if any. */
  async #lookup(request: GenerateRequest, options: CallOptions): Promise<{ key: string; alias: string | null; modelId: string; hit?: GenerationResult } | undefined> {
    if (options.signal?.aborted) throw cancelled();
    if (!isDeterministic(request)) return undefined;
    const scope = this.#options.scope === 'shared' ? 'shared' : options.cacheScope;
    if (scope === undefined) return undefined;
    const target = this.#target(request.model ?? 'default');
    if (target === undefined) return undefined;
    const key = responseCacheKey(request, await versionOf(target.info), scope);
    const hit = await this.#options.store.get(key);
    if (options.signal?.aborted) throw cancelled();
    this.#options.onOutcome?.({ outcome: hit ? 'hit' : 'miss', modelId: target.info.id });
    return { key, alias: target.alias, modelId: target.info.id, hit };
  }

  /**
   * The one model a name will be served by, or undefined when that is not known in advance: an unknown name (the
   * engine answers its error), a remote model (no file whose change we could see, and servers that batch are not
   * bit-reproducible), or an alias split between several models (each request draws its variant).
   */
  #target(name: string): { info: ModelInfo; alias: string | null } | undefined {
    let info: ModelInfo | undefined;
    try {
      info = this.#inner.getModel(name);
    } catch {
      return undefined; // a manifest model whose file is missing: the engine answers MODEL_NOT_FOUND with its hint
    }
    if (info === undefined || info.format !== 'gguf' || info.task !== 'text-generation') return undefined;
    if (info.id === name) return { info, alias: null };
    const variants = this.#inner.listAliases().find((a) => a.name === name)?.variants ?? [];
    if (new Set(variants.map((v) => v.modelId)).size !== 1) return undefined;
    return { info, alias: name };
  }

  async #store(key: string, result: GenerationResult): Promise<void> {
    if (!STORED.has(result.finishReason)) return;
    await this.#options.store.set(key, result);
    this.#options.onOutcome?.({ outcome: 'stored', modelId: result.modelId });
  }

  listModels(): ModelInfo[] {
    return this.#inner.listModels();
  }
  getModel(idOrAlias: string): ModelInfo | undefined {
    return this.#inner.getModel(idOrAlias);
  }
  listAliases(): AliasInfo[] {
    return this.#inner.listAliases();
  }
  setAlias(name: string, variants: AliasVariant[]): AliasInfo {
    return this.#inner.setAlias(name, variants);
  }
  refresh(): Promise<ModelInfo[]> {
    return this.#inner.refresh();
  }
  loadModel(id: string): Promise<ModelInfo> {
    return this.#inner.loadModel(id);
  }
  unloadModel(id: string): Promise<ModelInfo> {
    return this.#inner.unloadModel(id);
  }
  tokenLogprobs(request: TokenLogprobsRequest, options?: CallOptions): Promise<TokenLogprob[]> {
    return this.#inner.tokenLogprobs(request, options);
  }
  embed(request: EmbedRequest, options?: CallOptions): Promise<number[][]> {
    return this.#inner.embed(request, options);
  }
  classifyTokens(request: EmbedRequest, options?: CallOptions): Promise<TokenLabel[][]> {
    return this.#inner.classifyTokens(request, options);
  }
  classifyPairs(request: PairRequest, options?: CallOptions): Promise<Record<string, number>[]> {
    return this.#inner.classifyPairs(request, options);
  }
  stats(): InferenceStats {
    return this.#inner.stats();
  }
  /** Disposes the wrapped engine, then closes the store. */
  async dispose(): Promise<void> {
    await this.#inner.dispose();
    await this.#options.store.close();
  }
}

/**
 * The file's identity as this process sees it now (size and modification time), so replacing a file changes the key
 * even before a rescan; where the file is not visible (an API instance without the workers' volume), what the
 * workers advertise.
 */
async function versionOf(info: ModelInfo): Promise<ModelVersion> {
  const seen = await stat(info.path).catch(() => undefined);
  return {
    modelId: info.id,
    sha256: info.sha256,
    path: info.path,
    sizeBytes: seen?.size ?? info.fileSizeBytes,
    modifiedMs: seen === undefined ? null : Math.trunc(seen.mtimeMs),
  };
}

/** A stored answer as this request's: marked cached, with this request's alias and timings (no decoding happened). */
function replayed(stored: GenerationResult, alias: string | null, elapsedMs: number): GenerationResult {
  const ms = Math.round(elapsedMs * 1000) / 1000;
  return { ...stored, alias, usage: { ...stored.usage, cached: true, timeToFirstTokenMs: ms, totalMs: ms, tokensPerSecond: 0 } };
}
