import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { hasSmolLm2 } from '../support/paths.js';
import { startService } from './support.js';

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('SmolLM2-135M-Instruct (chat template, JSON schema)', () => {
  let service: InferenceService;
  beforeAll(async () => {
    // Threads unset: the engine picks its default for a 135M model.
    service = await startService({ threads: undefined, parallelSequences: 2 }, { contextSize: 512 });
  });
  afterAll(() => service.dispose());

  it('answers chat messages through the ChatML template', async () => {
    const r = await service.generate({
      messages: [
        { role: 'system', content: 'You are a concise assistant for nurses.' },
        { role: 'user', content: 'Name one symptom of a fever.' },
      ],
      temperature: 0,
      maxTokens: 24,
    });
    assert.equal(r.modelId, 'smollm2-135m-instruct');
    assert.equal(r.alias, 'default');
    assert.ok(r.text.trim().length > 0);
    assert.ok(!r.text.includes('<|im_start|>'), 'template tokens are not leaked');
    assert.ok(r.usage.promptTokens > 15, `the template wraps the messages (promptTokens ${r.usage.promptTokens})`);
    assert.ok(r.usage.completionTokens > 0 && r.usage.completionTokens <= 24);
    assert.ok(['stop', 'length'].includes(r.finishReason));
  });

  it('constrains output to a JSON schema', async () => {
    const schema = {
      type: 'object',
      properties: {
        symptom: { type: 'string' },
        severity: { type: 'integer' },
        urgent: { type: 'boolean' },
      },
      required: ['symptom', 'severity', 'urgent'],
    };
    const r = await service.generate({
      messages: [{ role: 'user', content: 'Describe a fever as JSON with symptom, severity (1-5) and urgent.' }],
      jsonSchema: schema,
      temperature: 0,
      maxTokens: 120,
    });
    assert.equal(r.finishReason, 'stop', r.text);
    const parsed = JSON.parse(r.text) as Record<string, unknown>;
    assert.equal(typeof parsed.symptom, 'string');
    assert.ok(Number.isInteger(parsed.severity));
    assert.equal(typeof parsed.urgent, 'boolean');
    assert.ok(service.stats().threads >= 1);
  });
});
