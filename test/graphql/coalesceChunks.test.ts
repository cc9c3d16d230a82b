import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { coalesceChunks } from '../../src/graphql/inference/coalesceChunks.js';
import type { GenerationChunk, GenerationResult } from '../../src/inference/types.js';

const result: GenerationResult = {
  text: 'abcdef',
  finishReason: 'length',
  modelId: 'm',
  alias: null,
  usage: { promptTokens: 1, completionTokens: 6, timeToFirstTokenMs: 1, tokensPerSecond: 1, totalMs: 1 },
};

/** A source that emits one letter every `everyMs`, then the final chunk. */
async function* letters(everyMs: number, onReturn?: () => void): AsyncGenerator<GenerationChunk> {
  try {
    for (const text of 'abcdef') {
      await new Promise((r) => setTimeout(r, everyMs));
      yield { text, done: false };
    }
    yield { text: '', done: true, result };
  } finally {
    onReturn?.();
  }
}

async function drain(source: AsyncIterable<GenerationChunk>): Promise<GenerationChunk[]> {
  const out: GenerationChunk[] = [];
  for await (const chunk of source) out.push(chunk);
  return out;
}

describe('coalesceChunks', () => {
  it('sends the first text at once, gathers fast tokens, and keeps the final chunk separate', async () => {
    const out = await drain(coalesceChunks(letters(1), () => {}, 50));
    assert.equal(out[0]?.text, 'a');
    assert.ok(out.length < 7, `expected fewer events than tokens, got ${out.length}`);
    assert.equal(out.map((c) => c.text).join(''), 'abcdef');
    assert.deepEqual(out.at(-1), { text: '', done: true, result });
    assert.ok(out.slice(0, -1).every((c) => !c.done));
  });

  it('passes slow tokens through one by one', async () => {
    const out = await drain(coalesceChunks(letters(15), () => {}, 5));
    assert.equal(out.length, 7);
  });

  it('aborts and closes the source when the consumer stops early', async () => {
    let aborted = false;
    let closed = false;
    for await (const chunk of coalesceChunks(letters(2, () => (closed = true)), () => (aborted = true), 0)) {
      assert.equal(chunk.text, 'a');
      break;
    }
    assert.equal(aborted, true);
    assert.equal(closed, true);
  });

  it('rethrows a failure of the source after the text that came before it', async () => {
    async function* failing(): AsyncGenerator<GenerationChunk> {
      yield { text: 'x', done: false };
      throw new Error('boom');
    }
    const seen: string[] = [];
    await assert.rejects(async () => {
      for await (const chunk of coalesceChunks(failing(), () => {}, 0)) seen.push(chunk.text);
    }, /boom/);
    assert.deepEqual(seen, ['x']);
  });
});
