import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { Config } from '../config.js';
import type { InferenceEngine } from '../inference/types.js';
import { hasModel } from './hasModel.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { modelPhiSpans } from '../safety/phi/modelPhiSpans.js';
import { SafetyProvider } from '../safety/SafetyProvider.js';

/** The trained PHI tagger (models/phi-ner) and claim verifier (models/claim-verifier). */
const PHI_NER = 'phi-ner';
const CLAIM_VERIFIER = 'claim-verifier';
/** The sentence encoder alias (all-MiniLM-L6-v2 int8), which the content head was trained on. */
const EMBEDDER = 'embedder';


/** Safety checks over knowledge and clinical analysis, with the trained models while the inference core has them. */
export function createSafety(config: Config, knowledge: KnowledgeProvider, clinical: ClinicalProvider, inference: InferenceEngine): SafetyProvider {
  return new SafetyProvider(knowledge, clinical, {
    policy: config.safety.policy,
    redactionKey: config.safety.redactionKey,
    phiModel: async (text, signal) => {
      if (!hasModel(inference, PHI_NER, 'token-classification')) return null;
      return modelPhiSpans(text, (texts, s) => inference.classifyTokens({ model: PHI_NER, texts }, { signal: s }), signal);
    },
    embed: async (texts, signal) => {
      if (!hasModel(inference, EMBEDDER, 'feature-extraction')) return null;
      return inference.embed({ model: EMBEDDER, texts }, { signal });
    },
    classifyPairs: async (pairs, signal) => {
      if (!hasModel(inference, CLAIM_VERIFIER, 'text-classification')) return null;
      return inference.classifyPairs({ model: CLAIM_VERIFIER, pairs: pairs.map(([a, b]) => [a, b]) }, { signal });
    },
  });
}
