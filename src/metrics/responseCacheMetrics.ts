import { Counter, type Registry } from 'prom-client';
import type { ResponseCacheOutcome } from '../responseCache/CachedInference.js';

/**
 * oet_response_cache_total{outcome=hit|miss|joined|stored, model}: hit ratio = hit / (hit + miss); `joined` misses
 * waited for the same request already running and did not decode.
 */
export function responseCacheCounter(registry: Registry): (event: { outcome: ResponseCacheOutcome; modelId: string }) => void {
  const counter = new Counter({ name: 'oet_response_cache_total', help: 'Response cache lookups (hit, miss), misses answered by the same request running (joined), answers stored', labelNames: ['outcome', 'model'], registers: [registry] });
  return ({ outcome, modelId }) => counter.inc({ outcome, model: modelId });
}
