import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { hasStories260k } from '../support/paths.js';
import { startService } from './support.js';

const isCode = (code: ErrorCode, pattern?: RegExp) => (e: unknown): boolean => {
  assert.ok(e instanceof DomainError, `expected a DomainError, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  if (pattern) assert.match(e.message, pattern);
  return true;
};

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('generate on stories260K', () => {
  let service: InferenceService;
  beforeAll(async () => {
    service = await startService();
    await service.loadModel('tiny');
  });
  afterAll(() => service.dispose());

  it('completes a prompt with consistent usage and stops at maxTokens', async () => {
    const r = await service.generate({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 24, temperature: 0 });
    assert.ok(r.text.length > 0);
    assert.equal(r.finishReason, 'length');
    assert.equal(r.usage.completionTokens, 24);
    assert.ok(r.usage.promptTokens >= 3 && r.usage.promptTokens <= 8, `promptTokens ${r.usage.promptTokens}`);
    assert.ok(r.usage.timeToFirstTokenMs > 0 && r.usage.timeToFirstTokenMs <= r.usage.totalMs);
    assert.ok(r.usage.tokensPerSecond > 0);
    assert.equal(r.modelId, 'stories260k');
    assert.equal(r.alias, 'tiny');
    const byId = await service.generate({ model: 'stories260k', prompt: 'Once upon a time', maxTokens: 24, temperature: 0 });
    assert.equal(byId.alias, null);
    assert.equal(byId.text, r.text, 'greedy decoding is deterministic');
  });

  it('repeats itself for the same seed and temperature', async () => {
    const run = (seed: number) => service.generate({ model: 'tiny', prompt: 'The dog', maxTokens: 30, temperature: 1, seed });
    const [a, b, c] = await Promise.all([run(42), run(42), run(7)]);
    assert.equal(a.text, b.text);
    assert.notEqual(a.text, c.text);
  });

  it('stops on a stop sequence', async () => {
    const r = await service.generate({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 100, temperature: 0, stop: ['Lily'] });
    assert.equal(r.finishReason, 'stopSequence');
    assert.ok(!r.text.includes('Lily'));
    assert.ok(r.usage.completionTokens < 100);
  });

  it('cuts at a stop sequence anywhere in the text, spaces and mid-token included: exactly the text before it', async () => {
    const request = { model: 'tiny', prompt: 'Once upon a time', maxTokens: 40, temperature: 0 };
    const full = (await service.generate(request)).text;
    // stories260K's SentencePiece tokens: " a" starts a token, "a" sits inside " was"; both once missed or ate spaces.
    for (const stop of [' a', 'a', 'was', '. ']) {
      assert.ok(full.includes(stop), `the greedy text holds ${JSON.stringify(stop)}`);
      const r = await service.generate({ ...request, stop: [stop] });
      assert.deepEqual({ text: r.text, finishReason: r.finishReason }, { text: full.slice(0, full.indexOf(stop)), finishReason: 'stopSequence' });
      let streamed = '';
      for await (const chunk of service.generateStream({ ...request, stop: [stop] })) streamed += chunk.text;
      assert.equal(streamed, r.text);
    }
  });

  it('refuses a prompt longer than the context, with the numbers', async () => {
    await assert.rejects(
      service.generate({ model: 'tiny', prompt: 'the cat sat on the mat. '.repeat(60), maxTokens: 4 }),
      isCode(ErrorCode.CONTEXT_OVERFLOW, /prompt is \d+ tokens.*holds 256 tokens/),
    );
    await assert.rejects(service.generate({ model: 'tiny', prompt: 'x', maxTokens: 257 }), isCode(ErrorCode.BAD_USER_INPUT, /256; got 257/));
  });

  it('refuses bad input and non-text models', async () => {
    await assert.rejects(service.generate({ model: 'tiny', prompt: 'x', temperature: 3 }), isCode(ErrorCode.BAD_USER_INPUT, /got 3/));
    await assert.rejects(service.generate({ model: 'embedder', prompt: 'x' }), isCode(ErrorCode.BAD_USER_INPUT, /ONNX/));
    await assert.rejects(service.generate({ model: 'tiny', prompt: 'x', jsonSchema: { type: 'banana' } }), isCode(ErrorCode.BAD_USER_INPUT, /banana/));
  });

  it('rejects with CANCELLED when the signal aborts, and frees the sequence', async () => {
    const controller = new AbortController();
    const pending = service.generate({ model: 'tiny', prompt: 'Once', maxTokens: 250 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await assert.rejects(pending, isCode(ErrorCode.CANCELLED));
    assert.equal(service.stats().activeSequences, 0);
    await assert.rejects(service.generate({ model: 'tiny', prompt: 'x' }, { signal: AbortSignal.abort() }), isCode(ErrorCode.CANCELLED));
  });
});

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('timeouts', () => {
  it('gives partial text with finishReason timeout while generating, TIMEOUT while queued', async () => {
    const service = await startService({ parallelSequences: 1 }, { contextSize: 2048 });
    try {
      await service.loadModel('tiny');
      const long = service.generate({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 2000, timeoutMs: 150 });
      const queued = service.generate({ model: 'tiny', prompt: 'Once', maxTokens: 4, timeoutMs: 40 });
      await assert.rejects(queued, isCode(ErrorCode.TIMEOUT, /waiting for a free sequence/));
      const r = await long;
      assert.equal(r.finishReason, 'timeout');
      assert.ok(r.text.length > 0, 'partial text is kept');
      assert.ok(r.usage.completionTokens > 0 && r.usage.completionTokens < 2000);
      assert.equal(service.stats().activeSequences, 0);
      assert.equal(service.stats().queueDepth, 0);
    } finally {
      await service.dispose();
    }
  });
});
