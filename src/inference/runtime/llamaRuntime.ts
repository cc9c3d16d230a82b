import type { Llama, LlamaLogLevel } from 'node-llama-cpp';
import type { Logger } from '../../logger.js';
import type { ModelBackend } from '../types.js';

/** Options of {@link acquireLlama}. */
export interface LlamaRuntimeOptions {
  /** `cpu` forces the CPU backend; `auto` tries the GPU first and falls back to CPU. Default `auto`. */
  gpu?: 'auto' | 'cpu';
  /** Receives llama.cpp's warnings and errors. Default: none (they are dropped). */
  logger?: Logger;
}

/**
 * One llama.cpp runtime per process (STYLE: one owner per expensive thing). Services share it through a ref count:
 * the runtime is disposed when the last service releases it, so tests can create and dispose services freely.
 * The first caller's `gpu` choice wins while the runtime lives.
 */
let shared: { llama: Promise<Llama>; refs: number; logger: Logger | undefined } | undefined;

/**
 * How long releasing the runtime waits for llama.cpp to dispose. node-llama-cpp 3.21 leaves the model object of a
 * failed native load undisposed, holding a prevent-disposal handle on the backend; once that object is garbage
 * collected, `llama.dispose()` never resolves (checkGgufComplete.ts keeps truncated files away; other corrupt files
 * still get there). A shutdown must not hang on it: past this wait the native runtime is left to the process exit.
 */
export const LLAMA_DISPOSE_WAIT_MS = 5_000;

export function acquireLlama(options: LlamaRuntimeOptions = {}): Promise<Llama> {
  if (shared === undefined) shared = { llama: createLlama(options), refs: 0, logger: options.logger };
  shared.refs += 1;
  const current = shared;
  // A failed start must not poison later attempts.
  current.llama.catch(() => {
    if (shared === current) shared = undefined;
  });
  return current.llama;
}

export async function releaseLlama(): Promise<void> {
  const current = shared;
  if (current === undefined) return;
  current.refs -= 1;
  if (current.refs > 0) return;
  shared = undefined;
  const llama = await current.llama.catch(() => undefined);
  if (llama === undefined || llama.disposed) return;
  let timer: NodeJS.Timeout | undefined;
  const disposed = await Promise.race([
    llama.dispose().then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), LLAMA_DISPOSE_WAIT_MS))),
  ]).finally(() => clearTimeout(timer));
  if (!disposed) current.logger?.warn({ waitedMs: LLAMA_DISPOSE_WAIT_MS }, 'llama.cpp runtime did not finish disposing (a failed model load holds it); its memory is freed when the process exits');
}

async function createLlama(options: LlamaRuntimeOptions): Promise<Llama> {
  // Imported here, not at the top: node-llama-cpp costs ~0.7 s and ~35 MB to import, paid on the first GGUF use only.
  const { getLlama, LlamaLogLevel } = await import('node-llama-cpp');
  const logger = options.logger;
  const base = {
    build: 'never' as const,
    logLevel: LlamaLogLevel.warn,
    logger: (level: LlamaLogLevel, message: string) => {
      if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) logger?.error({ llama: message.trim() }, 'llama.cpp');
      else logger?.debug({ llama: message.trim() }, 'llama.cpp');
    },
  };
  if (options.gpu === 'cpu') return getLlama({ ...base, gpu: false });
  try {
    return await getLlama({ ...base, gpu: 'auto' });
  } catch (error) {
    // A broken driver must not take the service down: CPU always works.
    logger?.warn({ err: error }, 'GPU runtime failed to start; falling back to CPU');
    return getLlama({ ...base, gpu: false });
  }
}

export function backendOf(llama: Llama): ModelBackend {
  const gpu = llama.gpu;
  switch (gpu) {
    case false:
      return 'cpu';
    case 'cuda':
    case 'vulkan':
    case 'metal':
      return gpu;
    default: {
      const unknown: never = gpu;
      throw new Error(`Unknown llama.cpp GPU type ${String(unknown)}`);
    }
  }
}
