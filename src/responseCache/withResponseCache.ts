import type { Logger } from '../logger.js';
import type { InferenceEngine } from '../inference/types.js';
import { CachedInference, type CachedInferenceOptions } from './CachedInference.js';
import type { ResponseCacheConfig } from './responseCacheConfig.js';
import { createResponseStore } from './ResponseStore.js';

export interface WithResponseCacheOptions {
  config: ResponseCacheConfig;
  /** Entries shared by the replicas through it when set. */
  redisUrl: string | undefined;
  logger?: Logger;
  onOutcome?: CachedInferenceOptions['onOutcome'];
}

/** The engine itself when the cache is off; otherwise the engine behind a {@link CachedInference} that owns its store. */
export function withResponseCache(inner: InferenceEngine, options: WithResponseCacheOptions): InferenceEngine {
  if (!options.config.enabled) return inner;
  const store = createResponseStore({ config: options.config, redisUrl: options.redisUrl, logger: options.logger });
  options.logger?.info({ scope: options.config.scope, shared: options.redisUrl !== undefined }, 'response cache on');
  return new CachedInference(inner, { store, scope: options.config.scope, onOutcome: options.onOutcome });
}
