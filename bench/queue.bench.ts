/**
 * Queue benchmark: token-stream throughput through an API instance and a worker (OET_ROLE=api + OET_ROLE=worker,
 * tokens crossing Redis) ÷ the all-in-one process, on the same model, threads and machine, measured in one run with
 * the two paths alternated. Each engine is its own process (as deployed); the streams come from a client process.
 * Aim: ≥ 0.9.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/queue.bench.js
 *   BENCH_MODELS=stories260k BENCH_CONCURRENCY=1,4 BENCH_REPEATS=5 node dist/bench/queue.bench.js
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { signBenchToken, streamFromClientProcess } from './support/streamOverGraphQL.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? path.join(root, '../shared/models'));
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const concurrency = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number);
const MODELS: Record<string, number> = { stories260k: 400, 'smollm2-135m-instruct': 64 };
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');
const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const prefix = `bench-${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-queue-bench-'));

/** An engine in its own process; resolves with its URL once it logged "started". */
function startEngine(name: string, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist/src/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', JWT_SECRET: SECRET, OET_MODELS_DIR: modelsDir, OET_KNOWLEDGE_PRELOAD: 'false', OET_STREAM_INTERVAL_MS: '0', OET_DEV_KEY_FILE: path.join(dir, `${name}.key`), DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`, ...(process.env.BENCH_THREADS ? { OET_LLAMA_THREADS: process.env.BENCH_THREADS } : {}), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)[^"]*"[^\n]*"msg":"started"/.exec(log);
      if (m) resolve({ child, url: m[1]! });
    });
    child.once('exit', () => reject(new Error(`${name} exited:\n${log.slice(-2000)}`)));
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const queueEnv = { REDIS_URL: redisUrl, OET_QUEUE_PREFIX: prefix };
const allInOne = await startEngine('all', {});
const worker = await startEngine('worker', { ...queueEnv, OET_ROLE: 'worker' });
const api = await startEngine('api', { ...queueEnv, OET_ROLE: 'api' });
const token = await signBenchToken(SECRET);
const ws = (url: string) => `${url.replace('http', 'ws')}/graphql`;
try {
  console.log(`queue bench: ${os.cpus().length} cores, ${repeats} runs per path, alternated; tokens/s = completion tokens of all streams ÷ wall time`);
  for (const model of selected) {
    const input = { model, prompt: 'Once upon a time, in a small hospital by the sea, a nurse named', temperature: 0, maxTokens: MODELS[model] ?? 64 };
    // Warm both paths (model loads, first-request costs).
    await streamFromClientProcess(ws(allInOne.url), token, input, 1);
    await streamFromClientProcess(ws(api.url), token, input, 1);
    for (const n of concurrency) {
      const rates: Record<'all' | 'queued', number[]> = { all: [], queued: [] };
      for (let i = 0; i < repeats; i++) {
        for (const [path_, url] of [['all', allInOne.url], ['queued', api.url]] as const) {
          const { timings, wallMs } = await streamFromClientProcess(ws(url), token, input, n);
          rates[path_].push((timings.reduce((s, t) => s + t.tokens, 0) / wallMs) * 1000);
        }
      }
      const all = median(rates.all);
      const queued = median(rates.queued);
      console.log(`${model} ×${n}: all-in-one ${all.toFixed(1)} tokens/s, api + worker ${queued.toFixed(1)} tokens/s, ratio ${(queued / all).toFixed(3)} (aim ≥ 0.9)`);
    }
  }
} finally {
  for (const p of [api, worker, allInOne]) p.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
  rmSync(dir, { recursive: true, force: true });
}
