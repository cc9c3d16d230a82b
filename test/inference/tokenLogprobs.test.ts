import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { hasSmolLm2 } from '../support/paths.js';
import { startService } from './support.js';

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('token log-probabilities (SmolLM2-135M-Instruct)', () => {
  let service: InferenceService;
  beforeAll(async () => {
    service = await startService({ threads: undefined, parallelSequences: 2 }, { contextSize: 1024 });
  });
  afterAll(() => service.dispose());

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it('scores every token of a text, and fluent English above the same words scrambled', async () => {
    const fluent = 'The patient was admitted to hospital with chest pain and was discharged home two days later.';
    const scrambled = 'Hospital later the pain two with was home chest admitted and days patient discharged to was the.';
    const a = await service.tokenLogprobs({ model: 'smollm2-135m-instruct', text: fluent });
    const b = await service.tokenLogprobs({ model: 'smollm2-135m-instruct', text: scrambled });
    assert.equal(a.map((t) => t.piece).join(''), fluent);
    for (const t of [...a, ...b]) assert.ok(Number.isFinite(t.logprob) && t.logprob <= 0, JSON.stringify(t));
    assert.ok(mean(a.map((t) => t.logprob)) > mean(b.map((t) => t.logprob)) + 1, `${mean(a.map((t) => t.logprob))} vs ${mean(b.map((t) => t.logprob))}`);
    const cut = await service.tokenLogprobs({ model: 'smollm2-135m-instruct', text: fluent.repeat(20), maxTokens: 50 });
    assert.equal(cut.length, 50);
  });

  it('refuses an ONNX model, empty text and a cancelled call with stable codes', async () => {
    await assert.rejects(service.tokenLogprobs({ model: 'smollm2-135m-instruct', text: '  ' }), (e: { code?: string }) => e.code === 'BAD_USER_INPUT');
    await assert.rejects(service.tokenLogprobs({ model: 'all-minilm-l6-v2-int8', text: 'Hello.' }), (e: { code?: string }) => e.code === 'BAD_USER_INPUT');
    await assert.rejects(service.tokenLogprobs({ model: 'smollm2-135m-instruct', text: 'Hello.' }, { signal: AbortSignal.abort() }), (e: { code?: string }) => e.code === 'CANCELLED');
  });
});
