import type { GraphQLContext } from '../../context.js';
import type { EvaluationRecord } from '../../../app/ports.js';

/** `_entities` goes through the request's loader, so the viewer's scope applies to federated lookups too. */
export function resolveEvaluationReference(reference: { id: string }, context: GraphQLContext): Promise<EvaluationRecord | null> {
  return context.loaders.evaluation.load(reference.id);
}
