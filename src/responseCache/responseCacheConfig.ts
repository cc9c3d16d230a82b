/**
 * Settings of the response cache (OET_RESPONSE_CACHE*). Parsed here so src/config.ts only wires them; plain TypeScript.
 */

/** `user`: an answer is replayed only to the user who asked it first (default). `shared`: to anyone sending the same request. */
export type ResponseCacheScopePolicy = 'user' | 'shared';

export interface ResponseCacheConfig {
  /** OET_RESPONSE_CACHE=on|off. Default off: a replayed answer changes timing and usage figures, so it is opted into. */
  enabled: boolean;
  /** OET_RESPONSE_CACHE_SCOPE. Default `user`. */
  scope: ResponseCacheScopePolicy;
  /** Entries kept in process (OET_RESPONSE_CACHE_MAX_ENTRIES). Default 1,000. */
  maxEntries: number;
  /** Total bytes of stored text kept in process (OET_RESPONSE_CACHE_MAX_MB). Default 32 MiB. */
  maxBytes: number;
  /** Largest single answer stored, in bytes (OET_RESPONSE_CACHE_MAX_VALUE_KB). Default 256 KiB. */
  maxValueBytes: number;
  /** Lifetime of an entry, in Redis and in process (OET_RESPONSE_CACHE_TTL_S). Default 86,400 (a day). */
  ttlSeconds: number;
  /** Key prefix in Redis (OET_RESPONSE_CACHE_PREFIX). Default `oet:rc`. */
  prefix: string;
}

export class ResponseCacheConfigError extends Error {}

const positiveInt = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new ResponseCacheConfigError(`${name} must be a positive integer, got "${value}"`);
  return n;
};

export function readResponseCacheConfig(env: NodeJS.ProcessEnv): ResponseCacheConfig {
  const enabled = env.OET_RESPONSE_CACHE?.trim() || 'off';
  if (enabled !== 'on' && enabled !== 'off') throw new ResponseCacheConfigError(`OET_RESPONSE_CACHE must be "on" or "off"; got "${enabled}"`);
  const scope = env.OET_RESPONSE_CACHE_SCOPE?.trim() || 'user';
  if (scope !== 'user' && scope !== 'shared') {
    throw new ResponseCacheConfigError(`OET_RESPONSE_CACHE_SCOPE must be "user" (answers replayed only to the user who asked) or "shared"; got "${scope}"`);
  }
  const prefix = env.OET_RESPONSE_CACHE_PREFIX?.trim() || 'oet:rc';
  if (!/^[A-Za-z0-9_.:-]+$/.test(prefix)) throw new ResponseCacheConfigError(`OET_RESPONSE_CACHE_PREFIX may hold letters, digits, '_', '.', ':' and '-' only; got "${prefix}"`);
  return {
    enabled: enabled === 'on',
    scope,
    maxEntries: positiveInt('OET_RESPONSE_CACHE_MAX_ENTRIES', env.OET_RESPONSE_CACHE_MAX_ENTRIES, 1_000),
    maxBytes: positiveInt('OET_RESPONSE_CACHE_MAX_MB', env.OET_RESPONSE_CACHE_MAX_MB, 32) * 1024 * 1024,
    maxValueBytes: positiveInt('OET_RESPONSE_CACHE_MAX_VALUE_KB', env.OET_RESPONSE_CACHE_MAX_VALUE_KB, 256) * 1024,
    ttlSeconds: positiveInt('OET_RESPONSE_CACHE_TTL_S', env.OET_RESPONSE_CACHE_TTL_S, 86_400),
    prefix,
  };
}
