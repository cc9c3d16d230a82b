import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { assertTextLimits, MAX_INPUT_DEPTH } from '../../src/graphql/middleware/limitTextInputs.js';
import { DomainError, ErrorCode } from '../../src/errors.js';

it('names the path of the first oversize string, however deep', () => {
  assertTextLimits({ a: 'ok', b: ['fine', { c: 'x'.repeat(10) }] }, 10);
  assert.throws(
    () => assertTextLimits({ input: { messages: [{ content: 'ok' }, { content: 'x'.repeat(11) }] } }, 10, 'args'),
    (e: unknown) => e instanceof DomainError && e.code === ErrorCode.INPUT_TOO_LARGE && /args\.input\.messages\[1\]\.content/.test(e.message),
  );
});

it('refuses an input nested deeper than MAX_INPUT_DEPTH as INPUT_TOO_LARGE, without overflowing the stack', () => {
  const nested = (depth: number): unknown => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
  assertTextLimits(nested(MAX_INPUT_DEPTH), 10);
  for (const depth of [MAX_INPUT_DEPTH + 1, 50_000]) {
    assert.throws(
      () => assertTextLimits({ jsonSchema: nested(depth) }, 10, 'input'),
      (e: unknown) => e instanceof DomainError && e.code === ErrorCode.INPUT_TOO_LARGE && /nested more than/.test(e.message),
    );
  }
});
