/**
 * Start-up time and idle memory of the engine as an operator starts it (`node dist/src/main.js`, embedded defaults:
 * SQLite in a fresh temporary folder, no Redis), against a bare Node HTTP server started the same way in the same run.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/startup.bench.js [--runs 5] [--settle 3000]
 *
 * Each round starts every configuration once, in rotating order (the machine is shared: load drifts). Times are from
 * spawn to the first 200 of /health and of /ready, with the CPU time the process had used by then (wall time on a
 * busy machine mostly measures the other processes); memory is VmRSS at that moment and `--settle` ms later (knowledge
 * packs preload in the background after listening), and the peak (VmHWM). Aims (issue 14): ready ≤ 1.5 s,
 * idle RSS without models ≤ 150 MB.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuMs, residentMb, startChild } from './support/childServer.js';
import { median, spread } from './support/timing.js';
import { TEST_JWT_SECRET } from '../test/support/tokens.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5);
const settleMs = arg('settle', 3000);
const root = process.cwd();
const sharedModels = path.resolve(process.env.OET_BENCH_MODELS_DIR ?? path.join(root, '../shared/models'));

interface Sample {
  healthMs: number;
  readyMs: number;
  /** CPU time the process had used when /ready first answered 200 (the figure least moved by a busy machine). */
  cpuAtReadyMs: number;
  rssAtReadyMb: number;
  rssSettledMb: number;
  peakMb: number;
  knowledge: string;
}

interface Setup {
  name: string;
  args: string[];
  env: (dir: string) => NodeJS.ProcessEnv;
}

const BARE = "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), process.env.HOST)";
const engineEnv = (modelsDir: (dir: string) => string, extra: NodeJS.ProcessEnv = {}) => (dir: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, 'engine.db')}`,
  OET_DATA_DIR: dir,
  OET_MODELS_DIR: modelsDir(dir),
  JWT_SECRET: TEST_JWT_SECRET,
  LOG_LEVEL: 'warn',
  REDIS_URL: '',
  ...extra,
});
const emptyModels = (dir: string) => {
  const empty = path.join(dir, 'no-models');
  mkdirSync(empty, { recursive: true });
  return empty;
};

// OET_BENCH_BEFORE=<another build's dist/src/main.js> (inside the project, so it finds node_modules) adds the same
// configurations for that build: before and after in one run, under the same load.
const builds: [string, string][] = [['', path.join(root, 'dist/src/main.js')], ...(process.env.OET_BENCH_BEFORE ? [['before: ', path.resolve(process.env.OET_BENCH_BEFORE)] as [string, string]] : [])];
const setups: Setup[] = [
  { name: 'baseline: bare node:http server', args: ['-e', BARE], env: () => ({ ...process.env }) },
  ...builds.flatMap(([label, main]): Setup[] => [
    { name: `${label}engine, no models`, args: [main], env: engineEnv(emptyModels) },
    { name: `${label}engine, no models, OET_KNOWLEDGE_PRELOAD=false`, args: [main], env: engineEnv(emptyModels, { OET_KNOWLEDGE_PRELOAD: 'false' }) },
    { name: `${label}engine, models in ${path.relative(root, sharedModels)}`, args: [main], env: engineEnv(() => sharedModels) },
  ]),
];

async function measure(setup: Setup): Promise<Sample> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-startup-'));
  try {
    const started = await startChild(setup.args, setup.env(dir), ['/health', '/ready']);
    try {
      const atReady = residentMb(started.child.pid!);
      const cpuAtReadyMs = cpuMs(started.child.pid!);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const settled = residentMb(started.child.pid!);
      if (started.child.exitCode !== null) throw new Error(`${setup.name} exited while idle:\n${started.log().slice(-2000)}`);
      // A pooled keep-alive socket may meet the server's idle close: one retry on a fresh connection.
      const readyBody = () => fetch(`${started.baseUrl}/ready`).then((r) => r.text());
      const ready = await readyBody().catch(readyBody);
      const knowledge = /"knowledge":\{[^}]*"status":"(\w+)"/.exec(ready)?.[1] ?? '–';
      return { healthMs: started.firstOk['/health']!, readyMs: started.firstOk['/ready']!, cpuAtReadyMs, rssAtReadyMb: atReady.rssMb, rssSettledMb: settled.rssMb, peakMb: settled.peakMb, knowledge };
    } finally {
      await started.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const samples = new Map<string, Sample[]>(setups.map((s) => [s.name, []]));
for (let round = 0; round < runs; round++) {
  // Rotate the order each round so no configuration always runs first (or right after the heaviest one).
  const order = setups.map((_, i) => setups[(i + round) % setups.length]!);
  for (const setup of order) samples.get(setup.name)!.push(await measure(setup));
  process.stderr.write(`round ${round + 1}/${runs} done\n`);
}

console.log(`\n${runs} runs each, median (min–max); load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs\n`);
console.log(`| configuration | first 200 /health, ms | first 200 /ready, ms | ÷ baseline | CPU used by then, ms | RSS at ready, MB | RSS ${settleMs / 1000} s later, MB | peak RSS, MB | knowledge then |`);
console.log('|---|---|---|---|---|---|---|---|---|');
const baseline = median(samples.get(setups[0]!.name)!.map((s) => s.readyMs));
for (const setup of setups) {
  const s = samples.get(setup.name)!;
  const ready = s.map((x) => x.readyMs);
  const states = [...new Set(s.map((x) => x.knowledge))].join('/');
  console.log(`| ${setup.name} | ${spread(s.map((x) => x.healthMs))} | ${spread(ready)} | ${setup === setups[0] ? '–' : (median(ready) / baseline).toFixed(1) + '×'} | ${spread(s.map((x) => x.cpuAtReadyMs))} | ${spread(s.map((x) => x.rssAtReadyMb))} | ${spread(s.map((x) => x.rssSettledMb))} | ${spread(s.map((x) => x.peakMb))} | ${states} |`);
}
