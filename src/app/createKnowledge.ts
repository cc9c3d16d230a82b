import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { InferenceEngine } from '../inference/types.js';
import type { EmbedTexts } from '../knowledge/icd10/Icd10Coder.js';
import { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase.js';
import { packLocations } from '../knowledge/packs/locations.js';
import { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import { hasModel } from './hasModel.js';
import type { ClassifyTokens } from '../clinical/entities/modelRecognizer.js';

/** The trained clinical recogniser (models/clinical-ner, token classification). */
const CLINICAL_NER = 'clinical-ner';

/** The alias the knowledge base embeds with (all-MiniLM-L6-v2 in the manifest). */
const EMBEDDER = 'embedder';

/**
 * The knowledge provider, wired to the configured pack folders and to the inference core's sentence encoder:
 * semantic reranking is used while an embedder is registered, and skipped (lexical only) when it is not.
 */
export function createKnowledge(config: Config, inference: InferenceEngine, logger: Logger): KnowledgeProvider {
  const embed: EmbedTexts = async (texts, signal) => {
    if (!hasModel(inference, EMBEDDER)) return null;
    const vectors = await inference.embed({ model: EMBEDDER, texts }, { signal });
    return vectors.map((v) => Float32Array.from(v));
  };
  return new KnowledgeProvider(async () => {
    const knowledge = await loadKnowledgeBase({
      locations: packLocations({ dataDir: config.dataDir, packsDir: config.knowledge.packsDir }),
      optIn: config.knowledge.optInPacks,
      embed,
      onBuild: (id, ms) => logger.info({ pack: id, ms: Math.round(ms) }, 'knowledge pack built from OET_DATA_DIR'),
    });
    logger.info({ packs: knowledge.sources().map((s) => s.id), concepts: knowledge.store.size }, 'knowledge loaded');
    return knowledge;
  });
}

/** Clinical analysis over the knowledge base, with the trained recogniser while the inference core has it. */
export function createClinical(knowledge: KnowledgeProvider, inference: InferenceEngine): ClinicalProvider {
  const classifyTokens: ClassifyTokens = async (texts, signal) => {
    if (!hasModel(inference, CLINICAL_NER)) return null;
    return inference.classifyTokens({ model: CLINICAL_NER, texts }, { signal });
  };
  return new ClinicalProvider(knowledge, classifyTokens);
}
