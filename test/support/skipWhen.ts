import { describe, it, test } from '@jest/globals';

type Reason = string | boolean | null | undefined;
type BlockFn = Parameters<typeof describe>[1];
type TestFn = Parameters<typeof test>[1];

/**
 * node:test's `{ skip: reason }` for Jest: while `reason` is truthy the block is `.skip`ped and its title carries the
 * reason (Jest has no reason argument), e.g. `skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe(...)`.
 */
export function skipWhen(reason: Reason) {
  const titled = (title: string) => (reason ? `${title} [skipped: ${typeof reason === 'string' ? reason : 'condition not met'}]` : title);
  return {
    describe: (title: string, fn: BlockFn) => (reason ? describe.skip : describe)(titled(title), fn),
    it: (title: string, fn: TestFn, timeout?: number) => (reason ? it.skip : it)(titled(title), fn, timeout),
    test: (title: string, fn: TestFn, timeout?: number) => (reason ? test.skip : test)(titled(title), fn, timeout),
  };
}
