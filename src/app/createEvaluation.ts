import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { Config } from '../config.js';
import { EvaluationProvider } from '../evaluation/EvaluationProvider.js';
import type { InferenceEngine } from '../inference/types.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { hasModel } from './hasModel.js';

/** The sentence encoder alias the language model's head was trained on (all-MiniLM-L6-v2 int8). */
const EMBEDDER = 'embedder';

/** Evaluation over knowledge, clinical analysis and, while the inference core has it, the sentence encoder. */
export function createEvaluation(config: Config, knowledge: KnowledgeProvider, clinical: ClinicalProvider, inference: InferenceEngine): EvaluationProvider {
  return new EvaluationProvider(knowledge, clinical, {
    languageModel: config.evaluation.languageModel,
    embed: async (texts, signal) => {
      if (!hasModel(inference, EMBEDDER, 'feature-extraction')) return null;
      return inference.embed({ model: EMBEDDER, texts }, { signal });
    },
    // The `default` alias names the instruction model; without one loaded, no personalised tips (the rules' feedback stands).
    generate: async (prompt, jsonSchema, signal) => {
      try {
        const result = await inference.generate({ model: 'default', prompt, jsonSchema, temperature: 0, maxTokens: 400, priority: 'background' }, { signal });
        return result.text;
      } catch (error) {
        if ((error as { code?: string }).code === 'MODEL_NOT_FOUND') return null;
        throw error;
      }
    },
    modelVersions: () => {
      const versions: Record<string, string> = {};
      for (const m of inference.listModels()) if (m.sha256 && (m.id === 'language-traits' || m.aliases.includes(EMBEDDER))) versions[m.id] = m.sha256.slice(0, 12);
      return versions;
    },
  });
}
