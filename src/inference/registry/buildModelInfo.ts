import { withoutPaths } from '../../errors.js';
import type { ModelManager } from '../lifecycle/ModelManager.js';
import type { ModelBackend, ModelInfo, ModelRuntime } from '../types.js';
import type { ModelRecord } from './ModelRecord.js';

/** Static record + live lifecycle state → the public ModelInfo. ONNX runs on onnxruntime's CPU provider. */
export function buildModelInfo(record: ModelRecord, manager: ModelManager, aliases: string[], llamaBackend: ModelBackend, ggufRuntime: GgufRuntime = 'node-llama-cpp'): ModelInfo {
  return {
    id: record.id,
    name: record.name,
    format: record.format,
    task: record.task,
    architecture: record.architecture,
    parameterCount: record.parameterCount,
    quantization: record.quantization,
    fileSizeBytes: record.fileSizeBytes,
    contextLength: record.contextLength,
    backend: record.format === 'gguf' && ggufRuntime === 'node-llama-cpp' ? llamaBackend : 'cpu',
    runtime: runtimeOf(record, ggufRuntime),
    state: manager.stateOf(record.id),
    memoryBytes: manager.memoryOf(record.id),
    path: record.path,
    sha256: record.sha256,
    sourceUri: record.sourceUri,
    aliases,
    // The message names the file by its base name only: ModelInfo is readable by every role.
    error: nullablePathless(manager.errorOf(record.id)),
    lastUsedAt: manager.lastUsedOf(record.id),
  };
}

type GgufRuntime = 'node-llama-cpp' | 'llama-server';

export const runtimeOf = (record: ModelRecord, ggufRuntime: GgufRuntime = 'node-llama-cpp'): ModelRuntime =>
  record.format === 'remote' ? 'remote' : record.format === 'onnx' ? 'onnxruntime' : ggufRuntime;

const nullablePathless = (message: string | null): string | null => (message === null ? null : withoutPaths(message));
