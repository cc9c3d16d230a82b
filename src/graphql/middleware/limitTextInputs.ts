import type { MiddlewareFn } from 'type-graphql';
import { InputTooLargeError } from '../../errors.js';

/** Rejects any string argument (at any depth, JSON included) longer than the limit, naming its path. */
export function assertTextLimits(value: unknown, maxChars: number, path = 'input'): void {
  if (typeof value === 'string') {
    if (value.length > maxChars) throw new InputTooLargeError(path, maxChars, value.length);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length > 1_000) throw new InputTooLargeError(`${path} (items)`, 1_000, value.length);
    value.forEach((item, i) => assertTextLimits(item, maxChars, `${path}[${i}]`));
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) assertTextLimits(item, maxChars, `${path}.${key}`);
  }
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
