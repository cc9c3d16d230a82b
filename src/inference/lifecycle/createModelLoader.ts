import type { Llama } from 'node-llama-cpp';
import { DomainError, ErrorCode } from '../../errors.js';
import { asDomainError } from '../inferenceErrors.js';
import type { ModelRecord } from '../registry/ModelRecord.js';
import { defaultThreads } from '../runtime/defaultThreads.js';
import type { ThreadCalibration } from '../runtime/threadCalibration.js';
import type { SequenceSchedulerOptions } from '../scheduling/SequenceScheduler.js';
import { chooseContextSize, estimateGgufMemory } from './estimateGgufMemory.js';
import type { LoadedModel } from './LoadedModel.js';
import { loadGgufModel } from './loadGgufModel.js';
import type { ServedModelOptions } from '../llamaServer/loadServedModel.js';

/** Options of {@link createModelLoader}. */
export interface ModelLoaderOptions {
  /** Upper bound on tokens per sequence (capped at each model's trained context). */
  contextSize: number;
  /** Sequences per GGUF context. */
  sequences: number;
  /** llama.cpp / onnxruntime threads; undefined picks per model (see defaultThreads). */
  threads: number | undefined;
  /** Thread counts measured on this machine, used when `threads` is undefined. Default none. */
  threadCalibration?: ThreadCalibration | null;
  maxQueue: number;
  /** See LoadGgufModelOptions.batching. Default `lockstep`. */
  batching?: 'lockstep' | 'library';
  onQueueChange(modelId: string, state: Parameters<NonNullable<SequenceSchedulerOptions['onChange']>>[0]): void;
  /** Set: GGUF models run on supervised llama-server processes instead of node-llama-cpp in this process. */
  llamaServer?: Omit<ServedModelOptions, 'parallel' | 'maxQueue' | 'onQueueChange'>;
}

/**
 * ONNX runtimes keep the weights plus an arena of activations; twice the file is what all-MiniLM measured loosely.
 * Replaced by the model's own figure once loaded.
 */
const ONNX_MEMORY_FACTOR = 2;

/** The estimate and load functions the ModelManager calls, for both formats. */
export interface ModelLoader {
  estimate(record: ModelRecord): Promise<number>;
  load(record: ModelRecord, estimatedBytes: number): Promise<LoadedModel>;
}

export function createModelLoader(runtime: () => Promise<Llama>, options: ModelLoaderOptions): ModelLoader {
  return {
    async estimate(record: ModelRecord): Promise<number> {
      if (record.format === 'onnx') return record.fileSizeBytes * ONNX_MEMORY_FACTOR;
      const contextSize = chooseContextSize(record.contextLength, options.contextSize);
      return estimateGgufMemory(await runtime(), record.path, record.fileSizeBytes, contextSize, options.sequences);
    },

    async load(record: ModelRecord, estimatedBytes: number): Promise<LoadedModel> {
      if (record.format === 'onnx') {
        try {
          // onnxruntime-node and @huggingface/transformers load with the first ONNX model, not at start-up (~0.3 s, ~45 MB).
          const { loadOnnxModel } = await import('../onnx/loadOnnxModel.js');
          const onnx = await loadOnnxModel({ id: record.id, path: record.path, task: record.task }, { intraOpThreads: options.threads });
          return { format: 'onnx', onnx, memoryBytes: onnx.memoryBytes || estimatedBytes, dispose: () => onnx.dispose() };
        } catch (error) {
          throw asDomainError(error, ErrorCode.MODEL_LOAD_FAILED, `Loading ONNX model "${record.id}" from ${record.path} failed`);
        }
      }
      if (record.headerError !== null) {
        // Never hand llama.cpp a file whose header we could not parse.
        throw new DomainError(
          ErrorCode.MODEL_LOAD_FAILED,
          `Model "${record.id}" (${record.path}) is not a readable GGUF file: ${record.headerError}. Re-download it${record.sourceUri ? ` with \`npm run models -- pull ${record.sourceUri}\`` : ''}.`,
          { modelId: record.id },
        );
      }
      const contextSize = chooseContextSize(record.contextLength, options.contextSize);
      const threads = defaultThreads(record.parameterCount, options.threads, { calibration: options.threadCalibration, batched: options.sequences > 1 });
      if (options.llamaServer && record.inProcess !== true) {
        // Imported here: only an engine that chose the llama-server runtime loads it.
        const { loadServedModel } = await import('../llamaServer/loadServedModel.js');
        return loadServedModel(record, { threads, contextPerSlot: contextSize, estimatedBytes }, {
          ...options.llamaServer,
          parallel: options.sequences,
          maxQueue: options.maxQueue,
          onQueueChange: options.onQueueChange,
        });
      }
      return loadGgufModel(await runtime(), record.path, {
        contextSize,
        sequences: options.sequences,
        threads,
        maxQueue: options.maxQueue,
        batching: options.batching,
        estimatedBytes,
        onChange: (state) => options.onQueueChange(record.id, state),
      });
    },
  };
}
