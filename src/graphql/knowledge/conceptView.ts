import type { Concept } from '../../knowledge/graph/ConceptStore.js';
import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';
import type { MedicalConcept } from '../entities/medicalConcept/medicalConcept.js';

const MAX_SYNONYMS = 50;

/** A knowledge concept as the API shows it: capped synonyms and a commercial-use label from its packs. */
export function toMedicalConcept(knowledge: KnowledgeBase, concept: Concept): MedicalConcept {
  return {
    id: concept.id,
    system: concept.system,
    code: concept.code,
    name: concept.name,
    kind: concept.kind as MedicalConcept['kind'],
    synonyms: concept.synonyms.slice(0, MAX_SYNONYMS),
    packs: concept.packs,
    commercialUse: knowledge.isCommercial(concept.packs),
  };
}
