/**
 * Lockstep batching (the engine's default) against node-llama-cpp's own dispatch, in one run: N concurrent greedy
 * generations on one context of 8 pooled sequences, through the engine's loader, scheduler and runGeneration, with
 * `batching: 'lockstep'` and `batching: 'library'` loaded side by side (same file, threads, prompts), the order
 * alternating per repeat. Prints per case the median aggregate tokens/s of each, the ratio new ÷ old, and the llama.cpp
 * decode calls per generated token (the batching itself, independent of how busy the machine is), with the machine's
 * load average: on a shared machine repeat the run and read the spread. Then the prefix cache: time to first token of
 * a prompt whose first BENCH_PREFIX_TOKENS (default 1,000) tokens a pooled sequence already holds, ÷ the same prompt
 * on a cleared sequence.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/batching.bench.js
 *   BENCH_MODELS=stories260k BENCH_STREAMS=1,4,8 BENCH_REPEATS=5 BENCH_THREADS=1 node dist/bench/batching.bench.js
 */
import os from 'node:os';
import path from 'node:path';
import type { LlamaContext } from 'node-llama-cpp';
import { runGeneration } from '../src/inference/generation/runGeneration.js';
import { validateGenerateRequest } from '../src/inference/generation/validateGenerateRequest.js';
import type { LoadedGguf } from '../src/inference/lifecycle/LoadedModel.js';
import { loadGgufModel } from '../src/inference/lifecycle/loadGgufModel.js';
import { acquireLlama, releaseLlama } from '../src/inference/runtime/llamaRuntime.js';

const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? '../shared/models');
const MODELS: Record<string, { file: string; tokens: number }> = {
  stories260k: { file: 'stories260K/stories260K.gguf', tokens: 200 },
  'smollm2-135m-instruct': { file: 'smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf', tokens: 32 },
};
const selected = (process.env.BENCH_MODELS ?? Object.keys(MODELS).join(',')).split(',');
const streamCounts = (process.env.BENCH_STREAMS ?? '1,4,8').split(',').map(Number);
const repeats = Number(process.env.BENCH_REPEATS ?? 3);
const threads = Number(process.env.BENCH_THREADS ?? 1);
const PROMPTS = ['Once upon a time', 'The little dog', 'One day a girl', 'Tom and his mom', 'The sun was', 'In the park', 'A big red ball', 'Lily wanted to'];

const prefixTokens = Number(process.env.BENCH_PREFIX_TOKENS ?? 1000);
const STORY = 'Once upon a time there was a little girl named Lily. She loved to play in the park with her dog, and every day she ran to the big tree to see the birds. ';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => os.loadavg()[0]!.toFixed(1);

/**
 * Counts llama.cpp decode calls of a context. Reads node-llama-cpp 3.21.1's internal addon context (`_ctx`): a
 * measurement aid for this script only, never used by the engine.
 */
function countDecodes(context: LlamaContext): () => number {
  const holder = context as unknown as { _ctx: Record<string | symbol, unknown> & { decodeBatch(): Promise<void> } };
  const inner = holder._ctx;
  let calls = 0;
  holder._ctx = new Proxy(inner, {
    get(target, key) {
      if (key === 'decodeBatch') {
        return () => {
          calls += 1;
          return target.decodeBatch();
        };
      }
      const value = target[key];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return () => calls;
}

interface Side {
  loaded: LoadedGguf;
  decodes: () => number;
}

async function measure(side: Side, streams: number, maxTokens: number): Promise<{ tokensPerSecond: number; decodesPerToken: number }> {
  const { scheduler } = side.loaded;
  const sequences = await Promise.all(Array.from({ length: streams }, () => scheduler.acquire('interactive')));
  const before = side.decodes();
  const start = performance.now();
  try {
    const outcomes = await Promise.all(
      sequences.map((sequence, i) =>
        runGeneration(side.loaded, sequence, validateGenerateRequest({ prompt: PROMPTS[i % PROMPTS.length]!, maxTokens, temperature: 0 }), { signal: new AbortController().signal }),
      ),
    );
    const seconds = (performance.now() - start) / 1000;
    const tokens = outcomes.reduce((sum, o) => sum + o.completionTokens, 0);
    return { tokensPerSecond: tokens / seconds, decodesPerToken: (side.decodes() - before) / tokens };
  } finally {
    // Cold prompts every run: neither side gains from the prefix cache here.
    await Promise.all(sequences.map((s) => scheduler.release(s, { keepState: false })));
  }
}

/** Milliseconds to the first generated token of `prompt` on a sequence that holds `held` (cleared when undefined). */
async function ttft(loaded: LoadedGguf, held: string | undefined, prompt: string): Promise<{ ms: number; reused: number }> {
  const { scheduler, model } = loaded;
  const signal = new AbortController().signal;
  const first = await scheduler.acquire('interactive', undefined, model.tokenize(held ?? '', false));
  try {
    if (held !== undefined) await runGeneration(loaded, first, validateGenerateRequest({ prompt: held, maxTokens: 1, temperature: 0 }), { signal });
    else await first.clearHistory();
  } finally {
    await scheduler.release(first);
  }
  const sequence = await scheduler.acquire('interactive', undefined, model.tokenize(prompt, false));
  try {
    const start = performance.now();
    const outcome = await runGeneration(loaded, sequence, validateGenerateRequest({ prompt, maxTokens: 1, temperature: 0 }), { signal });
    return { ms: (outcome.firstTokenAt ?? performance.now()) - start, reused: scheduler.reusedPromptTokens(sequence) };
  } finally {
    await scheduler.release(sequence, { keepState: false });
  }
}

async function prefixTable(llama: Awaited<ReturnType<typeof acquireLlama>>): Promise<void> {
  if (prefixTokens <= 0) return;
  console.log(`\n# Prefix cache: time to first token with a ${prefixTokens}-token prefix held ÷ cold — load average ${load()}`);
  console.log('| model | cold TTFT ms | reused TTFT ms | reused ÷ cold | prompt tokens reused | runs |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const name of selected) {
    const spec = MODELS[name]!;
    const loaded = await loadGgufModel(llama, path.join(modelsDir, spec.file), { contextSize: prefixTokens + 256, sequences: 2, threads, maxQueue: 8, estimatedBytes: 0 });
    try {
      const tokens = loaded.model.tokenize(STORY.repeat(Math.ceil((prefixTokens * 6) / STORY.length)), false).slice(0, prefixTokens);
      const prefix = loaded.model.detokenize(tokens);
      const cold: number[] = [];
      const warm: number[] = [];
      let reused = 0;
      for (let r = 0; r < repeats; r += 1) {
        cold.push((await ttft(loaded, undefined, `${prefix} Then the dog barked`)).ms);
        const w = await ttft(loaded, `${prefix} Then the cat ran`, `${prefix} Then the dog barked`);
        warm.push(w.ms);
        reused = w.reused;
      }
      console.log(`| ${name} | ${median(cold).toFixed(0)} | ${median(warm).toFixed(0)} | ${(median(warm) / median(cold)).toFixed(3)} | ${reused} | ${repeats} |`);
    } finally {
      await loaded.dispose();
    }
  }
}

async function main(): Promise<void> {
  console.log(`# Lockstep batching ÷ node-llama-cpp dispatch — ${os.availableParallelism()} cores, ${threads} thread(s), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('| model | streams | library tokens/s | lockstep tokens/s | lockstep ÷ library | decodes per token library / lockstep | runs | load during |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  const llama = await acquireLlama({ gpu: 'cpu' });
  try {
    for (const name of selected) {
      const spec = MODELS[name];
      if (spec === undefined) throw new Error(`unknown model ${name}`);
      const open = async (batching: 'lockstep' | 'library'): Promise<Side> => {
        const loaded = await loadGgufModel(llama, path.join(modelsDir, spec.file), { contextSize: 512, sequences: 8, threads, maxQueue: 64, estimatedBytes: 0, batching });
        return { loaded, decodes: countDecodes(loaded.context) };
      };
      const sides = { lockstep: await open('lockstep'), library: await open('library') };
      try {
        for (const side of Object.values(sides)) await measure(side, 1, 4); // warm-up
        for (const streams of streamCounts) {
          const runs = { lockstep: [] as number[], library: [] as number[] };
          const perToken = { lockstep: [] as number[], library: [] as number[] };
          const loads: string[] = [];
          for (let r = 0; r < repeats; r += 1) {
            // Alternating order, so drift in the machine's load does not favour one side.
            const order = r % 2 === 0 ? (['library', 'lockstep'] as const) : (['lockstep', 'library'] as const);
            for (const which of order) {
              const m = await measure(sides[which], streams, spec.tokens);
              runs[which].push(m.tokensPerSecond);
              perToken[which].push(m.decodesPerToken);
            }
            loads.push(load());
          }
          const [old, now] = [median(runs.library), median(runs.lockstep)];
          const ratios = runs.lockstep.map((v, i) => (v / runs.library[i]!).toFixed(2)).join(' ');
          console.log(
            `| ${name} | ${streams} | ${old.toFixed(1)} | ${now.toFixed(1)} | ${(now / old).toFixed(2)} (runs: ${ratios}) | ${median(perToken.library).toFixed(2)} / ${median(perToken.lockstep).toFixed(2)} | ${repeats} | ${loads.join(' ')} |`,
          );
        }
      } finally {
        await Promise.all(Object.values(sides).map((s) => s.loaded.dispose()));
      }
    }
    await prefixTable(llama);
  } finally {
    await releaseLlama();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
