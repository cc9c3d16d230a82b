import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('OET_RESPONSE_CACHE* settings', () => {
  it('default to off, per-user scope and bounded sizes', () => {
    expect(loadConfig({}).responseCache).toEqual({ enabled: false, scope: 'user', maxEntries: 1000, maxBytes: 32 * 1024 * 1024, maxValueBytes: 256 * 1024, ttlSeconds: 86_400, prefix: 'oet:rc' });
  });

  it('read every variable', () => {
    const config = loadConfig({ OET_RESPONSE_CACHE: 'on', OET_RESPONSE_CACHE_SCOPE: 'shared', OET_RESPONSE_CACHE_MAX_ENTRIES: '5', OET_RESPONSE_CACHE_MAX_MB: '2', OET_RESPONSE_CACHE_MAX_VALUE_KB: '3', OET_RESPONSE_CACHE_TTL_S: '60', OET_RESPONSE_CACHE_PREFIX: 'rc:x' });
    expect(config.responseCache).toEqual({ enabled: true, scope: 'shared', maxEntries: 5, maxBytes: 2 * 1024 * 1024, maxValueBytes: 3 * 1024, ttlSeconds: 60, prefix: 'rc:x' });
  });

  it.each([
    [{ OET_RESPONSE_CACHE: 'yes' }, /OET_RESPONSE_CACHE must be "on" or "off"; got "yes"/],
    [{ OET_RESPONSE_CACHE_SCOPE: 'everyone' }, /OET_RESPONSE_CACHE_SCOPE must be "user".*got "everyone"/],
    [{ OET_RESPONSE_CACHE_TTL_S: '0' }, /OET_RESPONSE_CACHE_TTL_S must be a positive integer, got "0"/],
    [{ OET_RESPONSE_CACHE_PREFIX: 'a b' }, /OET_RESPONSE_CACHE_PREFIX may hold/],
  ])('refuse %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
