import { stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../errors.js';

/** The files of one ONNX model folder in the Xenova/transformers.js layout. */
export interface OnnxFiles {
  folder: string;
  /** The graph that will be loaded (first of {@link ONNX_CANDIDATES} that exists). */
  onnxPath: string;
  onnxBytes: number;
  configPath: string;
}

/**
 * Where a Xenova-layout folder keeps its graph, in order of preference: the int8 file is what the shared models
 * ship and is ~4x smaller and faster on CPU than the fp32 one, so it wins when both are present.
 */
export const ONNX_CANDIDATES = ['onnx/model_quantized.onnx', 'onnx/model.onnx', 'model.onnx'] as const;

/** Files the tokenizer loader reads; checked here so a missing one is MODEL_NOT_FOUND, not a library TypeError. */
export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer_config.json'] as const;

const installHint =
  'Install it with `npm run models -- pull <uri>` (see the sourceUri in models/manifest.json), or set OET_MODELS_DIR ' +
  'to a folder that already holds it (e.g. OET_MODELS_DIR=../shared/models).';

async function sizeOf(file: string): Promise<number | null> {
  try {
    const s = await stat(file);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/** Checks the folder and finds its graph; every missing piece is a MODEL_NOT_FOUND that says how to install it. */
export async function resolveOnnxFiles(folder: string): Promise<OnnxFiles> {
  const absolute = path.resolve(folder);
  const folderStat = await stat(absolute).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new DomainError(
      ErrorCode.MODEL_NOT_FOUND,
      `ONNX model folder ${absolute} does not exist (or is not a folder). ${installHint}`,
      { path: absolute, missing: 'folder' },
    );
  }
  let onnxPath: string | null = null;
  let onnxBytes = 0;
  for (const candidate of ONNX_CANDIDATES) {
    const size = await sizeOf(path.join(absolute, candidate));
    if (size !== null) {
      onnxPath = path.join(absolute, candidate);
      onnxBytes = size;
      break;
    }
  }
  if (onnxPath === null) {
    throw new DomainError(
      ErrorCode.MODEL_NOT_FOUND,
      `ONNX model folder ${absolute} has no graph: expected one of ${ONNX_CANDIDATES.join(', ')}. ${installHint}`,
      { path: absolute, missing: ONNX_CANDIDATES.join(' | ') },
    );
  }
  for (const required of ['config.json', ...TOKENIZER_FILES]) {
    if ((await sizeOf(path.join(absolute, required))) === null) {
      throw new DomainError(
        ErrorCode.MODEL_NOT_FOUND,
        `ONNX model folder ${absolute} lacks ${required} (the tokenizer and config sit beside the graph). ${installHint}`,
        { path: absolute, missing: required },
      );
    }
  }
  return { folder: absolute, onnxPath, onnxBytes, configPath: path.join(absolute, 'config.json') };
}
