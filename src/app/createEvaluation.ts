import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { Config } from '../config.js';
import { EvaluationProvider } from '../evaluation/EvaluationProvider.js';
import type { InferenceEngine } from '../inference/types.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { hasModel } from './hasModel.js';
import { LANGUAGE_TRAITS_HEAD_PATH } from '../evaluation/language/traitsHeadPath.js';

/** The sentence encoder alias the language model's head was trained on (all-MiniLM-L6-v2 int8). */
const EMBEDDER = 'embedder';
/** The causal LM whose token log-probabilities the likelihood head was trained on (training/language): no other will do. */
const LIKELIHOOD_MODEL = 'smollm2-135m-instruct';

/** Evaluation over knowledge, clinical analysis and, while the inference core has it, the sentence encoder. */
/** sha256 prefix of the language model's head, recorded with each evaluation (a retrained head is a new scorer input). */
function headVersion(): string | null {
  return existsSync(LANGUAGE_TRAITS_HEAD_PATH) ? createHash('sha256').update(readFileSync(LANGUAGE_TRAITS_HEAD_PATH)).digest('hex').slice(0, 12) : null;
}

export function createEvaluation(config: Config, knowledge: KnowledgeProvider, clinical: ClinicalProvider, inference: InferenceEngine): EvaluationProvider {
  const head = headVersion();
  return new EvaluationProvider(knowledge, clinical, {
    languageModel: config.evaluation.languageModel,
    embed: async (texts, signal) => {
      if (!hasModel(inference, EMBEDDER, 'feature-extraction')) return null;
      return inference.embed({ model: EMBEDDER, texts }, { signal });
    },
    logprobs: async (text, signal) => {
      if (!hasModel(inference, LIKELIHOOD_MODEL, 'text-generation')) return null;
      return inference.tokenLogprobs({ model: LIKELIHOOD_MODEL, text }, { signal });
    },
    // The `default` alias names the instruction model; without one loaded, no personalised tips (the rules' feedback stands).
    generate: async (prompt, jsonSchema, signal) => {
      try {
        const result = await inference.generate({ model: 'default', prompt, jsonSchema, temperature: 0, maxTokens: 300, priority: 'background' }, { signal });
        return result.text;
      } catch (error) {
        if ((error as { code?: string }).code === 'MODEL_NOT_FOUND') return null;
        throw error;
      }
    },
    // Evaluations use the language model's features-only head and no other model (personalised tips are kept only
    // where the rules agree, so they change no score).
    modelVersions: (): Record<string, string> => (config.evaluation.languageModel && head ? { 'language-traits': head } : {}),
  });
}
