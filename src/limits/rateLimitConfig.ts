import { ALL_ROLES, Role } from '../auth/viewer.js';

/** Operation classes with their own budget: `ai` runs a model or gives decision support; `general` is everything else. */
export const RATE_LIMIT_KINDS = ['ai', 'general'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

export interface RateLimitConfig {
  /** Requests per user per minute, by kind; 0 turns that limit off. Defaults: ai 120, general 1,200. */
  perMinute: Readonly<Record<RateLimitKind, number>>;
  /**
   * Per-role overrides; a user with several roles gets the most generous (0, unlimited, wins). Default: ADMIN and
   * SERVICE unlimited (a SERVICE token is a platform backend or gateway acting for many learners).
   */
  perRole: Readonly<Partial<Record<Role, Partial<Record<RateLimitKind, number>>>>>;
  /** Redis key prefix, so that several deployments (or test runs) can share one Redis. Default `oet:ratelimit`. */
  keyPrefix: string;
}

export class RateLimitConfigError extends Error {}

const DEFAULT_PER_MINUTE: Record<RateLimitKind, number> = { ai: 120, general: 1200 };
const UNLIMITED_ROLES: readonly Role[] = [Role.ADMIN, Role.SERVICE];

/**
 * Reads `OET_RATE_LIMIT_AI_PER_MINUTE`, `OET_RATE_LIMIT_GENERAL_PER_MINUTE`, per-role overrides
 * `OET_RATE_LIMIT_<KIND>_PER_MINUTE_<ROLE>` (e.g. `OET_RATE_LIMIT_AI_PER_MINUTE_LEARNER=30`) and
 * `OET_RATE_LIMIT_PREFIX`. Throws RateLimitConfigError naming the variable for a value that is not a whole number ≥ 0.
 */
export function loadRateLimitConfig(env: NodeJS.ProcessEnv): RateLimitConfig {
  const read = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new RateLimitConfigError(`${name} must be a whole number ≥ 0 (0 = no limit), got "${raw}"`);
    return n;
  };
  const perMinute = { ...DEFAULT_PER_MINUTE };
  const perRole: Partial<Record<Role, Partial<Record<RateLimitKind, number>>>> = {};
  for (const role of UNLIMITED_ROLES) perRole[role] = { ai: 0, general: 0 };
  for (const kind of RATE_LIMIT_KINDS) {
    const variable = `OET_RATE_LIMIT_${kind.toUpperCase()}_PER_MINUTE`;
    perMinute[kind] = read(variable) ?? perMinute[kind];
    for (const role of ALL_ROLES) {
      const override = read(`${variable}_${role}`);
      if (override !== undefined) perRole[role] = { ...perRole[role], [kind]: override };
    }
  }
  return { perMinute, perRole, keyPrefix: env.OET_RATE_LIMIT_PREFIX?.trim() || 'oet:ratelimit' };
}

/** The budget for a user with these roles: each role's override or the default, the most generous of them (0 = unlimited wins). */
export function pointsFor(config: RateLimitConfig, roles: Iterable<Role>, kind: RateLimitKind): number {
  let best: number | undefined;
  for (const role of roles) {
    const points = config.perRole[role]?.[kind] ?? config.perMinute[kind];
    if (points === 0) return 0;
    best = Math.max(best ?? 0, points);
  }
  return best ?? config.perMinute[kind];
}
