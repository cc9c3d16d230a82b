import { readFile } from 'node:fs/promises';
import { DomainError, ErrorCode } from '../../errors.js';

/** The fields of a Hugging Face config.json the engine uses. */
export interface ModelConfig {
  modelType: string | null;
  hiddenSize: number | null;
  maxPositionEmbeddings: number | null;
  /** Label names by output index; empty for encoders without a head. */
  labels: string[];
}

const positiveInt = (v: unknown): number | null => (Number.isInteger(v) && (v as number) > 0 ? (v as number) : null);

export async function readModelConfig(configPath: string): Promise<ModelConfig> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(configPath, 'utf8'));
  } catch (error) {
    throw new DomainError(
      ErrorCode.MODEL_LOAD_FAILED,
      `${configPath} is not valid JSON (${(error as Error).message}). Re-install the model folder.`,
      { path: configPath },
    );
  }
  const config = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const labels: string[] = [];
  const id2label = config.id2label;
  if (typeof id2label === 'object' && id2label !== null) {
    // JSON object keys are strings ("0", "1", …); place each name at its numeric index.
    for (const [key, name] of Object.entries(id2label as Record<string, unknown>)) {
      const index = Number(key);
      if (Number.isInteger(index) && index >= 0) labels[index] = String(name);
    }
  }
  return {
    modelType: typeof config.model_type === 'string' ? config.model_type : null,
    hiddenSize: positiveInt(config.hidden_size),
    maxPositionEmbeddings: positiveInt(config.max_position_embeddings),
    labels: Array.from(labels, (name, i) => name ?? `LABEL_${i}`),
  };
}
