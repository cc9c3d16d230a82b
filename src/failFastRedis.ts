import { Redis } from 'ioredis';

/** Options of {@link failFastRedis}. */
export interface FailFastRedisOptions {
  /** Redis CLIENT SETNAME, so operators can tell the connections apart. */
  connectionName: string;
  /** A command not answered within this fails (a Redis that accepts commands but does not answer them). */
  commandTimeoutMs: number;
  /** Logged once when Redis goes away, and once when it is back. */
  downMessage: string;
  backMessage: string;
  logger?: { warn(details: Record<string, unknown>, message: string): void; info(details: Record<string, unknown>, message: string): void };
}

/**
 * A Redis connection for work that has a per-process fallback (rate limits, the response cache): no offline queue,
 * so while Redis is away a command fails at once and the caller falls back instead of waiting for a reconnect. Going
 * away and coming back are logged once each, not once per reconnect attempt.
 */
export function failFastRedis(url: string, options: FailFastRedisOptions): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: options.commandTimeoutMs, connectionName: options.connectionName });
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    options.logger?.warn({ err: error.message }, options.downMessage);
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    options.logger?.info({}, options.backMessage);
  });
  return client;
}
