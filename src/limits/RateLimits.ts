import { failFastRedis } from '../failFastRedis.js';
import { Counter, type Registry } from 'prom-client';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Viewer } from '../auth/viewer.js';
import { DomainError, ErrorCode } from '../errors.js';
import { pointsFor, type RateLimitConfig, type RateLimitKind } from './rateLimitConfig.js';

const WINDOW_SECONDS = 60;

/** A user went over a budget. `details.retryAfterSeconds` becomes GraphQL `extensions.retryAfterSeconds` and REST `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(kind: RateLimitKind, limit: number, retryAfterSeconds: number) {
    super(
      ErrorCode.RATE_LIMITED,
      `Too many ${kind === 'ai' ? 'AI ' : ''}requests: at most ${limit} a minute are allowed for your account. Retry in ${retryAfterSeconds} s.`,
      { kind, limit, retryAfterSeconds },
    );
  }
}

/** What one accepted request left of its budget; `limit: null` when the viewer has no limit for this kind. */
export interface RateLimitStatus {
  limit: number | null;
  remaining: number | null;
  resetSeconds: number | null;
}

export interface RateLimits {
  /** `'redis'` when the counters are shared through Redis (every replica counts against one budget), else `'memory'`. */
  readonly store: 'redis' | 'memory';
  /**
   * Counts one request of `kind` for the viewer; throws RateLimitedError when it is over budget. Anonymous viewers are
   * not counted here (they can reach almost nothing; the query limits and body size bound them).
   */
  consume(viewer: Viewer, kind: RateLimitKind): Promise<RateLimitStatus>;
  /** Closes the Redis connection; safe to call twice. */
  close(): Promise<void>;
}

export interface RateLimitsOptions {
  config: RateLimitConfig;
  /** Shared counters in this Redis; without it each process counts on its own. */
  redisUrl?: string;
  /** Where `oet_rate_limited_total` and `oet_rate_limit_fallback_total` are registered. */
  registry?: Registry;
  logger?: { warn(details: Record<string, unknown>, message: string): void; info(details: Record<string, unknown>, message: string): void };
}

const UNLIMITED: RateLimitStatus = { limit: null, remaining: null, resetSeconds: null };

/**
 * Per-user budgets on rate-limiter-flexible: RateLimiterRedis when Redis is configured, with a RateLimiterMemory as
 * insurance so that a Redis outage falls back to per-process counting instead of failing requests.
 */
export function createRateLimits(options: RateLimitsOptions): RateLimits {
  const { config, logger } = options;
  const rejected = options.registry
    ? new Counter({ name: 'oet_rate_limited_total', help: 'Requests refused with RATE_LIMITED', labelNames: ['kind'], registers: [options.registry] })
    : undefined;
  const fallback = options.registry
    ? new Counter({ name: 'oet_rate_limit_fallback_total', help: 'Requests counted in process memory because Redis was not ready', registers: [options.registry] })
    : undefined;
  // The limiter's own connection: while Redis is away the insurance limiter answers at once; a Redis that accepts
  // commands but does not answer them costs a request at most COMMAND_TIMEOUT_MS.
  const redis =
    options.redisUrl === undefined
      ? undefined
      : failFastRedis(options.redisUrl, {
          connectionName: 'oet-rate-limits',
          commandTimeoutMs: COMMAND_TIMEOUT_MS,
          downMessage: 'rate limits: Redis unavailable, counting per process until it is back',
          backMessage: 'rate limits: Redis back, counters shared again',
          logger,
        });
  // One limiter per (kind, budget): budgets differ by role, the counters (keyed by user id) are the same.
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = (kind: RateLimitKind, points: number): RateLimiterAbstract => {
    const id = `${kind}:${points}`;
    let limiter = limiters.get(id);
    if (limiter) return limiter;
    const common = { points, duration: WINDOW_SECONDS, keyPrefix: `${config.keyPrefix}:${kind}` };
    limiter = redis
      ? new RateLimiterRedis({ ...common, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(common) })
      : new RateLimiterMemory(common);
    limiters.set(id, limiter);
    return limiter;
  };
  let closed: Promise<void> | undefined;
  return {
    store: redis ? 'redis' : 'memory',
    async consume(viewer, kind) {
      if (viewer.kind !== 'user') return UNLIMITED;
      const points = pointsFor(config, viewer.roles, kind);
      if (points === 0) return UNLIMITED;
      if (redis && redis.status !== 'ready') fallback?.inc();
      try {
        const res = await limiterFor(kind, points).consume(viewer.id);
        return { limit: points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        rejected?.inc({ kind });
        throw new RateLimitedError(kind, points, Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      }
    },
    close() {
      closed ??= redis ? redis.quit().then(() => undefined, () => redis.disconnect()) : Promise.resolve();
      return closed;
    },
  };
}

const COMMAND_TIMEOUT_MS = 500;

