import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { GgufFileType } from 'node-llama-cpp';
import { ErrorCode } from '../../src/errors.js';
import { checkMaxTokens, validateGenerateRequest } from '../../src/inference/generation/validateGenerateRequest.js';
import { toChatHistory } from '../../src/inference/generation/toChatHistory.js';
import { quantizationName } from '../../src/inference/registry/describeGguf.js';
import { idFromPath } from '../../src/inference/registry/ModelRegistry.js';
import { pickVariant, primaryVariant } from '../../src/inference/registry/pickVariant.js';
import { defaultThreads } from '../../src/inference/runtime/defaultThreads.js';
import { PriorityQueue } from '../../src/inference/scheduling/PriorityQueue.js';
import type { GenerateRequest } from '../../src/inference/types.js';
import { replay } from './support.js';

const rejects = (request: GenerateRequest, pattern: RegExp): void => {
  assert.throws(() => validateGenerateRequest(request), (e: unknown) => {
    assert.equal((e as { code?: string }).code, ErrorCode.BAD_USER_INPUT);
    assert.match((e as Error).message, pattern);
    return true;
  });
};

describe('validateGenerateRequest', () => {
  it('applies the documented defaults', () => {
    const plan = validateGenerateRequest({ prompt: 'hi' });
    assert.deepEqual(
      { t: plan.temperature, p: plan.topP, m: plan.maxTokens, pr: plan.priority, stop: plan.stop },
      { t: 0.8, p: 0.95, m: 256, pr: 'interactive', stop: [] },
    );
  });

  it('refuses bad requests, saying what was expected and what came', () => {
    rejects({}, /exactly one of "prompt" and "messages"; got neither/);
    rejects({ prompt: 'a', messages: [{ role: 'user', content: 'b' }] }, /got both/);
    rejects({ prompt: '' }, /non-empty/);
    rejects({ messages: [] }, /at least one message/);
    rejects({ messages: [{ role: 'system', content: 'x' }] }, /non-empty user message/);
    rejects({ prompt: 'a', temperature: 2.5 }, /between 0 and 2; got 2.5/);
    rejects({ prompt: 'a', topP: 0 }, /greater than 0 and at most 1; got 0/);
    rejects({ prompt: 'a', maxTokens: 0 }, /at least 1; got 0/);
    rejects({ prompt: 'a', stop: Array.from({ length: 9 }, (_, i) => `s${i}`) }, /at most 8 non-empty strings; got 9/);
    rejects({ prompt: 'a', seed: 1.5 }, /whole number/);
  });

  it('checks maxTokens against the context', () => {
    assert.throws(() => checkMaxTokens(300, 256), /at most the context size 256; got 300/);
    assert.doesNotThrow(() => checkMaxTokens(256, 256));
  });
});

describe('toChatHistory', () => {
  it('maps roles and opens a model turn after a user message', () => {
    const history = toChatHistory([
      { role: 'system', content: 's' },
      { role: 'user', content: 'u' },
    ]);
    assert.deepEqual(history, [
      { type: 'system', text: 's' },
      { type: 'user', text: 'u' },
      { type: 'model', response: [] },
    ]);
    assert.equal(toChatHistory([{ role: 'user', content: 'u' }, { role: 'assistant', content: 'a' }]).length, 2);
  });
});

describe('pickVariant', () => {
  const variants = [
    { modelId: 'a', weight: 3 },
    { modelId: 'b', weight: 1 },
  ];
  it('splits by weight', () => {
    assert.equal(pickVariant(variants, () => 0).modelId, 'a');
    assert.equal(pickVariant(variants, () => 0.74).modelId, 'a');
    assert.equal(pickVariant(variants, () => 0.75).modelId, 'b');
    assert.equal(pickVariant(variants, () => 0.999999).modelId, 'b');
    const random = replay([0.1, 0.3, 0.5, 0.7, 0.9, 0.2, 0.4, 0.6]);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 8; i++) counts[pickVariant(variants, random).modelId as 'a' | 'b'] += 1;
    assert.deepEqual(counts, { a: 7, b: 1 });
  });
  it('reports the heaviest variant as primary', () => {
    assert.equal(primaryVariant(variants).modelId, 'a');
    assert.equal(primaryVariant([{ modelId: 'x', weight: 1 }, { modelId: 'y', weight: 2 }]).modelId, 'y');
  });
});

describe('PriorityQueue', () => {
  it('serves interactive first and FIFO within a priority', () => {
    const q = new PriorityQueue<string>();
    q.push('b1', 'background');
    q.push('i1', 'interactive');
    q.push('b2', 'background');
    q.push('i2', 'interactive');
    assert.equal(q.remove('b2'), true);
    assert.equal(q.remove('zz'), false);
    assert.equal(q.size, 3);
    assert.deepEqual([q.shift(), q.shift(), q.shift(), q.shift()], ['i1', 'i2', 'b1', undefined]);
  });
});

describe('naming and defaults', () => {
  it('names quantizations and scanned ids', () => {
    assert.equal(quantizationName(GgufFileType.MOSTLY_Q4_1, GgufFileType), 'Q4_1');
    assert.equal(quantizationName(GgufFileType.ALL_F32, GgufFileType), 'F32');
    assert.equal(quantizationName(GgufFileType.MOSTLY_F16, GgufFileType), 'F16');
    assert.equal(idFromPath('/m/SmolLM2-135M-Instruct.Q4_1.gguf'), 'smollm2-135m-instruct.q4_1');
    assert.equal(idFromPath('/m/My Model.gguf'), 'my-model');
  });
  it('uses 1 thread for tiny models and honours a configured count', () => {
    assert.equal(defaultThreads(292_800, undefined), 1);
    assert.ok(defaultThreads(134_515_008, undefined) >= 1);
    assert.equal(defaultThreads(292_800, 3), 3);
  });
});
