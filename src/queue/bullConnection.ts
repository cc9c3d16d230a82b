import type { ConnectionOptions } from 'bullmq';

/**
 * BullMQ's connection settings from a REDIS_URL. BullMQ bundles its own ioredis (another version than the engine's),
 * so it gets options and makes its own connections rather than sharing ours.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl);
  const db = url.pathname.replace(/^\//, '');
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db ? { db: Number(db) } : {}),
    ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
    // Workers block on Redis; commands wait for a lost connection to come back instead of failing after 20 tries.
    maxRetriesPerRequest: null,
  };
}
