import type { RemoteTarget } from '../remote/RemoteTarget.js';
import type { ModelFormat, ModelTask } from '../types.js';

/** Static facts about one known model (no runtime state: that lives in lifecycle/ModelManager). */
export interface ModelRecord {
  id: string;
  name: string;
  format: ModelFormat;
  task: ModelTask;
  /** Absolute path of the .gguf file or ONNX folder; for a missing manifest entry, where it was expected first. */
  path: string;
  /** The .onnx weights file inside `path` (ONNX only). */
  onnxFile: string | null;
  fileSizeBytes: number;
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  sha256: string | null;
  sourceUri: string | null;
  /** The manifest `file` when it exists in no model directory; such records are never listed. */
  missingFile: string | null;
  /** Why the GGUF header could not be read; loading such a file fails with MODEL_LOAD_FAILED. */
  headerError: string | null;
  /** Set when the model is served by an OpenAI-compatible server (format `remote`); no file is read. */
  remote?: RemoteTarget;
  /**
   * A GGUF model loaded in this process on node-llama-cpp even though OET_GGUF_RUNTIME=llama-server: what token
   * log-probabilities need (llama-server's API gives none for a prompt). Its id is the model's with `@in-process`.
   */
  inProcess?: true;
}
