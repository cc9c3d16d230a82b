/**
 * The measurement behind the default llama.cpp thread counts (src/inference/runtime/defaultThreads.ts): completion
 * tokens/s for one request and for four concurrent ones (batched), per model and thread count up to the cores, each
 * measured BENCH_REPEATS times (median). Writes the fastest counts as the calibration the engine reads when
 * OET_LLAMA_THREADS is unset: OET_THREADS_CALIBRATION, default data/threads-calibration.json. Run on an idle machine:
 *   npx tsc -p tsconfig.json && node dist/bench/threads.bench.js
 *   BENCH_WRITE=0 node dist/bench/threads.bench.js    # print only
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInferenceService } from '../src/inference/InferenceService.js';
import type { ThreadCalibration, ThreadCalibrationEntry } from '../src/inference/runtime/threadCalibration.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const outFile = path.resolve(process.env.OET_THREADS_CALIBRATION ?? 'data/threads-calibration.json');
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const cases = [
  { model: 'stories260k', tokens: 300 },
  { model: 'smollm2-135m-instruct', tokens: 48 },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const cores = os.availableParallelism();
  const loadAverage = os.loadavg()[0]!;
  console.log(`# llama.cpp threads — ${cores} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, median of ${repeats}`);
  console.log('| model | threads | 1 request tokens/s | 4 concurrent tokens/s (total) |');
  console.log('|---|---:|---:|---:|');
  const threadCounts = [...new Set([1, 2, 4, cores])].filter((t) => t <= cores).sort((a, b) => a - b);
  const entries: ThreadCalibrationEntry[] = [];
  for (const c of cases) {
    const results: { threads: number; single: number; batched: number }[] = [];
    let parameterCount = 0;
    for (const threads of threadCounts) {
      const service = createInferenceService({
        modelsDirs: [modelsDir],
        manifestPath: path.resolve('models/manifest.json'),
        config: { memoryBudgetBytes: undefined, threads, parallelSequences: 4, maxQueue: 64, requestTimeoutMs: 300_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 10 },
        contextSize: 512,
      });
      try {
        await service.refresh();
        parameterCount = service.getModel(c.model)?.parameterCount ?? 0;
        await service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: 8 }); // warm-up
        const singles: number[] = [];
        const batched: number[] = [];
        for (let r = 0; r < repeats; r += 1) {
          const t0 = performance.now();
          const one = await service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: c.tokens, temperature: 0 });
          singles.push(one.usage.completionTokens / ((performance.now() - t0) / 1000));
          const t1 = performance.now();
          const four = await Promise.all([1, 2, 3, 4].map((seed) => service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: c.tokens, seed })));
          batched.push(four.reduce((s, x) => s + x.usage.completionTokens, 0) / ((performance.now() - t1) / 1000));
        }
        results.push({ threads, single: median(singles), batched: median(batched) });
        console.log(`| ${c.model} | ${threads} | ${median(singles).toFixed(0)} | ${median(batched).toFixed(0)} |`);
      } finally {
        await service.dispose();
      }
    }
    // Ties (within 5 %) go to fewer threads: fewer threads spin less against other work on the machine.
    const pick = (key: 'single' | 'batched') => {
      const best = Math.max(...results.map((r) => r[key]));
      return results.find((r) => r[key] >= best * 0.95)!.threads;
    };
    entries.push({ model: c.model, parameterCount, single: pick('single'), batched: pick('batched') });
  }
  const calibration: ThreadCalibration = { cores, measuredAt: new Date().toISOString(), loadAverage, entries };
  console.log(`\nchosen: ${entries.map((e) => `${e.model} single ${e.single}, batched ${e.batched}`).join('; ')}`);
  if (process.env.BENCH_WRITE !== '0') {
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(calibration, null, 2)}\n`);
    console.log(`written to ${outFile} (the engine reads it when OET_LLAMA_THREADS is unset; OET_THREADS_CALIBRATION=off ignores it)`);
  }
}

main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
