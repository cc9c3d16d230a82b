import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadOnnxModel } from '../src/inference/onnx/loadOnnxModel.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import type { PhiSpan } from '../src/safety/phi/phiTypes.js';
import { modelPhiSpans } from '../src/safety/phi/modelPhiSpans.js';

/** The project's trained PHI tagger (models/phi-ner) through the inference core, or null when it is not built. */
export async function loadPhiModelForEval(): Promise<{ spans(text: string): Promise<PhiSpan[]>; close(): Promise<void> } | null> {
  const folder = path.join(projectRoot(), 'models/phi-ner');
  if (!existsSync(path.join(folder, 'onnx'))) {
    console.warn('models/phi-ner is not built: rules only.');
    return null;
  }
  const model = await loadOnnxModel({ id: 'phi-ner', path: folder, task: 'token-classification' });
  return {
    spans: async (text) => (await modelPhiSpans(text, (texts) => model.classifyTokens(texts))) ?? [],
    close: () => model.dispose(),
  };
}
