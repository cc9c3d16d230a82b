/**
 * Fuzz benchmark: 10,000 malformed or hostile GraphQL operations (HTTP and graphql-ws) against one engine started as
 * an operator starts it (dist/src/main.js, a child process). Prints the answers counted by status and code, every
 * violation (a 5xx, an answer without a code, a stack trace, a path or library text in an answer, a non-JSON log
 * line), and whether the process is still up.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/fuzz.bench.js [seed] [operations] [concurrency]
 *
 * A violation names its seed and index: hostileOperation(seed, index, tokens) rebuilds that one operation.
 */
import os from 'node:os';
import { startEngineProcess } from '../test/support/engineProcess.js';
import { runFuzz } from '../test/support/fuzzRunner.js';
import { signToken } from '../test/support/tokens.js';

const seed = Number(process.argv[2] ?? 1);
const operations = Number(process.argv[3] ?? 10_000);
const concurrency = Number(process.argv[4] ?? 8);
/** FUZZ_CATEGORIES=deepNesting,graphqlWs sends only those (to see which kind of operation costs what). */
const categories = process.env.FUZZ_CATEGORIES?.split(',');

async function main() {
  console.log(`# OET AI Engine fuzz — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
  console.log(`seed ${seed}, ${operations} operations, ${concurrency} in flight${categories ? `, only ${categories.join(', ')}` : ''}\n`);
  const engine = await startEngineProcess();
  const rssStart = engine.rssBytes() ?? 0;
  const heapStart = await heapUsed(engine.url);
  const start = performance.now();
  let report;
  try {
    report = await runFuzz(engine.url, { seed, operations, concurrency, categories, onProgress: (done) => console.log(`  ${done} operations, ${((performance.now() - start) / 1000).toFixed(0)} s, RSS ${((engine.rssBytes() ?? 0) / 2 ** 20).toFixed(0)} MiB`) });
  } catch (error) {
    await engine.stop();
    throw error;
  }
  const seconds = (performance.now() - start) / 1000;
  const health = await fetch(`${engine.url}/health`).then((r) => r.status, () => 0);
  const alive = engine.child.exitCode === null && engine.child.signalCode === null;
  const rssEnd = engine.rssBytes() ?? 0;
  const heapEnd = await heapUsed(engine.url);
  const loaded = await loadedModels(engine.graphqlUrl);
  // Some seconds idle: a heap that grew only from big request bodies shrinks back once V8 collects.
  await new Promise((r) => setTimeout(r, 15_000));
  const heapIdle = await heapUsed(engine.url);
  const rssIdle = engine.rssBytes() ?? 0;
  const nonJson = engine.nonJsonLines();
  const exit = await engine.stop();

  console.log(`\n${report.operations} operations in ${seconds.toFixed(1)} s (${(report.operations / seconds).toFixed(0)}/s)`);
  console.log('answers by status and code:');
  for (const [key, count] of Object.entries(report.outcomes).sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(6)}  ${key}`);
  console.log(`\nprocess up at the end: ${alive}, /health ${health}; RSS ${(rssStart / 2 ** 20).toFixed(0)} → ${(rssEnd / 2 ** 20).toFixed(0)} MiB (${(rssIdle / 2 ** 20).toFixed(0)} after 15 s idle), V8 heap used ${heapStart.toFixed(0)} → ${heapEnd.toFixed(0)} MiB (${heapIdle.toFixed(0)} after 15 s idle); SIGTERM exit ${exit.code ?? exit.signal}`);
  console.log(`models loaded by the run (most of the RSS step: a generate without a model id loads the default LLM): ${loaded}`);
  console.log(`non-JSON log lines: ${nonJson.length}`);
  for (const line of nonJson.slice(0, 10)) console.log(`  ${line.slice(0, 200)}`);
  const byProblem = new Map<string, typeof report.violations>();
  for (const v of report.violations) byProblem.set(`${v.category}: ${v.problem}`, [...(byProblem.get(`${v.category}: ${v.problem}`) ?? []), v]);
  console.log(`violations: ${report.violations.length}`);
  for (const [problem, list] of byProblem) console.log(`  ${String(list.length).padStart(5)}  ${problem} — e.g. index ${list[0]!.index}: ${list[0]!.excerpt.slice(0, 160).replace(/\s+/g, ' ')}`);
  if (report.violations.length > 0 || nonJson.length > 0 || !alive || health !== 200) process.exitCode = 1;
}

async function loadedModels(graphqlUrl: string): Promise<string> {
  const token = await signToken({ sub: 'fuzz-service', roles: ['SERVICE'] });
  const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ models { id state } inferenceStats { memoryUsedBytes } }' }) });
  const body = (await res.json()) as { data?: { models: { id: string; state: string }[]; inferenceStats: { memoryUsedBytes: number } } };
  if (!body.data) return 'unknown';
  return `${body.data.models.filter((m) => m.state === 'READY').map((m) => m.id).join(', ') || 'none'} (${(body.data.inferenceStats.memoryUsedBytes / 2 ** 20).toFixed(0)} MiB by the engine's own account)`;
}

/** V8 heap in use (MiB), from the engine's own /metrics. */
async function heapUsed(url: string): Promise<number> {
  const text = await fetch(`${url}/metrics`).then((r) => r.text(), () => '');
  const m = /^nodejs_heap_size_used_bytes (\S+)$/m.exec(text);
  return m ? Number(m[1]) / 2 ** 20 : Number.NaN;
}

await main();
