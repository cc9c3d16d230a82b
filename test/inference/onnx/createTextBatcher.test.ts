import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { DomainError, ErrorCode } from '../../../src/errors.js';
import { createTextBatcher } from '../../../src/inference/onnx/createTextBatcher.js';

test('texts queued in one tick share a batch, split at maxBatchSize', async () => {
  const batches: string[][] = [];
  const batcher = createTextBatcher(async (texts) => {
    batches.push(texts);
    return texts.map((t) => t.length);
  }, 3);
  const lengths = await Promise.all(['a', 'bb', 'ccc', 'dddd', 'eeeee'].map((t) => batcher.load(t)));
  assert.deepEqual(lengths, [1, 2, 3, 4, 5]);
  assert.deepEqual(batches, [['a', 'bb', 'ccc'], ['dddd', 'eeeee']]);
});

test('an Error for one text rejects only that text', async () => {
  const batcher = createTextBatcher(async (texts) => texts.map((t) => (t === 'bad' ? new Error('bad text') : t.toUpperCase())), 8);
  const results = await Promise.allSettled(['ok', 'bad', 'fine'].map((t) => batcher.load(t)));
  assert.deepEqual(
    results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)),
    ['OK', 'bad text', 'FINE'],
  );
});

test('a failed run rejects every text of that batch and nothing hangs', async () => {
  const batcher = createTextBatcher<number>(async () => {
    throw new Error('graph exploded');
  }, 8);
  const results = await Promise.allSettled(['a', 'b'].map((t) => batcher.load(t)));
  assert.deepEqual(results.map((r) => r.status), ['rejected', 'rejected']);
});

test('texts whose signal aborted before dispatch are CANCELLED and never run', async () => {
  const seen: string[] = [];
  const batcher = createTextBatcher(async (texts) => {
    seen.push(...texts);
    return texts;
  }, 8);
  const controller = new AbortController();
  const dropped = batcher.load('dropped', controller.signal);
  const kept = batcher.load('kept');
  controller.abort();
  await assert.rejects(dropped, (e: unknown) => e instanceof DomainError && e.code === ErrorCode.CANCELLED);
  assert.equal(await kept, 'kept');
  assert.deepEqual(seen, ['kept']);
});
