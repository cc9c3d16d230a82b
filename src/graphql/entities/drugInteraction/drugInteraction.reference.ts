import type { GraphQLContext } from '../../context.js';
import type { DrugInteractionFinding } from '../../../knowledge/interactions/InteractionChecker.js';

export async function resolveDrugInteractionReference(reference: { id: string }, context: GraphQLContext): Promise<DrugInteractionFinding | null> {
  return (await context.services.knowledge.get()).interactionById(reference.id);
}
