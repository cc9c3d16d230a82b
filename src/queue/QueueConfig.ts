/**
 * Roles and queue settings (OET_ROLE, OET_QUEUE_*). Parsed here so src/config.ts only wires them; plain TypeScript.
 */

/** `all`: one process does everything (default). `api`: GraphQL and REST, no models. `worker`: models, no HTTP API. */
export type EngineRole = 'all' | 'api' | 'worker';
export const ENGINE_ROLES: readonly EngineRole[] = ['all', 'api', 'worker'];

export interface QueueConfig {
  /** Key prefix of every queue, stream and worker key in Redis (OET_QUEUE_PREFIX). Default `oet`. */
  prefix: string;
  /** Jobs that may wait (not yet taken by a worker) before enqueueing answers QUEUE_FULL (OET_QUEUE_MAX_WAITING). Default 256. */
  maxWaiting: number;
  /** Jobs one worker runs at once (OET_WORKER_CONCURRENCY). Default: OET_PARALLEL_SEQUENCES. */
  workerConcurrency: number;
  /** How long a worker's lock on a job lasts without renewal (OET_QUEUE_LOCK_MS); a dead worker's job stalls after it. Default 30,000. */
  lockMillis: number;
  /** How often a worker advertises its models and proves it is alive (OET_WORKER_HEARTBEAT_MS); see {@link advertTtlMillis}. Default 2,000. */
  heartbeatMillis: number;
  /** Failed jobs kept for inspection per queue (OET_QUEUE_KEEP_FAILED). Default 1,000. */
  keepFailed: number;
}

export class QueueConfigError extends Error {}

const positiveInt = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new QueueConfigError(`${name} must be a positive integer, got "${value}"`);
  return n;
};

/** Reads the role and queue settings; a role other than `all` without REDIS_URL is a configuration error. */
export function readQueueConfig(env: NodeJS.ProcessEnv, defaults: { parallelSequences: number; redisUrl: string | undefined }): { role: EngineRole; queue: QueueConfig } {
  const role = (env.OET_ROLE === undefined || env.OET_ROLE === '' ? 'all' : env.OET_ROLE) as EngineRole;
  if (!ENGINE_ROLES.includes(role)) throw new QueueConfigError(`OET_ROLE must be one of ${ENGINE_ROLES.join(', ')}; got "${env.OET_ROLE}"`);
  if (role !== 'all' && defaults.redisUrl === undefined) {
    throw new QueueConfigError(`OET_ROLE=${role} needs REDIS_URL: API instances and workers share their queues through Redis. Set REDIS_URL (e.g. redis://127.0.0.1:6379), or leave OET_ROLE unset to run everything in one process.`);
  }
  const prefix = env.OET_QUEUE_PREFIX?.trim() || 'oet';
  if (!/^[A-Za-z0-9_.-]+$/.test(prefix)) throw new QueueConfigError(`OET_QUEUE_PREFIX may hold letters, digits, '_', '.' and '-' only; got "${prefix}"`);
  return {
    role,
    queue: {
      prefix,
      maxWaiting: positiveInt('OET_QUEUE_MAX_WAITING', env.OET_QUEUE_MAX_WAITING, 256),
      workerConcurrency: positiveInt('OET_WORKER_CONCURRENCY', env.OET_WORKER_CONCURRENCY, defaults.parallelSequences),
      lockMillis: positiveInt('OET_QUEUE_LOCK_MS', env.OET_QUEUE_LOCK_MS, 30_000),
      heartbeatMillis: positiveInt('OET_WORKER_HEARTBEAT_MS', env.OET_WORKER_HEARTBEAT_MS, 2_000),
      keepFailed: positiveInt('OET_QUEUE_KEEP_FAILED', env.OET_QUEUE_KEEP_FAILED, 1_000),
    },
  };
}

/**
 * How long a worker's advertisement outlives its last beat: three beats, and never under 5 s, because a busy worker's
 * event loop can stall for a while (a model load, a long prompt) and a missed beat must not read as a dead worker.
 * API instances declare a worker dead (and its generations failed) once its advertisement has expired.
 */
export function advertTtlMillis(config: Pick<QueueConfig, 'heartbeatMillis'>): number {
  return Math.max(config.heartbeatMillis * 3, 5_000);
}
