import type { GraphQLContext } from '../../context.js';
import type { ModelInfo } from '../../../inference/types.js';

export function resolveModelInfoReference(reference: { id: string }, context: GraphQLContext): Promise<ModelInfo | null> {
  return context.loaders.modelInfo.load(reference.id);
}
