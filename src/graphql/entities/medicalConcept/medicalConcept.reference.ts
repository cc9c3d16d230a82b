import type { GraphQLContext } from '../../context.js';
import { toMedicalConcept } from '../../knowledge/conceptView.js';
import type { MedicalConcept } from './medicalConcept.js';

export async function resolveMedicalConceptReference(reference: { id: string }, context: GraphQLContext): Promise<MedicalConcept | null> {
  const knowledge = await context.services.knowledge.get();
  const concept = knowledge.concept(reference.id);
  return concept && toMedicalConcept(knowledge, concept);
}
