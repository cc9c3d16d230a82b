import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';
import { skipWhen } from '../support/skipWhen.js';
import { hasSmolLm2, hasStories260k, repoRoot, sharedModelsDir } from '../support/paths.js';
import { testConfig } from '../inference/support.js';
import { createInferenceService } from '../../src/inference/InferenceService.js';
import { freePort, killChild, startRedis, uniquePrefix } from '../support/redisServer.js';
import { spawnEngine, type SpawnedEngine } from '../support/spawnEngine.js';
import { QueuedInference } from '../../src/queue/QueuedInference.js';
import { InferenceWorker } from '../../src/queue/worker/InferenceWorker.js';
import { bullConnection } from '../../src/queue/bullConnection.js';
import { Queue } from 'bullmq';
import type { QueueConfig } from '../../src/queue/QueueConfig.js';
import type { DomainError } from '../../src/errors.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const GREEDY = { model: 'stories260k', prompt: 'Once upon a time', temperature: 0, maxTokens: 60 };
const STREAM = 'subscription ($input: GenerateInput!) { generateStream(input: $input) { text done finishReason model } }';

/** About 75 s of SmolLM2 on a 2-core machine (it runs to maxTokens; a raw prompt would stop at once). */
const LONG = { model: 'smollm2-135m-instruct', messages: [{ role: 'user' as const, content: 'Write a long essay about the history of medicine.' }], temperature: 0, maxTokens: 1500 };

type Chunk = { generateStream: { text: string; done: boolean; finishReason: string | null; model: string | null } };

const queueConfig = (prefix: string, over: Partial<QueueConfig> = {}): QueueConfig => ({ prefix, maxWaiting: 256, workerConcurrency: 1, lockMillis: 10_000, heartbeatMillis: 300, keepFailed: 100, ...over });

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

skipWhen(!hasStories260k && 'stories260K is missing').describe('inference on BullMQ queues: api and worker roles', () => {
  const { prefix, cleanup } = uniquePrefix('queues');
  const env = { REDIS_URL, OET_QUEUE_PREFIX: prefix, OET_WORKER_HEARTBEAT_MS: '500', OET_QUEUE_LOCK_MS: '10000' };
  let worker: TestEngine;
  let api: TestEngine;
  let allInOne: TestEngine;
  let redis: Redis;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;

  beforeAll(async () => {
    tokens = await roleTokens();
    redis = new Redis(REDIS_URL);
    worker = await startTestEngine({ ...env, OET_ROLE: 'worker' });
    api = await startTestEngine({ ...env, OET_ROLE: 'api' });
    allInOne = await startTestEngine();
    // The api instance lists what the worker advertises.
    await until('the worker advertised', async () => ((await postGraphQL<{ models: { id: string }[] }>(api.graphqlUrl, '{ models { id } }', { token: tokens.LEARNER })).data?.models ?? []).some((m) => m.id === 'stories260k'));
  });
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await allInOne?.stop();
    await cleanup(REDIS_URL);
    redis?.disconnect();
  });

  it('a worker serves no GraphQL, only health, readiness and metrics', async () => {
    expect((await fetch(`${worker.url}/health`)).status).toBe(200);
    expect((await fetch(`${worker.url}/graphql`, { method: 'POST' })).status).toBe(404);
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    expect(metrics).toMatch(/oet_/);
  });

  it('generateStream on the api receives the worker\'s tokens in order: the all-in-one greedy text', async () => {
    const expected = await postGraphQL<{ generate: { text: string } }>(allInOne.graphqlUrl, 'mutation ($input: GenerateInput!) { generate(input: $input) { text } }', { token: tokens.LEARNER, variables: { input: GREEDY } });
    expect(expected.errors).toBeUndefined();
    const client = wsClient(api.wsUrl, tokens.LEARNER);
    try {
      const sub = collect<Chunk>(client, STREAM, { input: GREEDY });
      await until('the stream to end', () => sub.completed || sub.errors.length > 0, 60_000);
      expect(sub.errors).toEqual([]);
      const chunks = sub.values.map((v) => v.generateStream);
      expect(chunks.length).toBeGreaterThan(2);
      expect(chunks.at(-1)).toMatchObject({ done: true, model: 'stories260k' });
      expect(chunks.map((c) => c.text).join('')).toBe(expected.data!.generate.text);
    } finally {
      await client.dispose();
    }
  });

  it('embeddings go through the queue and equal the local ones', async () => {
    const texts = ['chest pain', 'shortness of breath'];
    const queued = await api.engine.services.inference.embed({ model: 'all-minilm-l6-v2-int8', texts });
    const local = await allInOne.engine.services.inference.embed({ model: 'all-minilm-l6-v2-int8', texts });
    expect(queued).toEqual(local);
  });

  skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').it('a subscriber that leaves cancels the job on the worker: its sequences are free at once', async () => {
    const client = wsClient(api.wsUrl, tokens.LEARNER);
    try {
      const sub = collect<Chunk>(client, STREAM, { input: { ...LONG, messages: [{ role: 'USER', content: LONG.messages[0]!.content }] } });
      await sub.waitFor(1, 60_000);
      expect(sub.errors).toEqual([]);
      expect(sub.values[0]?.generateStream.done).toBe(false);
      expect(worker.engine.services.inference.stats().activeSequences).toBe(1);
      sub.unsubscribe();
      const left = Date.now();
      await until('the worker to free its sequence', () => worker.engine.services.inference.stats().activeSequences === 0, 10_000);
      // 1,500 tokens of SmolLM2 take far longer than the time it took to stop.
      expect(Date.now() - left).toBeLessThan(5_000);
      // The cancelled job is kept with the failed ones, for inspection.
      const failedQueue = new Queue('inference', { prefix: `${prefix}:bull`, connection: bullConnection(REDIS_URL) });
      try {
        await until('the cancelled job kept as failed', async () => (await failedQueue.getFailed()).some((j) => /^CANCELLED/.test(j.failedReason))).catch(async (e: Error) => {
          throw new Error(`${e.message}: ${JSON.stringify(await failedQueue.getJobCounts())} ${JSON.stringify((await failedQueue.getFailed()).map((j) => j.failedReason))}`);
        });
      } finally {
        await failedQueue.close();
      }
    } finally {
      await client.dispose();
    }
  });

  it('QUEUE_FULL when the bounded queue is full; the waiting jobs leave it when their callers give up', async () => {
    const { prefix: p2, cleanup: clean2 } = uniquePrefix('full');
    const queued = new QueuedInference({ redis, redisUrl: REDIS_URL, config: queueConfig(p2, { maxWaiting: 2 }), requestTimeoutMs: 60_000 });
    const controller = new AbortController();
    try {
      // No worker on this prefix: the jobs wait.
      const waiting = [queued.generate(GREEDY, { signal: controller.signal }), queued.generate(GREEDY, { signal: controller.signal })];
      waiting.forEach((p) => p.catch(() => undefined));
      await until('two jobs waiting', async () => (await queued.refresh(), queued.stats().queueDepth === 2));
      const third = await queued.generate(GREEDY).then(() => null, (e: DomainError) => e);
      expect(third?.code).toBe('QUEUE_FULL');
      expect(third?.message).toMatch(/2 jobs wait/);
      controller.abort();
      for (const p of waiting) expect(((await p.catch((e: unknown) => e)) as DomainError).code).toBe('CANCELLED');
      await until('the queue to be empty', async () => (await queued.refresh(), queued.stats().queueDepth === 0));
    } finally {
      await queued.dispose();
      await clean2(REDIS_URL);
    }
  });

  it('interactive jobs are taken before background ones that waited longer', async () => {
    const { prefix: p3, cleanup: clean3 } = uniquePrefix('prio');
    const queued = new QueuedInference({ redis, redisUrl: REDIS_URL, config: queueConfig(p3), requestTimeoutMs: 60_000 });
    let consumer: InferenceWorker | undefined;
    try {
      const order: string[] = [];
      const request = (tag: string, priority: 'interactive' | 'background') => queued.generate({ ...GREEDY, maxTokens: 8, priority }).then(() => order.push(tag));
      const all = [request('background-1', 'background')];
      await until('first queued', async () => (await queued.refresh(), queued.stats().queueDepth === 1));
      all.push(request('background-2', 'background'));
      await until('second queued', async () => (await queued.refresh(), queued.stats().queueDepth === 2));
      all.push(request('interactive', 'interactive'));
      await until('third queued', async () => (await queued.refresh(), queued.stats().queueDepth === 3));
      // One job at a time, so the order they finish is the order they were taken.
      consumer = new InferenceWorker({ redis, redisUrl: REDIS_URL, config: queueConfig(p3, { workerConcurrency: 1 }), inference: worker.engine.services.inference });
      await consumer.start();
      await Promise.all(all);
      expect(order).toEqual(['interactive', 'background-1', 'background-2']);
    } finally {
      await consumer?.close();
      await queued.dispose();
      await clean3(REDIS_URL);
    }
  });
});

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('a worker killed mid-job', () => {
  const { prefix, cleanup } = uniquePrefix('kill');
  let child: SpawnedEngine | undefined;
  let redis: Redis;
  afterAll(async () => {
    if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await cleanup(REDIS_URL);
    redis?.disconnect();
  });

  it('the client of a generation gets a clear terminal error within a few heartbeats, never a hang', async () => {
    redis = new Redis(REDIS_URL);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-kill-'));
    child = await spawnEngine({ OET_ROLE: 'worker', REDIS_URL, OET_QUEUE_PREFIX: prefix, OET_WORKER_HEARTBEAT_MS: '500', OET_QUEUE_LOCK_MS: '10000', DATABASE_URL: `file:${path.join(dir, 'w.db')}` });
    const queued = new QueuedInference({ redis, redisUrl: REDIS_URL, config: queueConfig(prefix), requestTimeoutMs: 120_000 });
    try {
      await until('the worker advertised', async () => (await queued.refresh()).some((m) => m.id === 'smollm2-135m-instruct'), 60_000);
      const chunks: string[] = [];
      const outcome = (async () => {
        for await (const chunk of queued.generateStream(LONG)) chunks.push(chunk.text);
      })().then(() => null, (e: DomainError) => e);
      await until('the first tokens', () => chunks.length > 0, 90_000).catch((e: Error) => {
        throw new Error(`${e.message}; worker log:\n${child!.log.slice(-3000)}`);
      });
      child.child.kill('SIGKILL');
      const killedAt = Date.now();
      const error = await outcome;
      expect(error?.code).toBe('SERVICE_UNAVAILABLE');
      expect(error?.message).toMatch(/worker running this generation stopped/);
      // Within a few heartbeats, not the 120 s request timeout.
      expect(Date.now() - killedAt).toBeLessThan(15_000);
    } finally {
      await queued.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('an idempotent job whose worker is killed', () => {
  const { prefix, cleanup } = uniquePrefix('retry');
  let child: SpawnedEngine | undefined;
  let redis: Redis;
  afterAll(async () => {
    if (child && child.child.exitCode === null && child.child.signalCode === null) child.child.kill('SIGKILL');
    await cleanup(REDIS_URL);
    redis?.disconnect();
  });

  it('is run again by another worker and its caller gets the answer', async () => {
    redis = new Redis(REDIS_URL);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-retry-'));
    child = await spawnEngine({ OET_ROLE: 'worker', REDIS_URL, OET_QUEUE_PREFIX: prefix, OET_WORKER_HEARTBEAT_MS: '500', OET_QUEUE_LOCK_MS: '4000', DATABASE_URL: `file:${path.join(dir, 'w.db')}` });
    const queued = new QueuedInference({ redis, redisUrl: REDIS_URL, config: queueConfig(prefix, { lockMillis: 4000 }), requestTimeoutMs: 120_000 });
    const local = createInferenceService({ modelsDirs: [sharedModelsDir], manifestPath: path.join(repoRoot, 'models/manifest.json'), config: testConfig() });
    let second: InferenceWorker | undefined;
    try {
      await until('the worker advertised', async () => (await queued.refresh()).some((m) => m.id === 'smollm2-135m-instruct'), 60_000);
      const request = { model: 'smollm2-135m-instruct', text: 'The history of medicine is a tale of innovation and perseverance. '.repeat(12), maxTokens: 300 };
      const answer = queued.tokenLogprobs(request);
      answer.catch(() => undefined);
      // Killed once it has started the job (its start entry is in the job's output stream).
      await until('the first worker started the job', async () => {
        const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:out:*`, 'COUNT', 1000);
        return keys.length === 1 && (await redis.xlen(keys[0]!)) >= 1;
      }, 60_000);
      child.child.kill('SIGKILL');
      second = new InferenceWorker({ redis, redisUrl: REDIS_URL, config: queueConfig(prefix, { lockMillis: 4000 }), inference: local });
      await second.start();
      const expected = await local.tokenLogprobs(request);
      // Found stalled once the dead worker's lock expired, retried here: the same answer as a local call.
      expect(await answer).toEqual(expected);
      // Two attempts on two workers; only the second finished.
      const [, keys] = await redis.scan('0', 'MATCH', `${prefix}:out:*`, 'COUNT', 1000);
      const entries = (await redis.xrange(keys[0]!, '-', '+')).map(([, fields]) => JSON.parse(fields[1]!) as { kind: string; workerId?: string });
      expect(entries.map((e) => e.kind)).toEqual(['start', 'start', 'done']);
      expect(entries[1]!.workerId).toBe(second.workerId);
      expect(entries[0]!.workerId).not.toBe(second.workerId);
    } finally {
      await second?.close();
      await queued.dispose();
      await local.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

skipWhen(!hasStories260k && 'stories260K is missing').describe('Redis lost and back', () => {
  let dir: string | undefined;
  let port: number;
  let server: ChildProcess;
  let redisUrl: string;
  let redis: Redis;
  afterAll(async () => {
    redis?.disconnect();
    if (server) await killChild(server);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a job acknowledged before Redis died is run once it is back; new jobs run too', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'oet-redis-aof-'));
    port = await freePort();
    server = await startRedis(port, dir);
    redisUrl = `redis://127.0.0.1:${port}`;
    redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    redis.on('error', () => undefined);
    const prefix = 'outage';
    const queued = new QueuedInference({ redis, redisUrl, config: queueConfig(prefix), requestTimeoutMs: 120_000 });
    const local = await startTestEngine();
    let consumer: InferenceWorker | undefined;
    try {
      // Acknowledged: add() returned and the job waits (no worker yet).
      const pending = queued.generate({ ...GREEDY, maxTokens: 20 });
      pending.catch(() => undefined);
      await until('the job queued', async () => (await queued.refresh(), queued.stats().queueDepth === 1));
      await killChild(server);
      // A caller who gives up while Redis is away is answered at once, not when Redis returns.
      const gaveUp = new AbortController();
      const whileDown = queued.generate({ ...GREEDY, maxTokens: 20 }, { signal: gaveUp.signal }).then(() => null, (e: DomainError) => e);
      setTimeout(() => gaveUp.abort(), 300);
      expect((await whileDown)?.code).toBe('CANCELLED');
      server = await startRedis(port, dir);
      consumer = new InferenceWorker({ redis, redisUrl, config: queueConfig(prefix), inference: local.engine.services.inference });
      await consumer.start();
      const expected = await local.engine.services.inference.generate({ ...GREEDY, maxTokens: 20 });
      expect((await pending).text).toBe(expected.text);
      expect((await queued.generate({ ...GREEDY, maxTokens: 20 })).text).toBe(expected.text);
    } finally {
      await consumer?.close();
      await queued.dispose();
      await local.stop();
    }
  });
});
