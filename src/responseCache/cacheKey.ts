import { createHash } from 'node:crypto';
import type { GenerateRequest } from '../inference/types.js';

/** What identifies the weights that will answer: changes whenever the model file does. */
export interface ModelVersion {
  modelId: string;
  sha256: string | null;
  path: string;
  sizeBytes: number;
  /** Modification time of the file as seen by this process; null where the file is not visible here (an API instance). */
  modifiedMs: number | null;
}

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` (a JSON schema's properties) hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** A request is replayable when its output depends only on its inputs: greedy, or sampled from a given seed. */
export function isDeterministic(request: GenerateRequest): boolean {
  return request.temperature === 0 || (typeof request.seed === 'number' && Number.isFinite(request.seed));
}

/**
 * sha256 over everything that shapes the output: the weights, the input, every sampling parameter, and the scope
 * (whose answers these are). Priority and timeout are left out: they change when an answer comes, not what it is.
 * Unset parameters are keyed as unset, so a request that spells out a default misses once: harmless.
 */
export function responseCacheKey(request: GenerateRequest, version: ModelVersion, scope: string): string {
  const material = {
    v: 1,
    model: version,
    scope,
    prompt: request.prompt,
    messages: request.messages,
    temperature: request.temperature,
    topP: request.topP,
    maxTokens: request.maxTokens,
    stop: request.stop,
    // A greedy answer does not depend on the seed: keyed without it, so seeds do not split greedy entries.
    seed: request.temperature === 0 ? undefined : request.seed,
    jsonSchema: request.jsonSchema,
  };
  return createHash('sha256').update(canonicalJson(material)).digest('hex');
}
