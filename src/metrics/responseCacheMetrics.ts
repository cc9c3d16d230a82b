import { Counter, type Registry } from 'prom-client';
import type { ResponseCacheOutcome } from '../responseCache/CachedInference.js';

/** oet_response_cache_total{outcome=hit|miss|stored, model}: the hit ratio is hit / (hit + miss). */
export function responseCacheCounter(registry: Registry): (event: { outcome: ResponseCacheOutcome; modelId: string }) => void {
  const counter = new Counter({ name: 'oet_response_cache_total', help: 'Response cache lookups (hit, miss) and answers stored', labelNames: ['outcome', 'model'], registers: [registry] });
  return ({ outcome, modelId }) => counter.inc({ outcome, model: modelId });
}
