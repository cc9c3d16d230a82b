import { copyFile, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { hasSmolLm2, hasStories260k, stories260kPath } from '../support/paths.js';
import { ErrorCode, isDomainError } from '../../src/errors.js';
import { createInferenceService, type InferenceService } from '../../src/inference/InferenceService.js';
import type { GenerateRequest, GenerationChunk } from '../../src/inference/types.js';
import { CachedInference, type ResponseCacheOutcome } from '../../src/responseCache/CachedInference.js';
import { createResponseStore, type ResponseStore } from '../../src/responseCache/ResponseStore.js';
import { startService, tempDir, testConfig } from './support.js';

const storeConfig = { maxEntries: 100, maxBytes: 1 << 20, maxValueBytes: 64 * 1024, ttlSeconds: 600, prefix: 'unused' };

/** A decorator over the real service with its own in-process store, recording each outcome. */
function cachedOver(service: InferenceService, scope: 'user' | 'shared', config: Partial<typeof storeConfig> = {}) {
  const outcomes: ResponseCacheOutcome[] = [];
  const store: ResponseStore = createResponseStore({ config: { ...storeConfig, ...config } });
  const engine = new CachedInference(service, { store, scope, onOutcome: (e) => outcomes.push(e.outcome) });
  return { engine, store, outcomes };
}

const greedy = (prompt: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({ model: 'tiny', prompt, maxTokens: 24, temperature: 0, ...extra });

async function drain(stream: AsyncIterable<GenerationChunk>): Promise<GenerationChunk[]> {
  const chunks: GenerationChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

skipWhen(!(hasStories260k && hasSmolLm2) && 'stories260K.gguf or SmolLM2 is missing').describe('response cache over the real engine (stories260K)', () => {
  let service: InferenceService;
  let generations = 0;
  beforeAll(async () => {
    service = await startService({ parallelSequences: 2 }, { observer: { onGeneration: () => void generations++ } });
    await service.loadModel('tiny');
  });
  afterAll(() => service.dispose());

  it('answers a repeated greedy request from the cache: same text, marked cached, the model not asked again', async () => {
    const { engine, outcomes } = cachedOver(service, 'user');
    const before = generations;
    const first = await engine.generate(greedy('Once upon a time'), { cacheScope: 'user:a' });
    const second = await engine.generate(greedy('Once upon a time'), { cacheScope: 'user:a' });
    expect(generations - before).toBe(1);
    expect(first.usage.cached).toBeUndefined();
    expect(first.usage.completionTokens).toBeGreaterThan(0);
    expect(second.usage.cached).toBe(true);
    expect(second.text).toBe(first.text);
    expect(second.finishReason).toBe(first.finishReason);
    expect(second.usage.completionTokens).toBe(first.usage.completionTokens);
    expect(outcomes).toEqual(['miss', 'stored', 'hit']);
    expect(second.alias).toBe('tiny');
    // `tiny` is an alias of stories260k: asked by the model's id, the same entry answers, reported without the alias.
    const byId = await engine.generate(greedy('Once upon a time', { model: 'stories260k' }), { cacheScope: 'user:a' });
    expect(byId.usage.cached).toBe(true);
    expect(byId.alias).toBeNull();
  });

  it('never caches through an alias split between two models (each request draws its variant)', async () => {
    const { engine, outcomes } = cachedOver(service, 'user');
    service.setAlias('rc-split', [{ modelId: 'stories260k', weight: 1 }, { modelId: 'smollm2-135m-instruct', weight: 1 }]);
    await engine.generate(greedy('Hello', { model: 'rc-split', maxTokens: 1 }), { cacheScope: 'user:a' });
    expect(outcomes).toEqual([]);
    service.setAlias('rc-split', [{ modelId: 'stories260k', weight: 1 }]);
    await engine.generate(greedy('Hello', { model: 'rc-split', maxTokens: 1 }), { cacheScope: 'user:a' });
    expect(outcomes).toEqual(['miss', 'stored']);
  });

  it("keeps users' answers apart under scope=user and shares them under scope=shared", async () => {
    const perUser = cachedOver(service, 'user');
    const a = await perUser.engine.generate(greedy('The little dog'), { cacheScope: 'user:a' });
    const b = await perUser.engine.generate(greedy('The little dog'), { cacheScope: 'user:b' });
    expect(b.usage.cached).toBeUndefined();
    expect(b.text).toBe(a.text);
    // No scope (an internal caller) under the user policy: never cached.
    await perUser.engine.generate(greedy('The little dog'));
    const internal = await perUser.engine.generate(greedy('The little dog'));
    expect(internal.usage.cached).toBeUndefined();

    const shared = cachedOver(service, 'shared');
    await shared.engine.generate(greedy('The little dog'), { cacheScope: 'user:a' });
    const other = await shared.engine.generate(greedy('The little dog'), { cacheScope: 'user:b' });
    expect(other.usage.cached).toBe(true);
    expect(other.text).toBe(a.text);
  });

  it('never caches a sampled request without a seed, and caches a seeded one', async () => {
    const { engine, outcomes } = cachedOver(service, 'user');
    const sampled: GenerateRequest = { model: 'tiny', prompt: 'A cat', maxTokens: 16, temperature: 0.9 };
    await engine.generate(sampled, { cacheScope: 'user:a' });
    const again = await engine.generate(sampled, { cacheScope: 'user:a' });
    expect(again.usage.cached).toBeUndefined();
    expect(outcomes).toEqual([]);

    const seeded: GenerateRequest = { ...sampled, seed: 7 };
    const first = await engine.generate(seeded, { cacheScope: 'user:a' });
    const second = await engine.generate(seeded, { cacheScope: 'user:a' });
    expect(second.usage.cached).toBe(true);
    expect(second.text).toBe(first.text);
    // Another seed, or another parameter, is another entry.
    expect((await engine.generate({ ...seeded, seed: 8 }, { cacheScope: 'user:a' })).usage.cached).toBeUndefined();
    expect((await engine.generate({ ...seeded, topP: 0.5 }, { cacheScope: 'user:a' })).usage.cached).toBeUndefined();
  });

  it('replays a stream: the same text, then a final chunk marked cached', async () => {
    const { engine } = cachedOver(service, 'user');
    const cold = await drain(engine.generateStream(greedy('Lily went'), { cacheScope: 'user:a' }));
    const warm = await drain(engine.generateStream(greedy('Lily went'), { cacheScope: 'user:a' }));
    const coldText = cold.map((c) => c.text).join('');
    expect(cold.at(-1)!.result!.usage.cached).toBeUndefined();
    expect(warm.map((c) => c.text).join('')).toBe(coldText);
    expect(warm.at(-1)!.done).toBe(true);
    expect(warm.at(-1)!.result!.text).toBe(coldText);
    expect(warm.at(-1)!.result!.usage.cached).toBe(true);
    // A plain generate of the same request is answered by the entry the stream stored.
    expect((await engine.generate(greedy('Lily went'), { cacheScope: 'user:a' })).usage.cached).toBe(true);
  });

  it('stores neither a timed-out nor a cancelled answer', async () => {
    const { engine, store } = cachedOver(service, 'user');
    // A timeout while generating resolves with the partial text; it must not be what the next request gets.
    const long = greedy('Once upon a time there was', { maxTokens: 200 });
    let timedOut = false;
    for (let timeoutMs = 5; timeoutMs <= 80 && !timedOut; timeoutMs *= 2) {
      const result = await engine.generate({ ...long, timeoutMs }, { cacheScope: 'user:t' }).catch((error: unknown) => {
        if (isDomainError(error) && error.code === ErrorCode.TIMEOUT) return undefined; // timed out before generating
        throw error;
      });
      timedOut = result?.finishReason === 'timeout';
    }
    expect(timedOut).toBe(true);
    expect(store.localEntries).toBe(0);

    const controller = new AbortController();
    const stream = engine.generateStream(long, { cacheScope: 'user:t', signal: controller.signal });
    await expect(
      (async () => {
        for await (const chunk of stream) if (!chunk.done) controller.abort();
      })(),
    ).rejects.toMatchObject({ code: ErrorCode.CANCELLED });
    expect(store.localEntries).toBe(0);
    const full = await engine.generate(long, { cacheScope: 'user:t' });
    expect(full.usage.cached).toBeUndefined();
    expect(full.finishReason).not.toBe('timeout');
    expect(store.localEntries).toBe(1);
  });

  it('decodes identical requests that arrive together once: the others wait for its answer', async () => {
    const { engine, outcomes } = cachedOver(service, 'user');
    const before = generations;
    const request = greedy('Tim and Sue', { maxTokens: 48 });
    const answers = await Promise.all([1, 2, 3].map(() => engine.generate(request, { cacheScope: 'user:a' })));
    expect(generations - before).toBe(1);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    // Whichever lookup settles first leads (lookups are async, so not necessarily the first call); the other two join.
    expect(answers.filter((a) => a.usage.cached === true)).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'joined')).toHaveLength(2);
  });

  it('a waiting request runs itself when the one it waited for is cancelled', async () => {
    const { engine, outcomes } = cachedOver(service, 'user');
    const request = greedy('Tim and Sue went', { maxTokens: 200 });
    const controller = new AbortController();
    const before = generations;
    const leader = engine.generate(request, { cacheScope: 'user:a', signal: controller.signal });
    const follower = engine.generate(request, { cacheScope: 'user:a' });
    // Both looked up (two misses): the leader is generating and the follower waits for it. Then the leader is cancelled.
    while (outcomes.length < 2) await new Promise((r) => setImmediate(r));
    expect(outcomes).toEqual(['miss', 'miss']);
    controller.abort();
    await expect(leader).rejects.toMatchObject({ code: ErrorCode.CANCELLED });
    const answer = await follower;
    expect(answer.usage.cached).toBeUndefined();
    expect(answer.usage.completionTokens).toBeGreaterThan(0);
    expect(generations - before).toBe(1); // the cancelled one reports no generation
    expect(outcomes).toEqual(['miss', 'miss', 'stored']);
  });

  it('holds at most maxEntries answers, dropping the least recently used', async () => {
    const { engine, store } = cachedOver(service, 'user', { maxEntries: 3 });
    const prompts = ['One', 'Two', 'Three', 'Four', 'Five'];
    for (const prompt of prompts) await engine.generate(greedy(prompt, { maxTokens: 4 }), { cacheScope: 'user:a' });
    expect(store.localEntries).toBe(3);
    expect((await engine.generate(greedy('Five', { maxTokens: 4 }), { cacheScope: 'user:a' })).usage.cached).toBe(true);
    expect((await engine.generate(greedy('One', { maxTokens: 4 }), { cacheScope: 'user:a' })).usage.cached).toBeUndefined();
  });
});

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('response cache and a changed model file', () => {
  let service: InferenceService;
  let dir: Awaited<ReturnType<typeof tempDir>>;
  let file: string;
  beforeAll(async () => {
    dir = await tempDir();
    file = path.join(dir.dir, 'stories260K.gguf');
    await copyFile(stories260kPath, file);
    service = createInferenceService({ modelsDirs: [dir.dir], manifestPath: path.join(dir.dir, 'manifest.json'), contextSize: 256, config: testConfig() });
    await service.refresh();
  });
  afterAll(async () => {
    await service.dispose();
    await dir.remove();
  });

  it('misses once the file is replaced (a new modification time), then caches again', async () => {
    const { engine } = cachedOver(service, 'user');
    const request = greedy('Once upon a time', { model: 'stories260k' });
    await engine.generate(request, { cacheScope: 'user:a' });
    expect((await engine.generate(request, { cacheScope: 'user:a' })).usage.cached).toBe(true);
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect((await engine.generate(request, { cacheScope: 'user:a' })).usage.cached).toBeUndefined();
    expect((await engine.generate(request, { cacheScope: 'user:a' })).usage.cached).toBe(true);
  });
});

describe('response cache keys', () => {
  it('hash a canonical form of every input: key order is irrelevant, scope, input and file version are not', async () => {
    const { responseCacheKey, canonicalJson } = await import('../../src/responseCache/cacheKey.js');
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe('{"a":{"d":[1,{"e":3,"f":2}]},"b":1}');
    const version = { modelId: 'm', sha256: null, path: '/m.gguf', sizeBytes: 1, modifiedMs: 1 };
    const key = (r: GenerateRequest, scope = 'user:a') => responseCacheKey(r, version, scope);
    expect(key({ prompt: 'x', temperature: 0, jsonSchema: { type: 'object', required: ['a'] } })).toBe(key({ jsonSchema: { required: ['a'], type: 'object' }, temperature: 0, prompt: 'x' }));
    expect(key({ prompt: 'x', temperature: 0 })).not.toBe(key({ prompt: 'x', temperature: 0 }, 'user:b'));
    expect(key({ prompt: 'x', temperature: 0 })).not.toBe(key({ messages: [{ role: 'user', content: 'x' }], temperature: 0 }));
    expect(key({ prompt: 'x', temperature: 0 })).not.toBe(responseCacheKey({ prompt: 'x', temperature: 0 }, { ...version, modifiedMs: 2 }, 'user:a'));
  });
});
