import type { ChatWrapper, LlamaContext, LlamaModel } from 'node-llama-cpp';
import type { SlotGate } from '../llamaServer/SlotGate.js';
import type { OnnxModel } from '../onnx/loadOnnxModel.js';
import type { RemoteBackend } from '../remote/RemoteBackend.js';
import type { LockstepGate } from '../scheduling/LockstepGate.js';
import type { SequenceScheduler } from '../scheduling/SequenceScheduler.js';

/** A GGUF model in memory: weights, one context with `sequences` slots, and the scheduler in front of it. */
export interface LoadedGguf {
  readonly format: 'gguf';
  readonly model: LlamaModel;
  readonly context: LlamaContext;
  readonly scheduler: SequenceScheduler;
  /** The lockstep batch driver; null when node-llama-cpp's own dispatch batches (`batching: 'library'`). */
  readonly gate: LockstepGate | null;
  /** Resolved once per model: the GGUF's own template, or node-llama-cpp's fallback when it has none. */
  readonly chatWrapper: ChatWrapper;
  readonly threads: number;
  /** Tokens each sequence can hold (prompt + completion). */
  readonly contextSize: number;
  readonly memoryBytes: number;
  dispose(): Promise<void>;
}

export interface LoadedOnnx {
  readonly format: 'onnx';
  readonly onnx: OnnxModel;
  readonly memoryBytes: number;
  dispose(): Promise<void>;
}

/** A GGUF model served by a supervised llama-server child (OET_GGUF_RUNTIME=llama-server). */
export interface LoadedServed {
  readonly format: 'llama-server';
  /** Its OpenAI API on loopback. */
  readonly backend: RemoteBackend;
  /** Requests wait here for one of the server's slots. */
  readonly gate: SlotGate;
  readonly pid: number | undefined;
  /** Tokens each slot can hold (prompt + completion). */
  readonly contextSize: number;
  readonly memoryBytes: number;
  dispose(): Promise<void>;
}

export type LoadedModel = LoadedGguf | LoadedOnnx | LoadedServed;
