import type { GraphQLContext } from '../../context.js';
import type { DrugInteractionRecord } from '../../../app/ports.js';

export function resolveDrugInteractionReference(reference: { id: string }, context: GraphQLContext): Promise<DrugInteractionRecord | null> {
  return context.loaders.drugInteraction.load(reference.id);
}
