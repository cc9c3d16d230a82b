import { LRUCache } from 'lru-cache';
import { failFastRedis } from '../failFastRedis.js';
import type { Logger } from '../logger.js';
import type { GenerationResult } from '../inference/types.js';
import type { ResponseCacheConfig } from './responseCacheConfig.js';

/** Where cached answers live. Never throws: a store that is down answers "not there" and drops writes. */
export interface ResponseStore {
  get(key: string): Promise<GenerationResult | undefined>;
  set(key: string, result: GenerationResult): Promise<void>;
  /** Entries held in process (tests, metrics). */
  readonly localEntries: number;
  close(): Promise<void>;
}

export interface ResponseStoreOptions {
  config: Pick<ResponseCacheConfig, 'maxEntries' | 'maxBytes' | 'maxValueBytes' | 'ttlSeconds' | 'prefix'>;
  /** Shared by the replicas when set; the in-process LRU is always in front of it and answers alone while it is down. */
  redisUrl?: string;
  logger?: Logger;
}

const COMMAND_TIMEOUT_MS = 250;

/**
 * An in-process LRU (bounded by entries and bytes) in front of an optional Redis. Entries never change once written
 * (a key names the weights and every input), so the two tiers cannot disagree, only miss.
 */
export function createResponseStore(options: ResponseStoreOptions): ResponseStore {
  const { config, logger } = options;
  const local = new LRUCache<string, GenerationResult>({
    max: config.maxEntries,
    maxSize: config.maxBytes,
    sizeCalculation: (value) => Math.max(1, byteLength(value)),
    ttl: config.ttlSeconds * 1000,
  });
  // The cache's own connection: while Redis is away a lookup is a miss at once (the request runs on the model).
  const redis = options.redisUrl
    ? failFastRedis(options.redisUrl, {
        connectionName: 'oet-response-cache',
        commandTimeoutMs: COMMAND_TIMEOUT_MS,
        downMessage: 'response cache: Redis unavailable, caching per process until it is back',
        backMessage: 'response cache: Redis back, answers shared again',
        logger,
      })
    : undefined;
  const redisKey = (key: string) => `${config.prefix}:${key}`;
  let closed: Promise<void> | undefined;
  return {
    get localEntries() {
      return local.size;
    },
    async get(key) {
      const held = local.get(key);
      if (held !== undefined || redis === undefined || redis.status !== 'ready') return held;
      try {
        const json = await redis.get(redisKey(key));
        if (json === null) return undefined;
        const result = JSON.parse(json) as GenerationResult;
        local.set(key, result);
        return result;
      } catch (error) {
        logger?.debug({ err: (error as Error).message }, 'response cache: Redis read failed; answered as a miss');
        return undefined;
      }
    },
    async set(key, result) {
      const json = JSON.stringify(result);
      if (Buffer.byteLength(json) > config.maxValueBytes) return;
      local.set(key, result);
      if (redis === undefined || redis.status !== 'ready') return;
      await redis.set(redisKey(key), json, 'EX', config.ttlSeconds).catch((error: unknown) => {
        logger?.debug({ err: (error as Error).message }, 'response cache: Redis write failed; kept in process only');
      });
    },
    close() {
      closed ??= redis ? redis.quit().then(() => undefined, () => redis.disconnect()) : Promise.resolve();
      return closed;
    },
  };
}

const byteLength = (result: GenerationResult): number => Buffer.byteLength(result.text) + 256;

