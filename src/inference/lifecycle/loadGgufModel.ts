import path from 'node:path';
import type { Llama } from 'node-llama-cpp';
import { ErrorCode } from '../../errors.js';
import { asDomainError } from '../inferenceErrors.js';
import { chunkedPrefill, DEFAULT_PREFILL_CHUNK } from '../scheduling/chunkedPrefill.js';
import { LockstepGate } from '../scheduling/LockstepGate.js';
import { SequenceScheduler, type SequenceSchedulerOptions } from '../scheduling/SequenceScheduler.js';
import type { LoadedGguf } from './LoadedModel.js';
import { checkGgufComplete } from './checkGgufComplete.js';

/** Options of {@link loadGgufModel}. */
export interface LoadGgufModelOptions extends Omit<SequenceSchedulerOptions, 'gate'> {
  /** Tokens per sequence. */
  contextSize: number;
  /** Sequences in the context: how many requests decode together. */
  sequences: number;
  threads: number;
  /** Bytes estimated before the load; recorded as the model's memory (llama.cpp reports no actual total on CPU). */
  estimatedBytes: number;
  /**
   * `lockstep` (default): the engine's batch driver, one decode per step across all streams, prompts chunked.
   * `library`: node-llama-cpp's own dispatch (each sequence's decode queued as it arrives), kept to measure against.
   */
  batching?: 'lockstep' | 'library';
  /** Prompt tokens per batch while other streams decode (lockstep only). Default {@link DEFAULT_PREFILL_CHUNK}. */
  prefillChunk?: number;
}

/** Loads weights and creates the model's one context. Any failure becomes MODEL_LOAD_FAILED; nothing leaks. */
export async function loadGgufModel(llama: Llama, filePath: string, options: LoadGgufModelOptions): Promise<LoadedGguf> {
  let model;
  try {
    await checkGgufComplete(llama, filePath);
    model = await llama.loadModel({ modelPath: filePath, gpuLayers: llama.gpu === false ? 0 : 'auto' });
  } catch (error) {
    throw asDomainError(error, ErrorCode.MODEL_LOAD_FAILED, `Loading ${path.basename(filePath)} failed (is the file complete? compare its sha256 with the manifest)`);
  }
  try {
    const gate = options.batching === 'library' ? undefined : new LockstepGate();
    const context = await model.createContext({
      sequences: options.sequences,
      contextSize: options.contextSize,
      threads: options.threads,
      // The gate queues a step's decodes in one tick; node-llama-cpp dispatches them on its next cycle (or at once when
      // every sequence is queued).
      batching: {
        dispatchSchedule: 'nextCycle',
        itemPrioritizationStrategy: gate ? chunkedPrefill(options.prefillChunk ?? DEFAULT_PREFILL_CHUNK) : 'maximumParallelism',
      },
    });
    // Imported here: node-llama-cpp is loaded by now (the runtime imported it), never at start-up.
    const { resolveChatWrapper } = await import('node-llama-cpp');
    const chatWrapper = resolveChatWrapper(model);
    const scheduler = new SequenceScheduler(context, { ...options, gate });
    // Weights are mmapped: model.size is their real footprint; the context part is the estimate's remainder.
    // Whole bytes: estimates come back fractional, and the API reports byte counts as integers.
    const memoryBytes = Math.ceil(Math.max(options.estimatedBytes, model.size));
    return {
      format: 'gguf',
      model,
      context,
      scheduler,
      gate: gate ?? null,
      chatWrapper,
      threads: options.threads,
      contextSize: context.contextSize,
      memoryBytes,
      async dispose() {
        scheduler.close();
        if (!context.disposed) await context.dispose();
        if (!model.disposed) await model.dispose();
      },
    };
  } catch (error) {
    await model.dispose().catch(() => undefined);
    throw asDomainError(error, ErrorCode.MODEL_LOAD_FAILED, `Creating a context for ${path.basename(filePath)} failed`);
  }
}
