/**
 * What the response cache saves: a greedy request answered by the model (a miss) against the same request answered
 * again (a hit), in the same run, on stories260K and SmolLM2-135M (when present). Three paths: the engine interface
 * with the in-process store; with Redis behind it (REDIS_URL, default redis://127.0.0.1:6379; the hit is read from
 * Redis by a second decorator whose own LRU is empty, as another replica would); and REST through a whole engine
 * (auth, rate limits, guardrails on the prompt and the answer). Prints medians and hit ÷ miss.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/responseCache.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config.js';
import { createEngine } from '../src/composition/createEngine.js';
import { createLogger } from '../src/logger.js';
import { createInferenceService } from '../src/inference/InferenceService.js';
import type { GenerateRequest, InferenceEngine } from '../src/inference/types.js';
import { CachedInference } from '../src/responseCache/CachedInference.js';
import { createResponseStore } from '../src/responseCache/ResponseStore.js';
import { hasSmolLm2, sharedModelsDir } from '../test/support/paths.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MAX_TOKENS = 64;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const manifest = path.resolve('models/manifest.json');
const storeConfig = { maxEntries: 1000, maxBytes: 32 << 20, maxValueBytes: 256 << 10, ttlSeconds: 600 };

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(3) : ms.toFixed(1));

async function timed<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

function report(label: string, miss: number[], hit: number[]): void {
  console.log(`${label.padEnd(46)} miss ${fmt(median(miss)).padStart(8)} ms   hit ${fmt(median(hit)).padStart(8)} ms   hit ÷ miss ${(median(hit) / median(miss)).toFixed(4)}`);
}

/** Miss on `first`, hit on `second` (the same decorator, or another one sharing its Redis). */
async function engineLevel(label: string, first: InferenceEngine, second: InferenceEngine, model: string): Promise<void> {
  const miss: number[] = [];
  const hit: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const request: GenerateRequest = { model, prompt: `Once upon a time ${round} ${randomUUID().slice(0, 6)}`, maxTokens: MAX_TOKENS, temperature: 0 };
    const [m, cold] = await timed(() => first.generate(request, { cacheScope: 'user:bench' }));
    const [h, warm] = await timed(() => second.generate(request, { cacheScope: 'user:bench' }));
    if (cold.usage.cached || !warm.usage.cached || warm.text !== cold.text) throw new Error(`${label}: expected a miss then a hit with the same text`);
    miss.push(m);
    hit.push(h);
  }
  report(label, miss, hit);
}

async function overRest(model: string, prefix: string): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-rc-'));
  const secret = 'bench-secret-that-is-long-enough-0123456789';
  const config = loadConfig({
    PORT: '0', JWT_SECRET: secret, LOG_LEVEL: 'silent', OET_KNOWLEDGE_PRELOAD: 'false', OET_MODELS_DIR: sharedModelsDir, OET_LLAMA_THREADS: '1',
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, OET_DEV_KEY_FILE: path.join(dir, 'key'), OET_RATE_LIMIT_AI_PER_MINUTE: '100000',
    OET_RESPONSE_CACHE: 'on', REDIS_URL: redisUrl, OET_RESPONSE_CACHE_PREFIX: prefix, OET_RATE_LIMIT_PREFIX: `${prefix}-rl`,
  });
  const engine = await createEngine(config, { logger: createLogger('silent') });
  const { url } = await engine.start();
  const token = await new SignJWT({ roles: ['LEARNER'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench-user').setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));
  const post = async (prompt: string) => {
    const res = await fetch(`${url}/api/v1/llm/generate`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ model, prompt, max_tokens: MAX_TOKENS, temperature: 0 }) });
    if (res.status !== 200) throw new Error(`REST answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { text: string; usage: { cached: boolean } };
  };
  try {
    await post('warm-up'); // loads the model
    const miss: number[] = [];
    const hit: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const prompt = `Once upon a time ${round} ${randomUUID().slice(0, 6)}`;
      const [m, cold] = await timed(() => post(prompt));
      const [h, warm] = await timed(() => post(prompt));
      if (cold.usage.cached || !warm.usage.cached || warm.text !== cold.text) throw new Error('REST: expected a miss then a hit with the same text');
      miss.push(m);
      hit.push(h);
    }
    report(`${model}: REST, whole engine`, miss, hit);
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const prefix = `bench-rc-${randomUUID().slice(0, 8)}`;
  const service = createInferenceService({ modelsDirs: [sharedModelsDir], manifestPath: manifest, config: { memoryBudgetBytes: undefined, threads: 1, parallelSequences: 2, maxQueue: 64, requestTimeoutMs: 120_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 10 } });
  await service.refresh();
  const local = new CachedInference(service, { store: createResponseStore({ config: { ...storeConfig, prefix } }), scope: 'user' });
  const replicaA = new CachedInference(service, { store: createResponseStore({ config: { ...storeConfig, prefix }, redisUrl }), scope: 'user' });
  const replicaB = new CachedInference(service, { store: createResponseStore({ config: { ...storeConfig, prefix }, redisUrl }), scope: 'user' });
  const models = ['stories260k', ...(hasSmolLm2 ? ['smollm2-135m-instruct'] : [])];
  console.log(`response cache: ${ROUNDS} rounds, greedy, ${MAX_TOKENS} tokens, 1 thread, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  try {
    for (const model of models) {
      await service.generate({ model, prompt: 'warm-up', maxTokens: 4, temperature: 0 });
      await new Promise((r) => setTimeout(r, 200)); // Redis connections ready
      await engineLevel(`${model}: engine, in-process`, local, local, model);
      await engineLevel(`${model}: engine, Redis (other replica)`, replicaA, replicaB, model);
    }
    await service.dispose();
    for (const model of models) await overRest(model, prefix);
  } finally {
    await Promise.all([local.dispose(), replicaA.dispose(), replicaB.dispose()].map((p) => p.catch(() => undefined)));
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

await main();
