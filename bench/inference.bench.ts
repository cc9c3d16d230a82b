/**
 * Inference benchmark: the GraphQL subscription path against direct node-llama-cpp on the same model and threads,
 * in one run. Prints decode tokens/s for both and their ratio, aggregate tokens/s at 1, 4 and 8 concurrent streams,
 * and the time-to-first-token overhead of the GraphQL path.
 *
 *   npm run bench                      # both shared models
 *   BENCH_MODELS=stories260k npm run bench
 *   BENCH_THREADS=2 BENCH_TOKENS=128 npm run bench
 */
import os from 'node:os';
import path from 'node:path';
import { getLlama, LlamaCompletion } from 'node-llama-cpp';
import { loadConfig } from '../src/config.js';
import { createEngine } from '../src/app/createEngine.js';
import { createLogger } from '../src/logger.js';
import { mkdtempSync } from 'node:fs';
import { signBenchToken, streamOverGraphQL, type StreamTiming } from './support/streamOverGraphQL.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const threads = Number(process.env.BENCH_THREADS ?? 1);
const maxTokens = Number(process.env.BENCH_TOKENS ?? 128);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const PROMPT = 'Once upon a time, in a small hospital by the sea, a nurse named';
const MODELS: Record<string, string> = {
  stories260k: 'stories260K/stories260K.gguf',
  'smollm2-135m-instruct': 'smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf',
};
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 1) => n.toFixed(d);

async function directRun(modelFile: string): Promise<StreamTiming[]> {
  const llama = await getLlama({ build: 'never', gpu: false });
  const model = await llama.loadModel({ modelPath: path.join(modelsDir, modelFile) });
  const context = await model.createContext({ sequences: 1, threads, contextSize: 2048 });
  const timings: StreamTiming[] = [];
  try {
    for (let i = 0; i < repeats + 1; i++) {
      const sequence = context.getSequence();
      const completion = new LlamaCompletion({ contextSequence: sequence });
      const start = performance.now();
      let first = 0;
      let tokens = 0;
      await completion.generateCompletion(PROMPT, {
        maxTokens,
        temperature: 0,
        onToken: (t) => {
          if (tokens === 0) first = performance.now();
          tokens += t.length;
        },
      });
      const end = performance.now();
      completion.dispose();
      sequence.dispose();
      if (i > 0) timings.push({ ttftMs: first - start, tokens, decodeMs: end - first, totalMs: end - start }); // first run warms up
    }
  } finally {
    await context.dispose();
    await model.dispose();
    await llama.dispose();
  }
  return timings;
}

async function main() {
  console.log(`# OET AI Engine inference benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`settings: threads=${threads}, maxTokens=${maxTokens}, repeats=${repeats} (median), temperature 0\n`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-'));
  for (const id of selected) {
    const file = MODELS[id];
    if (!file) throw new Error(`unknown model ${id}; choose from ${Object.keys(MODELS).join(', ')}`);
    const direct = await directRun(file);

    const config = loadConfig({
      PORT: '0', JWT_SECRET: 'bench-secret-bench-secret-123456', OET_MODELS_DIR: modelsDir, DATABASE_URL: `file:${path.join(dir, `${id}.db`)}`,
      OET_LLAMA_THREADS: String(threads), OET_PARALLEL_SEQUENCES: '8', LOG_LEVEL: 'silent',
    });
    const engine = await createEngine(config, { logger: createLogger('silent') });
    const { url } = await engine.start();
    const wsUrl = `${url.replace('http', 'ws')}/graphql`;
    const token = await signBenchToken('bench-secret-bench-secret-123456');
    await engine.services.inference.loadModel(id);
    const run = () => streamOverGraphQL(wsUrl, token, { model: id, prompt: PROMPT, maxTokens, temperature: 0 });
    await run(); // warm-up
    const single: StreamTiming[] = [];
    for (let i = 0; i < repeats; i++) single.push(await run());

    const directTps = median(direct.map((t) => (t.tokens - 1) / (t.decodeMs / 1000)));
    const graphqlTps = median(single.map((t) => (t.tokens - 1) / (t.decodeMs / 1000)));
    const directTtft = median(direct.map((t) => t.ttftMs));
    const graphqlTtft = median(single.map((t) => t.ttftMs));
    console.log(`## ${id}`);
    console.log(`| path | decode tokens/s | time to first token (ms) |`);
    console.log(`|---|---:|---:|`);
    console.log(`| direct node-llama-cpp | ${fmt(directTps)} | ${fmt(directTtft)} |`);
    console.log(`| GraphQL subscription (graphql-ws) | ${fmt(graphqlTps)} | ${fmt(graphqlTtft)} |`);
    console.log(`\nratio GraphQL / direct decode tokens/s: **${fmt(graphqlTps / directTps, 3)}**; TTFT overhead of the GraphQL path: **${fmt(graphqlTtft - directTtft)} ms**\n`);

    console.log(`| concurrent streams | aggregate tokens/s | vs 1 stream |`);
    console.log(`|---:|---:|---:|`);
    let base = 0;
    for (const n of [1, 4, 8]) {
      const start = performance.now();
      const results = await Promise.all(Array.from({ length: n }, run));
      const seconds = (performance.now() - start) / 1000;
      const tps = results.reduce((s, r) => s + r.tokens, 0) / seconds;
      if (n === 1) base = tps;
      console.log(`| ${n} | ${fmt(tps)} | ${fmt(tps / base, 2)}x |`);
    }
    console.log('');
    await engine.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
