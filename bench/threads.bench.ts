/**
 * The measurement behind the default llama.cpp thread counts (src/inference/runtime/defaultThreads.ts): completion
 * tokens/s for one request and for four concurrent ones, per model and thread count. Run on an idle machine:
 *   npm run build:all && node dist/bench/threads.bench.js
 */
import os from 'node:os';
import path from 'node:path';
import { createInferenceService } from '../src/inference/InferenceService.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const cases = [
  { model: 'stories260k', tokens: 400 },
  { model: 'smollm2-135m-instruct', tokens: 64 },
];

async function main() {
  console.log(`# llama.cpp threads — ${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(2)}`);
  console.log('| model | threads | 1 request tokens/s | 4 concurrent tokens/s (total) |');
  console.log('|---|---:|---:|---:|');
  for (const c of cases) {
    for (const threads of [1, 2, 4].filter((t) => t <= Math.max(2, os.availableParallelism()))) {
      const service = createInferenceService({
        modelsDirs: [modelsDir],
        manifestPath: path.resolve('models/manifest.json'),
        config: { memoryBudgetBytes: undefined, threads, parallelSequences: 4, maxQueue: 64, requestTimeoutMs: 120_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 10 },
        contextSize: 512,
      });
      try {
        await service.refresh();
        await service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: 8 }); // warm-up
        const t0 = performance.now();
        const one = await service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: c.tokens, temperature: 0 });
        const single = one.usage.completionTokens / ((performance.now() - t0) / 1000);
        const t1 = performance.now();
        const four = await Promise.all([1, 2, 3, 4].map((seed) => service.generate({ model: c.model, prompt: 'Once upon a time', maxTokens: c.tokens, seed })));
        const parallel = four.reduce((s, r) => s + r.usage.completionTokens, 0) / ((performance.now() - t1) / 1000);
        console.log(`| ${c.model} | ${threads} | ${single.toFixed(0)} | ${parallel.toFixed(0)} |`);
      } finally {
        await service.dispose();
      }
    }
  }
}

main().then(() => process.exit(0), (error: unknown) => { console.error(error); process.exit(1); });
