/**
 * Load benchmark: 100 concurrent graphql-ws generateStream subscriptions for 60 s against one engine (a child
 * process, stories260K), each slot resubscribing as its stream ends, a share cancelled part-way. Samples the server's
 * resident memory every second and prints tokens/s, streams completed, RSS after warm-up against the end (ratio),
 * p50/p99 time to first token, and the inference stats once the load stops (active sequences and queue must be 0).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/load.bench.js [streams] [seconds] [seed]
 *   BENCH_CANCEL=0.1 BENCH_WARMUP_S=10 node dist/bench/load.bench.js 100 60 1
 */
import os from 'node:os';
import { startEngineProcess } from '../test/support/engineProcess.js';
import { percentile, runStreamLoad, settledStats } from '../test/support/streamLoad.js';
import { signToken } from '../test/support/tokens.js';

const streams = Number(process.argv[2] ?? 100);
const seconds = Number(process.argv[3] ?? 60);
const seed = Number(process.argv[4] ?? 1);
const cancelShare = Number(process.env.BENCH_CANCEL ?? 0.1);
const warmupS = Number(process.env.BENCH_WARMUP_S ?? Math.min(10, Math.floor(seconds / 4)));
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function main() {
  console.log(`# OET AI Engine stream load — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
  console.log(`${streams} streams for ${seconds} s, seed ${seed}, ${cancelShare * 100}% cancelled part-way, model stories260k, OET_LLAMA_THREADS 1, 8 sequences; RSS sampled every 1 s, warm-up ${warmupS} s\n`);
  // The queue must hold every stream that waits for one of the 8 sequences (the default 64 would answer QUEUE_FULL).
  // One learner opens every stream: per-user budgets off, or the run measures the rate limiter, not the streams.
  const engine = await startEngineProcess({ OET_MAX_QUEUE: String(Math.max(64, streams * 2)), OET_RATE_LIMIT_AI_PER_MINUTE: '0', OET_RATE_LIMIT_GENERAL_PER_MINUTE: '0' });
  const learner = await signToken({ sub: 'load-learner', roles: ['LEARNER'] });
  const service = await signToken({ sub: 'load-service', roles: ['SERVICE'] });
  const samples: { t: number; rss: number }[] = [];
  const rssAtStart = engine.rssBytes() ?? 0;
  const t0 = performance.now();
  const sampler = setInterval(() => samples.push({ t: (performance.now() - t0) / 1000, rss: engine.rssBytes() ?? 0 }), 1_000);
  let report;
  try {
    report = await runStreamLoad(engine.wsUrl, learner, { streams, durationMs: seconds * 1_000, seed, model: 'stories260k', cancelShare, dropShare: cancelShare / 2 });
  } finally {
    clearInterval(sampler);
  }
  const stats = await settledStats(engine.graphqlUrl, service, 15_000);
  const metrics = await fetch(`${engine.url}/metrics`).then((r) => r.text());
  const gauge = (name: string) => [...metrics.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\S+)$`, 'gm'))].map((m) => Number(m[1]));
  const nonJson = engine.nonJsonLines();
  const exit = await engine.stop();

  const warm = samples.find((s) => s.t >= warmupS) ?? samples[0]!;
  const end = samples.at(-1)!;
  const peak = Math.max(...samples.map((s) => s.rss));
  const wallS = report.wallMs / 1000;
  console.log(`streams: ${report.started} started, ${report.completed} completed, ${report.cancelled} cancelled, ${report.dropped} dropped by the client`);
  console.log(`errors: ${JSON.stringify(report.errors)}`);
  console.log(`tokens: ${report.tokens} in ${wallS.toFixed(1)} s = ${(report.tokens / wallS).toFixed(0)} tokens/s aggregate`);
  console.log(`TTFT: p50 ${percentile(report.ttftMs, 50).toFixed(0)} ms, p99 ${percentile(report.ttftMs, 99).toFixed(0)} ms (${report.ttftMs.length} streams)`);
  console.log(`RSS: start ${mib(rssAtStart)} MiB, after warm-up (${warm.t.toFixed(0)} s) ${mib(warm.rss)} MiB, end (${end.t.toFixed(0)} s) ${mib(end.rss)} MiB, peak ${mib(peak)} MiB; end/warm-up ${(end.rss / warm.rss).toFixed(3)}`);
  const every10 = samples.filter((s, i) => i % 10 === 9).map((s) => `${s.t.toFixed(0)}s ${mib(s.rss)}`);
  console.log(`RSS every 10 s (MiB): ${every10.join(', ')}`);
  console.log(`after the load (settled in ${stats.waitedMs.toFixed(0)} ms): activeSequences ${stats.activeSequences}, queueDepth ${stats.queueDepth}; /metrics oet_llm_active_sequences ${JSON.stringify(gauge('oet_llm_active_sequences'))}, oet_llm_queue_depth ${JSON.stringify(gauge('oet_llm_queue_depth'))}`);
  console.log(`non-JSON log lines: ${nonJson.length}; SIGTERM exit ${exit.code ?? exit.signal}`);
  if (stats.activeSequences !== 0 || stats.queueDepth !== 0 || exit.code !== 0) process.exitCode = 1;
}

await main();
