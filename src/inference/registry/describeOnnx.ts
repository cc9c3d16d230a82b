import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What an ONNX folder's config.json and file name tell. */
export interface OnnxDescription {
  architecture: string | null;
  quantization: string | null;
  contextLength: number | null;
}

/** Never throws: a folder without a readable config.json simply has unknown fields. */
export async function describeOnnx(folder: string, onnxFile: string): Promise<OnnxDescription> {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(folder, 'config.json'), 'utf8'));
    if (parsed !== null && typeof parsed === 'object') config = parsed as Record<string, unknown>;
  } catch {
    // No or invalid config.json: leave the fields null.
  }
  const base = path.basename(onnxFile).toLowerCase();
  return {
    architecture: typeof config.model_type === 'string' ? config.model_type : null,
    quantization: /quant|int8/.test(base) ? 'int8' : /fp16|f16/.test(base) ? 'F16' : 'F32',
    contextLength: typeof config.max_position_embeddings === 'number' ? config.max_position_embeddings : null,
  };
}
