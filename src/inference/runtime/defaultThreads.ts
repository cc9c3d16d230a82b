import os from 'node:os';
import { calibratedThreads, type ThreadCalibration } from './threadCalibration.js';

/** Below this many parameters a model is "tiny": one thread beats several (less spin-wait, no sync). */
export const TINY_MODEL_PARAMETERS = 50_000_000;

/** What decides the thread count when the operator set none. */
export interface ThreadChoice {
  /** bench/threads.bench.ts's measurement on this machine (see threadCalibration.ts); null when there is none. */
  calibration?: ThreadCalibration | null;
  /** The context decodes several sequences in one batch (parallelSequences > 1). */
  batched?: boolean;
}

/**
 * llama.cpp threads for a model: the operator's setting (OET_LLAMA_THREADS), else the calibration measured on this
 * machine for a model of about this size (batched or single decode), else a rule from an earlier measurement on a
 * 2-core machine with other builds running (bench/threads.bench.ts): stories260K made ~1,000-1,200 tokens/s on 1
 * thread and ~70-130 on 2 (llama.cpp's threads spin-wait, so a tiny model drowns in synchronisation); SmolLM2-135M
 * made about the same on 1 or 2 threads for one request, but 110-120 vs 70-75 tokens/s for 4 concurrent ones on 2.
 * Hence 1 thread for tiny models, all cores otherwise. Never more than the cores: threads beyond them spin against
 * each other (node-llama-cpp also splits its runtime's maxThreads, the core count, between contexts decoding at once).
 */
export function defaultThreads(parameterCount: number | null, configured: number | undefined, choice: ThreadChoice = {}): number {
  if (configured !== undefined && configured > 0) return configured;
  const cores = Math.max(1, os.availableParallelism());
  const calibrated = calibratedThreads(choice.calibration ?? null, parameterCount, choice.batched ?? false);
  if (calibrated !== undefined) return Math.min(calibrated, cores);
  if (parameterCount !== null && parameterCount < TINY_MODEL_PARAMETERS) return 1;
  return cores;
}
