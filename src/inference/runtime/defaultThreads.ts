import os from 'node:os';

/** Below this many parameters a model is "tiny": one thread beats several (less spin-wait, no sync). */
export const TINY_MODEL_PARAMETERS = 50_000_000;

/**
 * llama.cpp threads for a model when the operator set none. Measured on a 2-core machine with other builds running
 * (bench/threads.bench.ts): stories260K made ~1,000-1,200 tokens/s on 1 thread and ~70-130 on 2
 * (llama.cpp's threads spin-wait, so a tiny model drowns in synchronisation); SmolLM2-135M made about the same on
 * 1 or 2 threads for one request, but 110-120 vs 70-75 tokens/s for 4 concurrent ones on 2. Hence 1 thread for tiny
 * models, all cores otherwise.
 */
export function defaultThreads(parameterCount: number | null, configured: number | undefined): number {
  if (configured !== undefined && configured > 0) return configured;
  if (parameterCount !== null && parameterCount < TINY_MODEL_PARAMETERS) return 1;
  return Math.max(1, os.availableParallelism());
}
