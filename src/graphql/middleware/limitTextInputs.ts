import type { MiddlewareFn } from 'type-graphql';
import { DomainError, ErrorCode, InputTooLargeError } from '../../errors.js';

/** Deepest nesting accepted in an input (a JSON schema nests ~2 levels per schema level). */
export const MAX_INPUT_DEPTH = 64;

/**
 * Rejects any string argument (at any depth, JSON included) longer than the limit, naming its path, and any input
 * nested deeper than MAX_INPUT_DEPTH (this walk recursed without bound: a 5,000-level JSON variable overflowed the
 * stack and answered INTERNAL_SERVER_ERROR).
 */
export function assertTextLimits(value: unknown, maxChars: number, path = 'input', depth = 0): void {
  if (typeof value === 'string') {
    if (value.length > maxChars) throw new InputTooLargeError(path, maxChars, value.length);
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date) return;
  if (depth >= MAX_INPUT_DEPTH) {
    throw new DomainError(ErrorCode.INPUT_TOO_LARGE, `${path} is nested more than ${MAX_INPUT_DEPTH} levels deep; flatten it.`, { field: path, limit: MAX_INPUT_DEPTH });
  }
  if (Array.isArray(value)) {
    if (value.length > 1_000) throw new InputTooLargeError(`${path} (items)`, 1_000, value.length);
    value.forEach((item, i) => assertTextLimits(item, maxChars, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) assertTextLimits(item, maxChars, `${path}.${key}`, depth + 1);
}

/**
 * Size limits on every text input, before any resolver runs. Subscription fields check their arguments once when
 * subscribing (this middleware would run for every event).
 */
export const limitTextInputs =
  (maxChars: number): MiddlewareFn =>
  async ({ args, info }, next) => {
    if (info.parentType.name === 'Subscription') return next();
    for (const [name, value] of Object.entries(args)) assertTextLimits(value, maxChars, name);
    return next();
  };
