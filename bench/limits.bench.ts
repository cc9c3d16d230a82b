/**
 * What per-user rate limits cost a request: `{ me { id } }` (a root field with no other work) through one engine
 * with limits off, counted in process memory, and counted in Redis (REDIS_URL, default redis://127.0.0.1:6379), in
 * alternating rounds in the same run; prints requests per second and each ratio to "off".
 *
 *   npx tsc -p tsconfig.json && node dist/bench/limits.bench.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { loadConfig } from '../src/config.js';
import { createEngine, type Engine } from '../src/composition/createEngine.js';
import { createLogger } from '../src/logger.js';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 600);
const CONCURRENCY = 8;
const ROUNDS = 3;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function start(name: string, env: Record<string, string>): Promise<{ name: string; engine: Engine; url: string; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-limits-'));
  const config = loadConfig({
    PORT: '0', JWT_SECRET: SECRET, LOG_LEVEL: 'silent', OET_KNOWLEDGE_PRELOAD: 'false', OET_MODELS_DIR: path.join(dir, 'none'),
    DATABASE_URL: `file:${path.join(dir, 'bench.db')}`, OET_DEV_KEY_FILE: path.join(dir, 'key'), ...env,
  });
  const engine = await createEngine(config, { logger: createLogger('silent') });
  const { url } = await engine.start();
  return { name, engine, url, dir };
}

async function run(url: string, token: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next++ < REQUESTS) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{"query":"{ me { id } }"}' });
      const body = (await res.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    }
  }));
  return REQUESTS / ((performance.now() - started) / 1000);
}

const generous = { OET_RATE_LIMIT_GENERAL_PER_MINUTE: '1000000', OET_RATE_LIMIT_AI_PER_MINUTE: '1000000' };
const instances = [
  await start('off', { OET_RATE_LIMIT_GENERAL_PER_MINUTE: '0', OET_RATE_LIMIT_AI_PER_MINUTE: '0' }),
  await start('memory', generous),
  await start('redis', { ...generous, REDIS_URL: redisUrl, OET_RATE_LIMIT_PREFIX: `oet-bench-${randomUUID()}` }),
];
const now = Math.floor(Date.now() / 1000);
const token = await new SignJWT({ roles: ['LEARNER'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench-learner').setIssuedAt(now).setExpirationTime(now + 3600).sign(new TextEncoder().encode(SECRET));
const results = new Map<string, number[]>(instances.map((i) => [i.name, []]));
try {
  for (const i of instances) await run(i.url, token); // warm-up
  for (let round = 0; round < ROUNDS; round++) for (const i of instances) results.get(i.name)!.push(await run(i.url, token));
} finally {
  for (const i of instances) {
    await i.engine.stop();
    rmSync(i.dir, { recursive: true, force: true });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const base = median(results.get('off')!);
console.log(`{ me { id } }, ${REQUESTS} requests x ${ROUNDS} rounds, ${CONCURRENCY} concurrent, median requests/s:`);
for (const [name, xs] of results) console.log(`  limits ${name.padEnd(6)} ${median(xs).toFixed(0).padStart(6)} req/s   ratio to off ${(median(xs) / base).toFixed(2)}`);
process.exit(0);
