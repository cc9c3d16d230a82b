import { afterAll, beforeAll, expect, it } from '@jest/globals';
import OpenAI, { AuthenticationError, BadRequestError, NotFoundError } from 'openai';
import { openDatabase } from '../../src/persistence/database.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { hasMiniLm, hasSmolLm2, hasStories260k } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { roleTokens } from '../support/tokens.js';

const missing = !hasStories260k || !hasSmolLm2 || !hasMiniLm ? 'stories260K, SmolLM2 and all-MiniLM are needed in ../shared/models' : false;

async function untilIdle(t: TestEngine, timeoutMs = 5_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let active = t.engine.services.inference.stats().activeSequences;
  while (active !== 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    active = t.engine.services.inference.stats().activeSequences;
  }
  return active;
}

skipWhen(missing).describe('OpenAI-compatible /v1 API through the official openai client', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  let client: OpenAI;
  beforeAll(async () => {
    t = await startTestEngine({ OET_PARALLEL_SEQUENCES: '2' });
    tokens = await roleTokens();
    client = new OpenAI({ apiKey: tokens.LEARNER, baseURL: `${t.url}/v1`, maxRetries: 0 });
  });
  afterAll(() => t?.stop());

  const audit = async (operation: string) =>
    (await postGraphQL<{ auditLog: { outcome: string; errorCode: string | null; modelId: string | null; actorId: string }[] }>(t.graphqlUrl, 'query($op: String) { auditLog(operation: $op) { outcome errorCode modelId actorId } }', { token: tokens.ADMIN, variables: { op: operation } })).data?.auditLog ?? [];

  it('lists the generation and embedding models and their aliases, not the classifiers', async () => {
    const ids = (await client.models.list()).data.map((m) => m.id);
    for (const id of ['stories260k', 'smollm2-135m-instruct', 'all-minilm-l6-v2-int8', 'tiny', 'default', 'embedder']) expect(ids).toContain(id);
    expect(ids).not.toContain('clinical-ner');
    expect((await client.models.retrieve('tiny')).id).toBe('tiny');
    await expect(client.models.retrieve('no-such-model')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('chat completion runs the chat template: the same greedy text as the engine, usage and finish reason', async () => {
    const messages = [
      { role: 'system' as const, content: 'You are a concise assistant.' },
      { role: 'user' as const, content: 'Name one organ of the human body.' },
    ];
    const chat = await client.chat.completions.create({ model: 'smollm2-135m-instruct', messages, temperature: 0, max_tokens: 12 });
    const direct = await t.engine.services.inference.generate({ model: 'smollm2-135m-instruct', messages, temperature: 0, maxTokens: 12 });
    expect(chat.object).toBe('chat.completion');
    expect(chat.model).toBe('smollm2-135m-instruct');
    expect(chat.choices).toHaveLength(1);
    expect(chat.choices[0]!.message.role).toBe('assistant');
    expect(chat.choices[0]!.message.content).toBe(direct.text);
    expect(direct.text.length).toBeGreaterThan(0);
    expect(chat.choices[0]!.finish_reason).toBe(direct.finishReason === 'length' ? 'length' : 'stop');
    expect(chat.usage).toEqual({ prompt_tokens: direct.usage.promptTokens, completion_tokens: direct.usage.completionTokens, total_tokens: direct.usage.promptTokens + direct.usage.completionTokens });
    const rows = await audit('openai.chat.completions');
    expect(rows[0]).toEqual({ outcome: 'SUCCESS', errorCode: null, modelId: 'smollm2-135m-instruct', actorId: 'learner-1' });
    // The generation record (usage, no text) as every other API writes it.
    const db = await openDatabase(t.databaseUrl);
    try {
      const records = await db.prisma.generationRecord.findMany({ where: { ownerId: 'learner-1', modelId: 'smollm2-135m-instruct' } });
      expect(records.map((r) => ({ completionTokens: r.completionTokens, promptTokens: r.promptTokens }))).toContainEqual({ completionTokens: direct.usage.completionTokens, promptTokens: direct.usage.promptTokens });
    } finally {
      await db.close();
    }
  });

  it('response_format json_schema constrains the output to the schema', async () => {
    const chat = await client.chat.completions.create({
      model: 'smollm2-135m-instruct',
      messages: [{ role: 'user', content: 'Is the heart an organ? Answer in JSON.' }],
      temperature: 0,
      max_tokens: 40,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema: { type: 'object', properties: { answer: { enum: ['yes', 'no'] } }, required: ['answer'] } } },
    });
    const parsed = JSON.parse(chat.choices[0]!.message.content ?? '') as { answer: string };
    expect(['yes', 'no']).toContain(parsed.answer);
    await expect(client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'x' }], response_format: { type: 'json_object' } })).rejects.toMatchObject({ status: 400, param: 'response_format' });
  });

  it('a streamed chat reassembles to the non-streamed greedy text, with the usage chunk when asked', async () => {
    const request = { model: 'smollm2-135m-instruct', messages: [{ role: 'user' as const, content: 'Say hello to a patient.' }], temperature: 0, max_tokens: 16 };
    const whole = await client.chat.completions.create(request);
    const stream = await client.chat.completions.create({ ...request, stream: true, stream_options: { include_usage: true } });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(whole.choices[0]!.message.content);
    const ends = chunks.filter((c) => c.choices[0]?.finish_reason);
    expect(ends.map((c) => c.choices[0]!.finish_reason)).toEqual([whole.choices[0]!.finish_reason]);
    // include_usage: the last chunk has no choices and the usage; every other chunk has usage null.
    expect(chunks.at(-1)!.choices).toEqual([]);
    expect(chunks.at(-1)!.usage).toEqual(whole.usage);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('legacy completions: prompt text, stop strings, streaming that matches', async () => {
    const whole = await client.completions.create({ model: 'tiny', prompt: 'Once upon a time', temperature: 0, max_tokens: 12 });
    const direct = await t.engine.services.inference.generate({ model: 'tiny', prompt: 'Once upon a time', temperature: 0, maxTokens: 12 });
    expect(whole.object).toBe('text_completion');
    expect(whole.model).toBe('stories260k');
    expect(whole.choices[0]!.text).toBe(direct.text);
    expect(whole.choices[0]!.finish_reason).toBe('length');
    expect(whole.usage?.completion_tokens).toBe(12);

    // A stop string taken from the greedy text cuts it there.
    const word = direct.text.trim().split(/\s+/)[1]!;
    const stopped = await client.completions.create({ model: 'tiny', prompt: 'Once upon a time', temperature: 0, max_tokens: 12, stop: word });
    expect(stopped.choices[0]!.finish_reason).toBe('stop');
    expect(direct.text.startsWith(stopped.choices[0]!.text)).toBe(true);
    expect(stopped.choices[0]!.text.length).toBeLessThan(direct.text.length);

    const stream = await client.completions.create({ model: 'tiny', prompt: 'Once upon a time', temperature: 0, max_tokens: 12, stream: true });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe(direct.text);
    expect(finish).toBe('length');
  });

  it('embeddings: 384-dimensional unit vectors, the same in base64 (the client default) and float', async () => {
    const input = ['The patient has chest pain.', 'Patient complains of pain in the chest.'];
    const decoded = await client.embeddings.create({ model: 'embedder', input });
    const floats = await client.embeddings.create({ model: 'embedder', input, encoding_format: 'float' });
    expect(decoded.model).toBe('all-minilm-l6-v2-int8');
    expect(decoded.data.map((d) => d.index)).toEqual([0, 1]);
    for (const [i, d] of decoded.data.entries()) {
      expect(d.embedding).toHaveLength(384);
      expect(Math.abs(d.embedding.reduce((s, v) => s + v * v, 0) - 1)).toBeLessThan(1e-3);
      floats.data[i]!.embedding.forEach((v, j) => expect(Math.abs(v - d.embedding[j]!)).toBeLessThan(1e-6));
    }
    await expect(client.embeddings.create({ model: 'embedder', input: 'x', dimensions: 128 })).rejects.toMatchObject({ status: 400, param: 'dimensions' });
    await expect(client.embeddings.create({ model: 'tiny', input: 'x' })).rejects.toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    expect((await audit('openai.embeddings'))[0]).toEqual(expect.objectContaining({ outcome: 'FAILURE', errorCode: 'BAD_USER_INPUT' }));
  });

  it('errors in OpenAI shape with our codes: bad token 401, unknown model 404, bad body 400', async () => {
    const stranger = new OpenAI({ apiKey: 'not-a-token', baseURL: `${t.url}/v1`, maxRetries: 0 });
    const denied = await stranger.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect(denied).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', type: 'authentication_error' });
    await expect(stranger.models.list()).rejects.toBeInstanceOf(AuthenticationError);

    const unknown = await client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ code: 'MODEL_NOT_FOUND', type: 'not_found_error' });
    // Streamed too: the error comes before the first event, so it keeps its status.
    await expect(client.completions.create({ model: 'no-such-model', prompt: 'x', stream: true })).rejects.toBeInstanceOf(NotFoundError);

    const twoChoices = await client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], n: 2 }).catch((e: unknown) => e);
    expect(twoChoices).toBeInstanceOf(BadRequestError);
    expect(twoChoices).toMatchObject({ code: 'BAD_USER_INPUT', param: 'n' });
    await expect(client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], temperature: 7 })).rejects.toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    await expect(client.chat.completions.create({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], tools: [{ type: 'function', function: { name: 'f' } }] })).rejects.toMatchObject({ status: 400, param: 'tools' });

    await expect(client.completions.create({ model: 'tiny', prompt: 'x'.repeat(t.engine.services.config.limits.maxTextChars + 1) })).rejects.toMatchObject({ status: 413, code: 'INPUT_TOO_LARGE' });

    const headers = { 'content-type': 'application/json', authorization: `Bearer ${tokens.LEARNER}` };
    const typo = await fetch(`${t.url}/v1/chat/completions`, { method: 'POST', headers, body: JSON.stringify({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }], temprature: 0 }) });
    expect(typo.status).toBe(400);
    const typoBody = (await typo.json()) as { error: { code: string; type: string; message: string } };
    expect(typoBody.error).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', type: 'invalid_request_error' }));
    expect(typoBody.error.message).toContain('temprature');
    const malformed = await fetch(`${t.url}/v1/completions`, { method: 'POST', headers, body: '{"model": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
    const nowhere = await fetch(`${t.url}/v1/assistants`, { headers });
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { error: { type: string } }).error.type).toBe('not_found_error');
  });

  it('aborting a stream through the client frees the sequence and is audited as CANCELLED', async () => {
    const controller = new AbortController();
    const stream = await client.completions.create({ model: 'tiny', prompt: 'Once upon a time', temperature: 0.8, max_tokens: 2000, stream: true }, { signal: controller.signal });
    let received = 0;
    let activeAtAbort = -1;
    // The client ends the iteration quietly on its own abort (no error): what matters is what the server did.
    for await (const chunk of stream) {
      received += chunk.choices.length;
      if (received === 3) {
        activeAtAbort = t.engine.services.inference.stats().activeSequences;
        controller.abort();
      }
    }
    expect(activeAtAbort).toBe(1);
    expect(received).toBeLessThan(2000);
    expect(await untilIdle(t)).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect((await audit('openai.completions'))[0]).toEqual(expect.objectContaining({ outcome: 'FAILURE', errorCode: 'CANCELLED' }));
  });
});
