import { afterAll, beforeAll, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

it('/health answers; /ready checks the database, pub/sub and models', async () => {
  const health = await fetch(`${t.url}/health`);
  assert.equal(health.status, 200);
  const ready = await fetch(`${t.url}/ready`);
  const body = (await ready.json()) as { status: string; checks: { database: { ok: boolean }; models: { configured: number; backend: string; runtime?: string } } };
  assert.equal(ready.status, 200, JSON.stringify(body));
  assert.equal(body.checks.database.ok, true);
  assert.ok(body.checks.models.configured >= 2);
  assert.equal(body.checks.models.backend, 'cpu');
  // llama.cpp starts with the first GGUF model, not at start-up, and /ready says so.
  assert.equal(body.checks.models.runtime, 'not started');
});

it('/ready reports a missing LLM in its body: the project\'s own recognisers still serve', async () => {
  const empty = await startTestEngine({ OET_MODELS_DIR: '/nonexistent-models-dir', OET_MODEL_MANIFEST: '/nonexistent/manifest.json' });
  try {
    const ready = await fetch(`${empty.url}/ready`);
    const body = (await ready.json()) as { checks: { models: { textGeneration: boolean; configured: number } } };
    assert.equal(ready.status, 200);
    assert.equal(body.checks.models.textGeneration, false);
    assert.ok(body.checks.models.configured >= 1, 'models/clinical-ner is found in the project folder');
  } finally {
    await empty.stop();
  }
});

it('/metrics exposes Prometheus text with the engine metrics', async () => {
  const res = await fetch(`${t.url}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/plain/);
  const text = await res.text();
  for (const name of ['oet_llm_tokens_generated_total', 'oet_llm_time_to_first_token_seconds', 'oet_llm_queue_depth', 'process_cpu_seconds_total']) {
    assert.match(text, new RegExp(name));
  }
});
