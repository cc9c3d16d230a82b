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
import { defaultThreads } from '../src/inference/runtime/defaultThreads.js';
import { startBenchEngine } from './support/benchEngine.js';
import { streamFromClientProcess, type StreamTiming } from './support/streamOverGraphQL.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const repeats = Number(process.env.BENCH_REPEATS ?? 7);
const PROMPT = 'Once upon a time, in a small hospital by the sea, a nurse named';
/** Both paths use the same threads: BENCH_THREADS, or the engine's own default for the model's size. */
/** Enough tokens per run that steady-state decoding, not fixed per-request costs, dominates (~0.3–2 s a run). */
const MODELS: Record<string, { file: string; parameters: number; tokens: number }> = {
  stories260k: { file: 'stories260K/stories260K.gguf', parameters: 292_800, tokens: 512 },
  'smollm2-135m-instruct': { file: 'smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf', parameters: 134_515_008, tokens: 96 },
};
const threadsFor = (parameters: number) => defaultThreads(parameters, process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : undefined);
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 1) => n.toFixed(d);

/** Direct node-llama-cpp, the baseline: its own model and a one-sequence context with the same threads. */
async function openDirect(modelFile: string, threads: number, maxTokens: number) {
  const llama = await getLlama({ build: 'never', gpu: false });
  const model = await llama.loadModel({ modelPath: path.join(modelsDir, modelFile) });
  const context = await model.createContext({ sequences: 1, threads, contextSize: 2048 });
  return {
    async run(): Promise<StreamTiming> {
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
      return { ttftMs: first - start, connectMs: 0, tokens, decodeMs: end - first, totalMs: end - start };
    },
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

async function main() {
  console.log(`# OET AI Engine inference benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  console.log(`settings: repeats=${repeats} (median, direct and GraphQL runs interleaved in rotating order), temperature 0, one graphql-ws connection per stream from a separate client process\n`);
  for (const id of selected) {
    const spec = MODELS[id];
    if (!spec) throw new Error(`unknown model ${id}; choose from ${Object.keys(MODELS).join(', ')}`);
    const threads = threadsFor(spec.parameters);
    const maxTokens = Number(process.env.BENCH_TOKENS ?? spec.tokens);
    const baseline = await openDirect(spec.file, threads, maxTokens);

    const { engine, wsUrl, token, stop } = await startBenchEngine({ modelsDir, name: id, threads, parallelSequences: 8 });
    await engine.services.inference.loadModel(id);
    const input = { model: id, prompt: PROMPT, maxTokens, temperature: 0 };
    const run = async () => (await streamFromClientProcess(wsUrl, token, input, 1)).timings[0]!;
    await run(); // warm-up
    await baseline.run();
    // The engine without GraphQL: separates the cost of the serving core from the cost of the API.
    const core = async (): Promise<StreamTiming> => {
      const start = performance.now();
      let first = 0;
      let tokens = 0;
      for await (const chunk of engine.services.inference.generateStream({ model: id, prompt: PROMPT, maxTokens, temperature: 0 })) {
        if (first === 0 && chunk.text) first = performance.now();
        if (chunk.result) tokens = chunk.result.usage.completionTokens;
      }
      const end = performance.now();
      return { ttftMs: first - start, connectMs: 0, tokens, decodeMs: end - first, totalMs: end - start };
    };
    // Interleaved, so drift in the machine's load hits every path alike.
    const single: StreamTiming[] = [];
    const direct: StreamTiming[] = [];
    const engineOnly: StreamTiming[] = [];
    // The order rotates: llama.cpp threads spin for a while after their work, which taxes whatever runs next.
    const paths: [() => Promise<StreamTiming>, StreamTiming[]][] = [[baseline.run, direct], [core, engineOnly], [run, single]];
    for (let i = 0; i < repeats; i++) {
      for (let k = 0; k < paths.length; k++) {
        const [measure, into] = paths[(i + k) % paths.length]!;
        into.push(await measure());
      }
    }
    await baseline.close();

    const directTps = median(direct.map((t) => (t.tokens - 1) / (t.decodeMs / 1000)));
    const graphqlTps = median(single.map((t) => (t.tokens - 1) / (t.decodeMs / 1000)));
    const directTtft = median(direct.map((t) => t.ttftMs));
    const graphqlTtft = median(single.map((t) => t.ttftMs));
    console.log(`## ${id} (threads=${threads}, ${maxTokens} tokens a run)`);
    console.log(`| path | decode tokens/s | time to first token (ms) |`);
    console.log(`|---|---:|---:|`);
    console.log(`| direct node-llama-cpp | ${fmt(directTps)} | ${fmt(directTtft)} |`);
    console.log(`| engine core (InferenceService.generateStream) | ${fmt(median(engineOnly.map((t) => (t.tokens - 1) / (t.decodeMs / 1000))))} | ${fmt(median(engineOnly.map((t) => t.ttftMs)))} |`);
    console.log(`| GraphQL subscription (graphql-ws) | ${fmt(graphqlTps)} | ${fmt(graphqlTtft)} |`);
    console.log(`\nratio GraphQL / direct decode tokens/s: **${fmt(graphqlTps / directTps, 3)}**; TTFT overhead of the GraphQL path: **${fmt(graphqlTtft - directTtft)} ms**\n`);

    console.log(`| concurrent streams | aggregate tokens/s | vs 1 stream |`);
    console.log(`|---:|---:|---:|`);
    let base = 0;
    for (const n of [1, 4, 8]) {
      const { timings, wallMs } = await streamFromClientProcess(wsUrl, token, input, n);
      const tps = timings.reduce((s, r) => s + r.tokens, 0) / (wallMs / 1000);
      if (n === 1) base = tps;
      console.log(`| ${n} | ${fmt(tps)} | ${fmt(tps / base, 2)}x |`);
    }
    console.log('');
    await stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
