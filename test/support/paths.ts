import path from 'node:path';
import { existsSync } from 'node:fs';

/** Tests run from the repository root (npm test); the shared folder sits beside the clone. */
export const repoRoot = process.cwd();

/** Real model files for model-dependent tests (never copied into the project). */
export const sharedModelsDir = path.resolve(process.env.OET_TEST_MODELS_DIR ?? path.join(repoRoot, '../shared/models'));
export const sharedDataDir = path.resolve(process.env.OET_TEST_DATA_DIR ?? path.join(repoRoot, '../shared/data'));

export const stories260kPath = path.join(sharedModelsDir, 'stories260K/stories260K.gguf');
export const smolLm2Path = path.join(sharedModelsDir, 'smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf');
export const miniLmDir = path.join(sharedModelsDir, 'all-minilm-l6-v2-int8');

export const hasStories260k = existsSync(stories260kPath);
export const hasSmolLm2 = existsSync(smolLm2Path);
export const hasMiniLm = existsSync(path.join(miniLmDir, 'onnx/model_quantized.onnx'));
