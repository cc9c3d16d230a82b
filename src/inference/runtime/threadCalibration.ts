import { readFileSync } from 'node:fs';
import os from 'node:os';
import { z } from 'zod';

/** Best llama.cpp thread counts measured for one model on this machine (bench/threads.bench.ts). */
export interface ThreadCalibrationEntry {
  model: string;
  parameterCount: number;
  /** Fastest for one request alone. */
  single: number;
  /** Fastest for several concurrent requests decoding in one batch. */
  batched: number;
}

export interface ThreadCalibration {
  /** Cores the measurement saw; a file measured on another core count is ignored. */
  cores: number;
  measuredAt: string;
  /** 1-minute load average when the measurement started (a busy machine favours fewer threads). */
  loadAverage: number;
  entries: ThreadCalibrationEntry[];
}

const CalibrationSchema = z.object({
  cores: z.number().int().positive(),
  measuredAt: z.string(),
  loadAverage: z.number(),
  entries: z.array(
    z.object({
      model: z.string(),
      parameterCount: z.number().positive(),
      single: z.number().int().positive(),
      batched: z.number().int().positive(),
    }),
  ),
});

/**
 * The calibration file, or null when there is none, it does not parse, or it was measured on a different number of
 * cores. Read once at start-up; `problem` receives why a file that exists was not used.
 */
export function readThreadCalibration(file: string | undefined, problem?: (message: string) => void): ThreadCalibration | null {
  if (file === undefined) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = CalibrationSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    problem?.(`thread calibration ${file} is not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
    return null;
  }
  if (parsed.data.cores !== os.availableParallelism()) {
    problem?.(`thread calibration ${file} was measured on ${parsed.data.cores} cores, this machine has ${os.availableParallelism()}; ignored`);
    return null;
  }
  return parsed.data;
}

/** Most a model's parameter count may differ from a calibrated one's (either way) for that entry to apply. */
const SIZE_FACTOR = 4;

/** Threads the calibration measured best for a model of this size, or undefined when no entry is close enough. */
export function calibratedThreads(calibration: ThreadCalibration | null, parameterCount: number | null, batched: boolean): number | undefined {
  if (calibration === null || parameterCount === null || parameterCount <= 0) return undefined;
  let best: ThreadCalibrationEntry | undefined;
  let bestDistance = Math.log(SIZE_FACTOR);
  for (const entry of calibration.entries) {
    const distance = Math.abs(Math.log(entry.parameterCount / parameterCount));
    if (distance <= bestDistance) {
      best = entry;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return Math.min(batched ? best.batched : best.single, os.availableParallelism());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
