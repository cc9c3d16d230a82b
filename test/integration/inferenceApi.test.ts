import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { collect, firstErrorCode, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

type Chunk = { generateStream: { text: string; done: boolean; finishReason: string | null; usage: { completionTokens: number } | null; model: string | null } };
const STREAM = `subscription($input: GenerateInput!) {
  generateStream(input: $input) { text done finishReason model usage { completionTokens tokensPerSecond } }
}`;

describe('inference through GraphQL, graphql-ws and REST (stories260K)', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine({ OET_PARALLEL_SEQUENCES: '4' });
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  it('generate returns text, finish reason and usage, and is audited without the prompt', async () => {
    const res = await postGraphQL<{ generate: { text: string; finishReason: string; model: string; alias: string | null; usage: { promptTokens: number; completionTokens: number; timeToFirstTokenMs: number; tokensPerSecond: number } } }>(
      t.graphqlUrl,
      'mutation($input: GenerateInput!) { generate(input: $input) { text finishReason model alias usage { promptTokens completionTokens timeToFirstTokenMs tokensPerSecond } } }',
      { token: tokens.LEARNER, variables: { input: { model: 'tiny', prompt: 'Once upon a time', maxTokens: 12, temperature: 0 } } },
    );
    assert.deepEqual(res.errors, undefined);
    const g = res.data!.generate;
    assert.equal(g.model, 'stories260k');
    assert.equal(g.alias, 'tiny');
    assert.equal(g.finishReason, 'LENGTH');
    assert.equal(g.usage.completionTokens, 12);
    assert.ok(g.usage.promptTokens > 0 && g.usage.tokensPerSecond > 0 && g.text.length > 0);
    const audit = await postGraphQL<{ auditLog: { operation: string; kind: string; outcome: string; modelId: string; actorId: string }[] }>(t.graphqlUrl, '{ auditLog(operation: "generate") { operation kind outcome modelId actorId } }', { token: tokens.ADMIN });
    const entry = audit.data!.auditLog[0]!;
    expect(entry).toEqual({ operation: 'generate', kind: 'AI_OPERATION', outcome: 'SUCCESS', modelId: 'stories260k', actorId: 'learner-1' });
    assert.equal(JSON.stringify(audit).includes('Once upon a time'), false);
  });

  it('domain errors keep their codes: unknown model, context overflow, bad parameters', async () => {
    const run = (input: Record<string, unknown>) => postGraphQL(t.graphqlUrl, 'mutation($input: GenerateInput!) { generate(input: $input) { text } }', { token: tokens.LEARNER, variables: { input } });
    assert.equal(firstErrorCode(await run({ model: 'no-such-model', prompt: 'x' })), 'MODEL_NOT_FOUND');
    assert.equal(firstErrorCode(await run({ model: 'tiny', prompt: 'word '.repeat(3000) })), 'CONTEXT_OVERFLOW');
    assert.equal(firstErrorCode(await run({ model: 'tiny', prompt: 'x', temperature: 7 })), 'BAD_USER_INPUT');
    assert.equal(firstErrorCode(await run({ model: 'tiny' })), 'BAD_USER_INPUT');
  });

  it('streams token chunks over graphql-ws ending with the usage', async () => {
    const client = wsClient(t.wsUrl, tokens.LEARNER);
    const sub = collect<Chunk>(client, STREAM, { input: { model: 'tiny', prompt: 'Once upon a time', maxTokens: 16, temperature: 0 } });
    try {
      await sub.waitFor(1000, 30_000).catch(() => {});
      assert.deepEqual(sub.errors, []);
      assert.equal(sub.completed, true);
      const last = sub.values.at(-1)!.generateStream;
      assert.equal(last.done, true);
      assert.equal(last.usage?.completionTokens, 16);
      assert.equal(last.model, 'stories260k');
      assert.ok(sub.values.length > 2, 'expected several chunks');
      assert.ok(sub.values.slice(0, -1).every((v) => !v.generateStream.done));
      // Audited once per stream, not once per chunk.
      const audit = await postGraphQL<{ auditLog: { outcome: string; modelId: string }[] }>(t.graphqlUrl, '{ auditLog(operation: "generateStream") { outcome modelId } }', { token: tokens.ADMIN });
      expect(audit.data?.auditLog).toEqual([{ outcome: 'SUCCESS', modelId: 'stories260k' }]);
    } finally {
      await client.dispose();
    }
  });

  it('unsubscribing mid-stream aborts generation and frees its sequence', async () => {
    const client = wsClient(t.wsUrl, tokens.LEARNER);
    const sub = collect<Chunk>(client, STREAM, { input: { model: 'tiny', prompt: 'Once upon a time', maxTokens: 2000, temperature: 0.8 } });
    try {
      await sub.waitFor(2, 30_000);
      assert.deepEqual(sub.errors, []);
      assert.equal(sub.values.length >= 2 && !sub.completed, true, 'the stream should be running when we leave');
      sub.unsubscribe();
      const deadline = Date.now() + 5_000;
      let active = -1;
      while (Date.now() < deadline) {
        active = t.engine.services.inference.stats().activeSequences;
        if (active === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.equal(active, 0, 'the sequence should be released after unsubscribe');
      assert.ok(sub.values.length < 2000);
      await new Promise((r) => setTimeout(r, 50));
      const audit = await postGraphQL<{ auditLog: { outcome: string; errorCode: string }[] }>(t.graphqlUrl, '{ auditLog(operation: "generateStream") { outcome errorCode } }', { token: tokens.ADMIN });
      expect(audit.data?.auditLog[0]).toEqual({ outcome: 'FAILURE', errorCode: 'CANCELLED' });
    } finally {
      await client.dispose();
    }
  });

  it('REST POST /api/v1/llm/generate answers with the same core, and streams NDJSON when asked', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.SERVICE}` };
    const plain = await fetch(`${t.url}/api/v1/llm/generate`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'Once', model: 'tiny', temperature: 0, max_tokens: 8 }) });
    assert.equal(plain.status, 200);
    const body = (await plain.json()) as { text: string; finish_reason: string; usage: { completion_tokens: number } };
    assert.equal(body.usage.completion_tokens, 8);
    assert.equal(body.finish_reason, 'length');

    const streamed = await fetch(`${t.url}/api/v1/llm/generate`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'Once', model: 'tiny', temperature: 0, max_tokens: 8, stream: true }) });
    assert.match(streamed.headers.get('content-type') ?? '', /ndjson/);
    const lines = (await streamed.text()).trim().split('\n').map((l) => JSON.parse(l) as { text: string; done: boolean });
    assert.equal(lines.at(-1)?.done, true);
    assert.equal(lines.slice(0, -1).map((l) => l.text).join(''), body.text, 'same seed-free greedy text streamed and whole');

    const anon = await fetch(`${t.url}/api/v1/llm/generate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"prompt":"x"}' });
    assert.equal(anon.status, 401);
    const bad = await fetch(`${t.url}/api/v1/llm/generate`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'x', max_tokens: 'many' }) });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'BAD_USER_INPUT');
    const unknown = await fetch(`${t.url}/api/v1/llm/generate`, { method: 'POST', headers, body: JSON.stringify({ prompt: 'x', model: 'nope', stream: true }) });
    assert.equal(unknown.status, 404, 'an error before the first line keeps its HTTP status');
    await new Promise((r) => setTimeout(r, 50));
    // One audit entry per call, however it ended (the anonymous call never reached the engine).
    const audit = await postGraphQL<{ auditLog: { outcome: string; errorCode: string | null }[] }>(t.graphqlUrl, '{ auditLog(operation: "rest.generate") { outcome errorCode } }', { token: tokens.ADMIN });
    expect(audit.data?.auditLog).toEqual([
      { outcome: 'FAILURE', errorCode: 'MODEL_NOT_FOUND' },
      { outcome: 'FAILURE', errorCode: 'BAD_USER_INPUT' },
      { outcome: 'SUCCESS', errorCode: null },
      { outcome: 'SUCCESS', errorCode: null },
    ]);
  });

  it('embed returns normalised sentence vectors from the ONNX model, closer for paraphrases', async () => {
    const res = await postGraphQL<{ embed: number[][] }>(t.graphqlUrl, 'query($t: [String!]!) { embed(texts: $t) }', {
      token: tokens.LEARNER,
      variables: { t: ['The patient has chest pain.', 'Patient complains of pain in the chest.', 'The invoice is due on Friday.'] },
    });
    assert.deepEqual(res.errors, undefined);
    const [a, b, c] = res.data!.embed as [number[], number[], number[]];
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    assert.equal(a.length, 384);
    assert.ok(Math.abs(dot(a, a) - 1) < 1e-3);
    assert.ok(dot(a, b) > 0.8 && dot(a, b) > dot(a, c) + 0.5, `paraphrase ${dot(a, b)} vs unrelated ${dot(a, c)}`);
    const none = await postGraphQL(t.graphqlUrl, '{ embed(texts: []) }', { token: tokens.LEARNER });
    assert.equal(firstErrorCode(none), 'BAD_USER_INPUT');
    const missing = await postGraphQL(t.graphqlUrl, '{ embed(texts: ["x"], model: "no-such-encoder") }', { token: tokens.LEARNER });
    assert.equal(firstErrorCode(missing), 'MODEL_NOT_FOUND');
  });

  it('admins load and unload models; ModelInfo reports the real file', async () => {
    const load = await postGraphQL<{ loadModel: { state: string; memoryBytes: number } }>(t.graphqlUrl, 'mutation { loadModel(id: "stories260k") { state memoryBytes } }', { token: tokens.ADMIN });
    assert.equal(load.data?.loadModel.state, 'READY');
    assert.ok((load.data?.loadModel.memoryBytes ?? 0) > 0);
    const info = await postGraphQL<{ model: { fileSizeBytes: number; quantization: string; contextLength: number; backend: string; parameterCount: number } }>(t.graphqlUrl, '{ model(id: "stories260k") { fileSizeBytes quantization contextLength backend parameterCount } }', { token: tokens.LEARNER });
    assert.equal(info.data?.model.fileSizeBytes, 1185376);
    assert.equal(info.data?.model.backend, 'CPU');
    assert.ok((info.data?.model.parameterCount ?? 0) > 200_000);
    const unload = await postGraphQL<{ unloadModel: { state: string; memoryBytes: number } }>(t.graphqlUrl, 'mutation { unloadModel(id: "stories260k") { state memoryBytes } }', { token: tokens.ADMIN });
    expect(unload.data?.unloadModel).toEqual({ state: 'UNLOADED', memoryBytes: 0 });
  });
});
