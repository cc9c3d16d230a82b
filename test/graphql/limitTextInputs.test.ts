import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { assertTextLimits } from '../../src/graphql/middleware/limitTextInputs.js';
import { DomainError, ErrorCode } from '../../src/errors.js';

it('names the path of the first oversize string, however deep', () => {
  assertTextLimits({ a: 'ok', b: ['fine', { c: 'x'.repeat(10) }] }, 10);
  assert.throws(
    () => assertTextLimits({ input: { messages: [{ content: 'ok' }, { content: 'x'.repeat(11) }] } }, 10, 'args'),
    (e: unknown) => e instanceof DomainError && e.code === ErrorCode.INPUT_TOO_LARGE && /args\.input\.messages\[1\]\.content/.test(e.message),
  );
});
