import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import OpenAI from 'openai';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { hasMiniLm, hasStories260k } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { roleTokens } from '../support/tokens.js';

const missing = !hasStories260k || !hasMiniLm ? 'stories260K and all-MiniLM are needed in ../shared/models' : false;
const KEY_ENV = `OET_TEST_REMOTE_KEY_${process.pid}`;
const BAD_KEY_ENV = `OET_TEST_REMOTE_BAD_KEY_${process.pid}`;
const PROMPT = 'Once upon a time';

/** A port nothing listens on (a server that is down). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
}

skipWhen(missing).describe('remote backend: a model id served by another engine over its OpenAI-compatible /v1', () => {
  let remote: TestEngine;
  let local: TestEngine;
  let hung: net.Server;
  const hungSockets = new Set<net.Socket>();
  let dir: string;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    // The "GPU box": a second engine with the real models.
    remote = await startTestEngine({ OET_PARALLEL_SEQUENCES: '2' });
    tokens = await roleTokens();
    process.env[KEY_ENV] = tokens.SERVICE;
    process.env[BAD_KEY_ENV] = 'not-a-token';
    // A server that accepts connections and never answers (a hung box).
    hung = net.createServer((socket) => hungSockets.add(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const baseUrl = `${remote.url}/v1`;
    dir = mkdtempSync(path.join(os.tmpdir(), 'oet-remote-'));
    const manifest = {
      models: [],
      aliases: { 'gpu-default': [{ modelId: 'remote-tiny', weight: 1 }] },
      remoteModels: [
        { id: 'remote-tiny', remote: { baseUrl, model: 'tiny', apiKeyEnv: KEY_ENV } },
        { id: 'remote-embedder', task: 'feature-extraction', remote: { baseUrl, model: 'embedder', apiKeyEnv: KEY_ENV } },
        { id: 'remote-down', remote: { baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, model: 'tiny' } },
        { id: 'remote-bad-key', remote: { baseUrl, model: 'tiny', apiKeyEnv: BAD_KEY_ENV } },
        { id: 'remote-unknown', remote: { baseUrl, model: 'no-such-model', apiKeyEnv: KEY_ENV } },
        { id: 'remote-hung', remote: { baseUrl: `http://127.0.0.1:${(hung.address() as net.AddressInfo).port}/v1`, model: 'tiny', timeoutMs: 400 } },
      ],
    };
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
    // The API box: no model files at all, only the manifest.
    local = await startTestEngine({ OET_MODELS_DIR: dir, OET_MODEL_MANIFEST: path.join(dir, 'manifest.json') });
  });
  afterAll(async () => {
    await local?.stop();
    await remote?.stop();
    for (const socket of hungSockets) socket.destroy();
    await new Promise<void>((resolve) => (hung ? hung.close(() => resolve()) : resolve()));
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env[KEY_ENV];
    delete process.env[BAD_KEY_ENV];
  });

  const inference = () => local.engine.services.inference;
  const remoteAudit = async (operation: string) =>
    (await postGraphQL<{ auditLog: { outcome: string; errorCode: string | null; actorId: string }[] }>(remote.graphqlUrl, 'query($op: String) { auditLog(operation: $op) { outcome errorCode actorId } }', { token: tokens.ADMIN, variables: { op: operation } })).data?.auditLog ?? [];

  it('health: loading a remote model pings its server; ModelInfo says REMOTE and ready, or failed with the reason', async () => {
    const info = await inference().loadModel('remote-tiny');
    expect({ format: info.format, backend: info.backend, state: info.state, path: info.path, name: info.name }).toEqual({ format: 'remote', backend: 'remote', state: 'ready', path: `${remote.url}/v1`, name: 'tiny' });
    const gql = await postGraphQL<{ model: { format: string; backend: string; state: string; aliases: string[] } }>(local.graphqlUrl, '{ model(id: "remote-tiny") { format backend state aliases } }', { token: tokens.LEARNER });
    expect(gql.data?.model).toEqual({ format: 'REMOTE', backend: 'REMOTE', state: 'READY', aliases: ['gpu-default'] });

    await expect(inference().loadModel('remote-unknown')).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });
    expect(inference().getModel('remote-unknown')).toMatchObject({ state: 'failed', error: expect.stringContaining('does not list model "no-such-model"') });
  });

  it('generates through the remote server: the same greedy text as asking it directly, whole and streamed, by id and by alias', async () => {
    const direct = await remote.engine.services.inference.generate({ model: 'tiny', prompt: PROMPT, temperature: 0, maxTokens: 12 });
    const whole = await inference().generate({ model: 'remote-tiny', prompt: PROMPT, temperature: 0, maxTokens: 12 });
    expect(whole).toMatchObject({ text: direct.text, modelId: 'remote-tiny', alias: null, finishReason: 'length' });
    expect(whole.usage).toMatchObject({ promptTokens: direct.usage.promptTokens, completionTokens: 12 });

    let streamed = '';
    let last;
    for await (const chunk of inference().generateStream({ model: 'gpu-default', prompt: PROMPT, temperature: 0, maxTokens: 12 })) {
      streamed += chunk.text;
      if (chunk.done) last = chunk.result;
    }
    expect(streamed).toBe(direct.text);
    expect(last).toMatchObject({ modelId: 'remote-tiny', alias: 'gpu-default', finishReason: 'length', usage: { completionTokens: 12 } });

    const messages = [{ role: 'user' as const, content: 'Tell me a story.' }];
    const directChat = await remote.engine.services.inference.generate({ model: 'tiny', messages, temperature: 0, maxTokens: 10 });
    expect((await inference().generate({ model: 'remote-tiny', messages, temperature: 0, maxTokens: 10 })).text).toBe(directChat.text);

    // And end to end: a client of this engine's own /v1 API, served by the remote one.
    const client = new OpenAI({ apiKey: tokens.LEARNER, baseURL: `${local.url}/v1`, maxRetries: 0 });
    const viaApi = await client.completions.create({ model: 'remote-tiny', prompt: PROMPT, temperature: 0, max_tokens: 12 });
    expect(viaApi.choices[0]!.text).toBe(direct.text);
    // The remote side audits the engine's service account.
    expect((await remoteAudit('openai.completions'))[0]).toEqual({ outcome: 'SUCCESS', errorCode: null, actorId: 'service-1' });
  });

  it('applies stop sequences on this side: the same text as a local stop, and finishReason stopSequence (not the server\'s plain stop)', async () => {
    const request = { prompt: PROMPT, temperature: 0, maxTokens: 40 };
    const full = await remote.engine.services.inference.generate({ model: 'tiny', ...request });
    const stop = full.text.trim().split(/\s+/)[3]!;
    const direct = await remote.engine.services.inference.generate({ model: 'tiny', ...request, stop: [stop] });
    expect(direct.finishReason).toBe('stopSequence');
    const viaRemote = await inference().generate({ model: 'remote-tiny', ...request, stop: [stop] });
    expect({ text: viaRemote.text, finishReason: viaRemote.finishReason }).toEqual({ text: direct.text, finishReason: 'stopSequence' });
    let streamed = '';
    for await (const chunk of inference().generateStream({ model: 'remote-tiny', ...request, stop: [stop] })) streamed += chunk.text;
    expect(streamed).toBe(direct.text);
  });

  it('embeds through the remote server: the same vectors as asking it directly', async () => {
    const texts = ['The patient has chest pain.', 'The invoice is due on Friday.'];
    const direct = await remote.engine.services.inference.embed({ model: 'embedder', texts });
    const vectors = await inference().embed({ model: 'remote-embedder', texts });
    expect(vectors).toHaveLength(2);
    expect(vectors[0]).toHaveLength(384);
    vectors.forEach((v, i) => v.forEach((x, j) => expect(Math.abs(x - direct[i]![j]!)).toBeLessThan(1e-6)));
    await expect(inference().embed({ model: 'remote-tiny', texts })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('leaving a stream mid-way stops the generation on the remote server and frees its sequence', async () => {
    let chunks = 0;
    let activeOnRemote = -1;
    for await (const chunk of inference().generateStream({ model: 'remote-tiny', prompt: PROMPT, temperature: 0.8, maxTokens: 2000 })) {
      chunks += chunk.done ? 0 : 1;
      if (chunks === 3) {
        activeOnRemote = remote.engine.services.inference.stats().activeSequences;
        break;
      }
    }
    expect(activeOnRemote).toBe(1);
    expect(await until(() => remote.engine.services.inference.stats().activeSequences === 0)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect((await remoteAudit('openai.completions'))[0]).toEqual({ outcome: 'FAILURE', errorCode: 'CANCELLED', actorId: 'service-1' });

    // An AbortSignal does the same for a whole (non-streamed) call.
    const controller = new AbortController();
    const running = inference().generate({ model: 'remote-tiny', prompt: PROMPT, temperature: 0.8, maxTokens: 2000 }, { signal: controller.signal });
    expect(await until(() => remote.engine.services.inference.stats().activeSequences === 1)).toBe(true);
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await until(() => remote.engine.services.inference.stats().activeSequences === 0)).toBe(true);
  });

  it('a server that is down, refuses the key or never answers gives a clear error and a failed state, naming no URL', async () => {
    const down = await inference().generate({ model: 'remote-down', prompt: PROMPT }).catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('unreachable (connection refused)') });
    expect((down as Error).message).not.toContain('127.0.0.1');
    expect(inference().getModel('remote-down')).toMatchObject({ state: 'failed', error: expect.stringContaining('unreachable') });
    await expect(inference().loadModel('remote-down')).rejects.toMatchObject({ code: 'MODEL_LOAD_FAILED' });

    const client = new OpenAI({ apiKey: tokens.LEARNER, baseURL: `${local.url}/v1`, maxRetries: 0 });
    await expect(client.chat.completions.create({ model: 'remote-down', messages: [{ role: 'user', content: 'hi' }] })).rejects.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });

    const refused = await inference().generate({ model: 'remote-bad-key', prompt: PROMPT }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('credentials') });
    expect(inference().getModel('remote-bad-key')?.state).toBe('failed');

    const started = Date.now();
    await expect(inference().generate({ model: 'remote-hung', prompt: PROMPT })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a timeout during generation keeps the text so far (finishReason timeout) and frees the remote sequence', async () => {
    // 600 ms: well after the first token even on a loaded machine, well before 2,000 tokens of stories260K.
    const result = await inference().generate({ model: 'remote-tiny', prompt: PROMPT, temperature: 0.8, maxTokens: 2000, timeoutMs: 600 });
    expect(result.finishReason).toBe('timeout');
    expect(result.usage.completionTokens).toBeLessThan(2000);
    expect(await until(() => remote.engine.services.inference.stats().activeSequences === 0)).toBe(true);
  });
});
