import { existsSync } from 'node:fs';
import path from 'node:path';
import { ClinicalProvider } from '../../src/clinical/ClinicalProvider.js';
import { EvaluationProvider } from '../../src/evaluation/EvaluationProvider.js';
import { loadOnnxModel } from '../../src/inference/onnx/loadOnnxModel.js';
import { KnowledgeProvider } from '../../src/knowledge/KnowledgeProvider.js';
import { loadShippedKnowledge } from '../../src/knowledge/loadShippedKnowledge.js';
import { projectRoot } from '../../src/knowledge/packs/locations.js';

/**
 * The evaluation provider as a fresh clone's engine builds it: shipped knowledge packs, the dictionary recogniser,
 * and the all-MiniLM-L6-v2 encoder from OET_MODELS_DIR (default ../shared/models) when it is there.
 */
export async function evaluationProviderForScripts(options: { embedder?: boolean } = {}): Promise<{ provider: EvaluationProvider; embedder: boolean }> {
  const knowledge = new KnowledgeProvider(() => loadShippedKnowledge());
  const clinical = new ClinicalProvider(knowledge);
  const dir = path.join(process.env.OET_MODELS_DIR ?? path.join(projectRoot(), '../shared/models'), 'all-minilm-l6-v2-int8');
  const encoder = options.embedder !== false && existsSync(dir) ? await loadOnnxModel({ id: 'embedder', path: dir, task: 'feature-extraction' }) : null;
  const provider = new EvaluationProvider(knowledge, clinical, { embed: encoder ? (texts, signal) => encoder.embed(texts, { signal }) : undefined });
  return { provider, embedder: encoder !== null };
}
