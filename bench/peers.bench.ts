/**
 * The engine against llama.cpp's own tools on the same GGUF, threads and machine, in one run (issue 15's anchor):
 *   (a) single-stream decode tokens/s through the GraphQL subscription ÷ llama-bench `tg`;
 *   (b) aggregate tokens/s at 1, 4, 8, 16 concurrent GraphQL streams ÷ llama-server `--parallel N` serving as many
 *       concurrent streamed /completion requests (greedy, cache_prompt);
 *   (c) TTFT p50 of both at each concurrency;
 *   (d) TTFT of a prompt whose long prefix (1,000 tokens, less where the model's context is smaller) the server
 *       already holds ÷ the same prompt cold, for the engine (its prefix cache) and for llama-server (cache_prompt).
 * The engine runs twice: on node-llama-cpp (the default) and with OET_GGUF_RUNTIME=llama-server (its supervised
 * llama.cpp server, same build as the anchor), both measured through GraphQL. Sides rotate in order every repeat so
 * drift in the machine's load hits all. llama-bench and llama-server come from bench/peers/llamacpp/build.sh
 * (`npm run llama-server:build`); without them only the node-llama-cpp engine runs.
 *
 *   bench/peers/llamacpp/build.sh        # once: builds llama.cpp outside the repository (10–30 min on 2 cores)
 *   npm run bench:peers
 *   BENCH_THREADS=2 BENCH_REPEATS=5 BENCH_TOKENS=128 BENCH_STREAMS=1,4,8,16 BENCH_MODELS=smollm2-135m-instruct npm run bench:peers
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { startBenchEngine, type BenchEngine } from './support/benchEngine.js';
import {
  completionOverHttp,
  concurrentCompletions,
  findLlamaCppBinaries,
  llamaBenchDecode,
  llamaCppVersion,
  startLlamaServer,
  type LlamaCppBinaries,
} from './support/llamaCpp.js';
import { loadAverage, machineLine } from './support/machine.js';
import { streamFromClientProcess, type StreamTiming } from './support/streamOverGraphQL.js';
import { median, spread } from './support/timing.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const threads = Number(process.env.BENCH_THREADS ?? 1);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const tokens = Number(process.env.BENCH_TOKENS ?? 128);
const streamCounts = (process.env.BENCH_STREAMS ?? '1,4,8,16').split(',').map(Number);
const PROMPT = 'Once upon a time, in a small hospital by the sea, a nurse named';
const STORY = 'Once upon a time there was a little girl named Lily. She loved to play in the park with her dog, and every day she ran to the big tree to see the birds. ';

/** `context` is what the engine gives each request (min(trained context, 2048)); llama-server gets as much per slot. */
const MODELS: Record<string, { folder: string; file: RegExp; context: number; prefixTokens: number }> = {
  'smollm2-135m-instruct': { folder: 'smollm2-135m-instruct', file: /q4_1\.gguf$/i, context: 2048, prefixTokens: 1000 },
  stories260k: { folder: 'stories260K', file: /\.gguf$/i, context: 512, prefixTokens: 400 },
};
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');

function modelFile(name: string): string {
  const spec = MODELS[name];
  if (spec === undefined) throw new Error(`unknown model ${name}; choose from ${Object.keys(MODELS).join(', ')}`);
  const dir = path.join(modelsDir, spec.folder);
  const file = readdirSync(dir).find((f) => spec.file.test(f));
  if (file === undefined) throw new Error(`no GGUF matching ${spec.file} in ${dir}`);
  return path.join(dir, file);
}

const decodeRate = (t: StreamTiming) => (t.tokens - 1) / (t.decodeMs / 1000);
const aggregate = (r: { timings: StreamTiming[]; wallMs: number }) => r.timings.reduce((s, t) => s + t.tokens, 0) / (r.wallMs / 1000);

type Side = 'engine' | 'engine/llama-server' | 'llama.cpp';
type EngineSide = Exclude<Side, 'llama.cpp'>;
/** Figures per measure, one entry per repeat, per side. */
type Series = Map<string, Record<Side, number[]>>;

function record(series: Series, measure: string, side: Side, value: number): void {
  if (!series.has(measure)) series.set(measure, { engine: [], 'engine/llama-server': [], 'llama.cpp': [] });
  series.get(measure)![side].push(value);
}

/** Cold and warm prompts over the same long prefix: cold starts with a marker no server holds. */
function prefixPrompts(prefix: string): { prime: string; warm: string; cold: string } {
  const marker = randomUUID();
  return { prime: `${marker} ${prefix} Then the cat ran`, warm: `${marker} ${prefix} Then the dog barked`, cold: `${randomUUID()} ${prefix} Then the dog barked` };
}

async function engineSide(engine: BenchEngine, name: string, n: number): Promise<{ timings: StreamTiming[]; wallMs: number }> {
  return streamFromClientProcess(engine.wsUrl, engine.token, { model: name, prompt: PROMPT, maxTokens: tokens, temperature: 0 }, n);
}

async function engineOnce(engine: BenchEngine, name: string, prompt: string, maxTokens: number): Promise<StreamTiming> {
  return (await streamFromClientProcess(engine.wsUrl, engine.token, { model: name, prompt, maxTokens, temperature: 0 }, 1)).timings[0]!;
}

async function benchModel(name: string, binaries: LlamaCppBinaries | undefined, signal: AbortSignal): Promise<void> {
  const spec = MODELS[name]!;
  const file = modelFile(name);
  const maxStreams = Math.max(...streamCounts);
  const engines: Partial<Record<EngineSide, BenchEngine>> = {};
  const series: Series = new Map();
  const cached: Record<Side, string> = { engine: '—', 'engine/llama-server': '—', 'llama.cpp': '—' };
  try {
    engines.engine = await startBenchEngine({ modelsDir, name, threads, parallelSequences: maxStreams });
    if (binaries) {
      engines['engine/llama-server'] = await startBenchEngine({
        modelsDir, name: `${name}-llama-server`, threads, parallelSequences: maxStreams,
        env: { OET_GGUF_RUNTIME: 'llama-server', OET_LLAMA_SERVER_BIN: binaries.server },
      });
    }
    for (const engine of Object.values(engines)) {
      await engine.engine.services.inference.loadModel(name);
      await engineSide(engine, name, 1); // warm-up
    }
    // About spec.prefixTokens tokens of prefix, measured with the model's own tokenizer through the engine.
    const perStory = (await engineOnce(engines.engine, name, STORY, 2)).promptTokens ?? 40;
    const prefix = STORY.repeat(Math.max(1, Math.floor(spec.prefixTokens / perStory)));
    const sides: Side[] = binaries ? ['engine', 'engine/llama-server', 'llama.cpp'] : ['engine'];

    for (let r = 0; r < repeats; r += 1) {
      const order = [...sides.slice(r % sides.length), ...sides.slice(0, r % sides.length)];
      // (a) single-stream decode.
      for (const side of order) {
        if (side !== 'llama.cpp') record(series, 'decode', side, decodeRate((await engineSide(engines[side]!, name, 1)).timings[0]!));
        else record(series, 'decode', side, await llamaBenchDecode(binaries!, file, threads, tokens, signal));
      }
      // (b) and (c): aggregate tokens/s and TTFT p50 at each concurrency.
      for (const n of streamCounts) {
        for (const side of order) {
          let result: { timings: StreamTiming[]; wallMs: number };
          if (side !== 'llama.cpp') result = await engineSide(engines[side]!, name, n);
          else {
            const server = await startLlamaServer(binaries!, { modelPath: file, threads, parallel: n, contextPerSlot: spec.context, signal });
            try {
              await completionOverHttp(server.baseUrl, PROMPT, 4, signal); // warm-up, as the engine had
              result = await concurrentCompletions(server.baseUrl, PROMPT, tokens, n, signal);
            } finally {
              await server.stop();
            }
          }
          record(series, `aggregate ${n}`, side, aggregate(result));
          record(series, `ttft ${n}`, side, median(result.timings.map((t) => t.ttftMs)));
        }
      }
      // (d) prefix reuse: TTFT warm ÷ cold.
      for (const side of order) {
        const p = prefixPrompts(prefix);
        let cold: StreamTiming;
        let warm: StreamTiming;
        if (side !== 'llama.cpp') {
          cold = await engineOnce(engines[side]!, name, p.cold, 2);
          await engineOnce(engines[side]!, name, p.prime, 2);
          warm = await engineOnce(engines[side]!, name, p.warm, 2);
        } else {
          const server = await startLlamaServer(binaries!, { modelPath: file, threads, parallel: 1, contextPerSlot: spec.context, signal });
          try {
            await completionOverHttp(server.baseUrl, PROMPT, 4, signal);
            cold = await completionOverHttp(server.baseUrl, p.cold, 2, signal);
            await completionOverHttp(server.baseUrl, p.prime, 2, signal);
            warm = await completionOverHttp(server.baseUrl, p.warm, 2, signal);
          } finally {
            await server.stop();
          }
        }
        record(series, 'prefix', side, warm.ttftMs / cold.ttftMs);
        record(series, 'prefix cold ms', side, cold.ttftMs);
        cached[side] = `${warm.cachedPromptTokens ?? '?'} of ${warm.promptTokens ?? '?'}`;
      }
      console.error(`  ${name}: repeat ${r + 1}/${repeats} done, load average ${loadAverage()}`);
    }
  } finally {
    for (const engine of Object.values(engines)) await engine.stop();
  }
  printTable(name, file, series, cached, binaries !== undefined);
}

function printTable(name: string, file: string, series: Series, cached: Record<Side, string>, withPeer: boolean): void {
  const row = (label: string, measure: string, digits: number, aim: string) => {
    const s = series.get(measure)!;
    const ratio = (side: EngineSide) => (withPeer ? `**${spread(s[side].map((v, i) => v / s['llama.cpp'][i]!), 2)}**` : '—');
    const figure = (side: Side) => (s[side].length > 0 ? spread(s[side], digits) : '—');
    console.log(`| ${label} | ${figure('engine')} | ${figure('engine/llama-server')} | ${figure('llama.cpp')} | ${ratio('engine')} | ${ratio('engine/llama-server')} | ${aim} |`);
  };
  console.log(`\n## ${name} — ${path.basename(file)}, ${threads} thread(s), ${tokens} tokens a stream, ${repeats} repeat(s)`);
  console.log('figures: median (min–max) over repeats; ratio: engine ÷ llama.cpp per repeat, then median (min–max)');
  console.log('engine: GraphQL streams on node-llama-cpp; engine/llama-server: GraphQL streams with OET_GGUF_RUNTIME=llama-server\n');
  console.log('| measure | engine | engine/llama-server | llama.cpp | engine ÷ llama.cpp | engine/llama-server ÷ llama.cpp | aim |');
  console.log('|---|---:|---:|---:|---:|---:|---|');
  row(`single-stream decode tokens/s (llama-bench tg${tokens})`, 'decode', 1, '≥ 0.9');
  for (const n of streamCounts) row(`aggregate tokens/s, ${n} stream(s) (llama-server --parallel ${n})`, `aggregate ${n}`, 1, '≥ 1.0');
  for (const n of streamCounts) row(`TTFT p50 ms, ${n} stream(s)`, `ttft ${n}`, 0, '');
  const prefix = series.get('prefix')!;
  const cold = series.get('prefix cold ms')!;
  const fig = (values: number[], digits: number) => (values.length > 0 ? spread(values, digits) : '—');
  console.log(`| cold TTFT ms, long prompt | ${fig(cold.engine, 0)} | ${fig(cold['engine/llama-server'], 0)} | ${fig(cold['llama.cpp'], 0)} | | | |`);
  console.log(
    `| TTFT with the prefix held ÷ cold (prompt tokens reused: ${cached.engine}, ${cached['engine/llama-server']}, ${cached['llama.cpp']}) | ${fig(prefix.engine, 3)} | ${fig(prefix['engine/llama-server'], 3)} | ${fig(prefix['llama.cpp'], 3)} | | | ≤ 0.2 |`,
  );
}

async function main(): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  const binaries = findLlamaCppBinaries();
  console.log(`# OET AI Engine against llama.cpp — ${new Date().toISOString()}`);
  console.log(`machine: ${machineLine()}; load average at start ${loadAverage()}`);
  if (binaries) console.log(`llama.cpp: ${await llamaCppVersion(binaries)} (${binaries.buildDir})`);
  else {
    console.log('llama.cpp: llama-bench/llama-server not found; run `bench/peers/llamacpp/build.sh` (10–30 min, cached in');
    console.log('  ${OET_PEERS_CACHE:-~/.cache/oet-peers}) or set LLAMA_BENCH_BIN and LLAMA_SERVER_BIN. Only the engine side runs now.');
  }
  for (const name of selected) await benchModel(name, binaries, controller.signal);
  console.log(`\nload average at end ${loadAverage()}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
