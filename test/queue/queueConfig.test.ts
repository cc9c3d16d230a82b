import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';
import { advertTtlMillis } from '../../src/queue/QueueConfig.js';

describe('OET_ROLE and the queue settings', () => {
  it('defaults to all, in one process, without Redis', () => {
    const config = loadConfig({});
    expect(config.role).toBe('all');
    expect(config.queue).toEqual({ prefix: 'oet', maxWaiting: 256, workerConcurrency: 8, lockMillis: 30_000, heartbeatMillis: 2_000, keepFailed: 1_000 });
  });

  it.each(['api', 'worker'])('OET_ROLE=%s without REDIS_URL is a configuration error naming both settings', (role) => {
    expect(() => loadConfig({ OET_ROLE: role })).toThrow(ConfigError);
    expect(() => loadConfig({ OET_ROLE: role })).toThrow(new RegExp(`OET_ROLE=${role} needs REDIS_URL`));
  });

  it('rejects an unknown role, a bad number and a prefix with spaces, naming the variable', () => {
    expect(() => loadConfig({ OET_ROLE: 'gpu' })).toThrow(/OET_ROLE must be one of all, api, worker; got "gpu"/);
    expect(() => loadConfig({ OET_ROLE: 'api', REDIS_URL: 'redis://127.0.0.1:6379', OET_QUEUE_MAX_WAITING: '0' })).toThrow(/OET_QUEUE_MAX_WAITING must be a positive integer, got "0"/);
    expect(() => loadConfig({ OET_QUEUE_PREFIX: 'a b' })).toThrow(/OET_QUEUE_PREFIX/);
  });

  it('reads every setting; worker concurrency follows OET_PARALLEL_SEQUENCES unless set', () => {
    const config = loadConfig({ OET_ROLE: 'worker', REDIS_URL: 'redis://r:6379', OET_PARALLEL_SEQUENCES: '4', OET_QUEUE_PREFIX: 'east', OET_QUEUE_MAX_WAITING: '9', OET_QUEUE_LOCK_MS: '5000', OET_WORKER_HEARTBEAT_MS: '100', OET_QUEUE_KEEP_FAILED: '7' });
    expect(config.role).toBe('worker');
    expect(config.queue).toEqual({ prefix: 'east', maxWaiting: 9, workerConcurrency: 4, lockMillis: 5000, heartbeatMillis: 100, keepFailed: 7 });
    expect(loadConfig({ OET_PARALLEL_SEQUENCES: '4', OET_WORKER_CONCURRENCY: '2' }).queue.workerConcurrency).toBe(2);
  });

  it('a worker advert lives three beats, never under 5 s (a busy event loop must not read as a dead worker)', () => {
    expect(advertTtlMillis({ heartbeatMillis: 100 })).toBe(5_000);
    expect(advertTtlMillis({ heartbeatMillis: 4_000 })).toBe(12_000);
  });
});
