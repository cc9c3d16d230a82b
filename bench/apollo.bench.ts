/**
 * GraphQL throughput of one engine instance ÷ a bare Apollo Server (same @apollo/server + express5 integration,
 * trivial schema), both as child processes on this machine, measured in the same run in alternating order.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/apollo.bench.js [--rounds 3] [--seconds 5] [--concurrency 8]
 *
 * What the ratio prices: everything the engine adds per request (JWT verification, graphql-armor, graphql-shield,
 * DataLoaders, metrics, audit). Aim (issue 14): ≥ 0.8 on a cheap query. The load loop runs in this process, so it
 * shares the CPUs with the server under test: compare the ratio, not the absolute figures, across machines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChild, type StartedChild } from './support/childServer.js';
import { runLoad } from './support/loadLoop.js';
import { median, percentile, spread } from './support/timing.js';
import { signToken, TEST_JWT_SECRET } from '../test/support/tokens.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rounds = arg('rounds', 3);
const durationMs = arg('seconds', 5) * 1000;
const concurrency = arg('concurrency', 8);
const root = process.cwd();

const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-apollo-bench-'));
const engine = await startChild([path.join(root, 'dist/src/main.js')], {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, 'engine.db')}`,
  OET_DATA_DIR: dir,
  OET_MODELS_DIR: path.resolve(process.env.OET_BENCH_MODELS_DIR ?? path.join(root, '../shared/models')),
  JWT_SECRET: TEST_JWT_SECRET,
  LOG_LEVEL: 'warn',
  REDIS_URL: '',
}, ['/ready']);
const bare = await startChild([path.join(root, 'dist/bench/support/bareApollo.js')], { ...process.env }, ['/ready']).catch(async (error: unknown) => {
  await engine.stop();
  throw error;
});
const token = await signToken({ sub: 'bench-admin', roles: ['ADMIN'] });
// The knowledge packs load in the background after start: measure once they have, not while they compete for the CPUs.
const knowledgeLoaded = () => fetch(`${engine.baseUrl}/ready`).then((r) => r.text()).then((body) => body.includes('"status":"ready","loadMs"'), () => false);

const post = (server: StartedChild, query: string) => () =>
  fetch(`${server.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });

const cases = [
  { name: '{ __typename }', engine: '{ __typename }', bare: '{ __typename }' },
  { name: '{ models { id } } (bare: a resolver returning 3 ids)', engine: '{ models { id } }', bare: '{ models { id } }' },
];

try {
  for (let waited = 0; !(await knowledgeLoaded()) && waited < 120_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
  for (const c of cases) {
    // Warm both (JIT, connection pool, the engine's first-request work) before anything is counted.
    await runLoad(post(engine, c.engine), { concurrency, durationMs: 1500 });
    await runLoad(post(bare, c.bare), { concurrency, durationMs: 1500 });
    const rates = { engine: [] as number[], bare: [] as number[] };
    const latencies = { engine: [] as number[], bare: [] as number[] };
    let errors = 0;
    let firstError: string | undefined;
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['engine', 'bare'] as const) : (['bare', 'engine'] as const);
      for (const which of order) {
        const result = await runLoad(post(which === 'engine' ? engine : bare, c[which]), { concurrency, durationMs });
        rates[which].push(result.perSecond);
        latencies[which].push(...result.latenciesMs);
        errors += result.errors;
        firstError ??= result.firstError && `${which}: ${result.firstError}`;
      }
    }
    const ratios = rates.engine.map((r, i) => r / rates.bare[i]!);
    console.log(`\n${c.name}: ${rounds} rounds × ${durationMs / 1000} s, concurrency ${concurrency}, errors ${errors}${firstError ? ` (first: ${firstError})` : ''}`);
    console.log(`  engine: ${spread(rates.engine)} req/s, p50 ${median(latencies.engine).toFixed(1)} ms, p99 ${percentile(latencies.engine, 99).toFixed(1)} ms`);
    console.log(`  bare:   ${spread(rates.bare)} req/s, p50 ${median(latencies.bare).toFixed(1)} ms, p99 ${percentile(latencies.bare, 99).toFixed(1)} ms`);
    console.log(`  engine ÷ bare: ${spread(ratios, 2)} (aim ≥ 0.8)`);
  }
  console.log(`\nload average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs`);
} finally {
  await Promise.all([engine.stop(), bare.stop()]);
  rmSync(dir, { recursive: true, force: true });
}
