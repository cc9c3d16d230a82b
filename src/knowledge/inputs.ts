import { BadUserInputError, InputTooLargeError, TooManyItemsError } from '../errors.js';

// C0 controls other than tab, newline and carriage return, and U+FFFD (what invalid UTF-8 decodes to): binary noise.
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/** A short text argument: not blank, not binary, not over `max` characters. Returns it trimmed. */
export function checkText(field: string, value: string, max: number): string {
  if (value.length > max) throw new InputTooLargeError(field, max, value.length);
  if (BINARY.test(value)) throw new BadUserInputError(`${field} holds control characters or undecodable bytes: send plain text.`, { field });
  const trimmed = value.trim();
  if (trimmed === '') throw new BadUserInputError(`${field} is empty: give some text.`, { field });
  return trimmed;
}

/** A list of short texts: 1–`maxItems` items, each checked as `checkText`. */
export function checkTextList(field: string, values: readonly string[], maxItems: number, maxChars: number): string[] {
  if (values.length === 0) throw new BadUserInputError(`${field} is empty: give at least one item.`, { field });
  if (values.length > maxItems) throw new TooManyItemsError(field, maxItems, values.length);
  return values.map((v, i) => checkText(`${field}[${i}]`, v, maxChars));
}

/** An integer option within bounds (page sizes, limits, depths). */
export function checkInt(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new BadUserInputError(`${field} must be a whole number from ${min} to ${max}; got ${value}.`, { field });
  return value;
}
