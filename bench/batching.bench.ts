/**
 * Lockstep batching against node-llama-cpp's own dispatch, in one run: aggregate completion tokens/s of N concurrent
 * greedy requests through the engine (InferenceService, pooled sequences) with `batching: 'lockstep'` (the default)
 * and `batching: 'library'`, both loaded side by side on the same model and threads, the order alternating per
 * repeat. Prints per case the median tokens/s of each and the ratio new ÷ old, and the machine's load average.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/batching.bench.js
 *   BENCH_MODELS=stories260k BENCH_STREAMS=1,4,8 BENCH_REPEATS=3 BENCH_THREADS=1 node dist/bench/batching.bench.js
 */
import os from 'node:os';
import path from 'node:path';
import { createInferenceService, type InferenceService } from '../src/inference/InferenceService.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const MODELS: Record<string, number> = { stories260k: 256, 'smollm2-135m-instruct': 48 };
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');
const streamCounts = (process.env.BENCH_STREAMS ?? '1,4,8').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const threads = Number(process.env.BENCH_THREADS ?? 1);
const PROMPTS = ['Once upon a time', 'The little dog', 'One day a girl', 'Tom and his mom', 'The sun was', 'In the park', 'A big red ball', 'Lily wanted to'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function open(batching: 'lockstep' | 'library'): InferenceService {
  return createInferenceService({
    modelsDirs: [modelsDir],
    manifestPath: path.resolve('models/manifest.json'),
    config: { memoryBudgetBytes: undefined, threads, parallelSequences: 8, maxQueue: 64, requestTimeoutMs: 600_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 10 },
    contextSize: 512,
    batching,
  });
}

/** Aggregate completion tokens/s of `streams` concurrent greedy requests. */
async function measure(service: InferenceService, model: string, streams: number, maxTokens: number): Promise<number> {
  const start = performance.now();
  const results = await Promise.all(
    Array.from({ length: streams }, (_, i) => service.generate({ model, prompt: PROMPTS[i % PROMPTS.length]!, maxTokens, temperature: 0 })),
  );
  const seconds = (performance.now() - start) / 1000;
  return results.reduce((sum, r) => sum + r.usage.completionTokens, 0) / seconds;
}

async function main(): Promise<void> {
  console.log(`# Lockstep batching ÷ node-llama-cpp dispatch — ${os.availableParallelism()} cores, ${threads} thread(s), load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| model | streams | library tokens/s | lockstep tokens/s | lockstep ÷ library | runs each |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const lockstep = open('lockstep');
  const library = open('library');
  try {
    await Promise.all([lockstep.refresh(), library.refresh()]);
    for (const model of selected) {
      const maxTokens = MODELS[model];
      if (maxTokens === undefined) throw new Error(`unknown model ${model}`);
      for (const service of [lockstep, library]) await service.generate({ model, prompt: 'Once', maxTokens: 4 }); // load + warm-up
      for (const streams of streamCounts) {
        const runs = { lockstep: [] as number[], library: [] as number[] };
        for (let r = 0; r < repeats; r += 1) {
          // Alternating order, so drift in the machine's load does not favour one side.
          const order = r % 2 === 0 ? (['library', 'lockstep'] as const) : (['lockstep', 'library'] as const);
          for (const which of order) runs[which].push(await measure(which === 'lockstep' ? lockstep : library, model, streams, maxTokens));
        }
        const [old, now] = [median(runs.library), median(runs.lockstep)];
        console.log(`| ${model} | ${streams} | ${old.toFixed(1)} | ${now.toFixed(1)} | ${(now / old).toFixed(2)} | ${repeats} |`);
      }
    }
  } finally {
    await Promise.all([lockstep.dispose(), library.dispose()]);
  }
  console.log(`load average at end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
