import type { z } from 'zod';
import { BadUserInputError } from '../../../errors.js';
import { assertTextLimits } from '../../../graphql/middleware/limitTextInputs.js';

/**
 * A body validated against its schema and the text limits. The message names every problem with its path and says
 * what the endpoint expects; `details.field` (the first problem's path) becomes OpenAI's `param`.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, maxTextChars: number, expected: string): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5);
    const problems = issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new BadUserInputError(`Invalid request body: ${problems}. Expected ${expected}.`, { field: issues[0]?.path.join('.') || null });
  }
  assertTextLimits(parsed.data, maxTextChars, 'body');
  return parsed.data;
}
