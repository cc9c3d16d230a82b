import { describe, expect, it } from '@jest/globals';
import { Role } from '../../src/auth/viewer.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { loadRateLimitConfig, pointsFor } from '../../src/limits/rateLimitConfig.js';

describe('rate limit settings', () => {
  it('defaults: 120 AI and 1,200 general requests a minute; ADMIN and SERVICE unlimited', () => {
    const config = loadRateLimitConfig({});
    expect(pointsFor(config, [Role.LEARNER], 'ai')).toBe(120);
    expect(pointsFor(config, [Role.ASSESSOR], 'general')).toBe(1200);
    expect(pointsFor(config, [Role.SERVICE], 'ai')).toBe(0);
    expect(pointsFor(config, [Role.LEARNER, Role.ADMIN], 'general')).toBe(0);
    expect(config.keyPrefix).toBe('oet:ratelimit');
  });

  it('per-kind and per-role variables; a user with several roles gets the most generous budget', () => {
    const config = loadRateLimitConfig({
      OET_RATE_LIMIT_AI_PER_MINUTE: '10',
      OET_RATE_LIMIT_AI_PER_MINUTE_ASSESSOR: '40',
      OET_RATE_LIMIT_GENERAL_PER_MINUTE_LEARNER: '5',
      OET_RATE_LIMIT_AI_PER_MINUTE_SERVICE: '500',
      OET_RATE_LIMIT_PREFIX: 'tenant-a',
    });
    expect(pointsFor(config, [Role.LEARNER], 'ai')).toBe(10);
    expect(pointsFor(config, [Role.LEARNER, Role.ASSESSOR], 'ai')).toBe(40);
    expect(pointsFor(config, [Role.LEARNER], 'general')).toBe(5);
    // The learner override does not lower an assessor's default.
    expect(pointsFor(config, [Role.LEARNER, Role.ASSESSOR], 'general')).toBe(1200);
    expect(pointsFor(config, [Role.SERVICE], 'ai')).toBe(500);
    expect(pointsFor(config, [Role.SERVICE], 'general')).toBe(0);
    expect(config.keyPrefix).toBe('tenant-a');
  });

  it('a bad value stops start-up with a message naming the variable', () => {
    expect(() => loadConfig({ OET_RATE_LIMIT_AI_PER_MINUTE: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ OET_RATE_LIMIT_GENERAL_PER_MINUTE_LEARNER: 'lots' })).toThrow(/OET_RATE_LIMIT_GENERAL_PER_MINUTE_LEARNER must be a whole number ≥ 0 \(0 = no limit\), got "lots"/);
  });
});
