import { afterEach } from '@jest/globals';

/**
 * Per-test cleanup (node:test's `t.after`): functions registered during a test run after it, last first, whether
 * it passed or failed. Importing this module registers one `afterEach` at the top of the importing test file.
 */
const pending: Array<() => unknown> = [];

afterEach(async () => {
  const errors: unknown[] = [];
  while (pending.length > 0) {
    try {
      await pending.pop()!();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'several cleanups failed');
});

export function afterThisTest(fn: () => unknown): void {
  pending.push(fn);
}
