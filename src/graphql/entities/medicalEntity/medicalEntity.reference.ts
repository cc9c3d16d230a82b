import type { GraphQLContext } from '../../context.js';
import type { MedicalEntityRecord } from '../../../app/ports.js';

export function resolveMedicalEntityReference(reference: { id: string }, context: GraphQLContext): Promise<MedicalEntityRecord | null> {
  return context.loaders.medicalEntity.load(reference.id);
}
