import type { MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { AI_OPERATIONS } from './auditOperations.js';

/**
 * Counts each root query and mutation field against the viewer's budget (AI operations against the `ai` one), so
 * fifteen aliased `generate` fields cost fifteen. Runs after graphql-shield (a denied call costs nothing) and before
 * the audit, so a flood of refused calls writes no audit rows. Subscriptions count once per stream in their resolvers.
 */
export const rateLimitOperations: MiddlewareFn<GraphQLContext> = async ({ info, context }, next) => {
  const rootType = info.parentType.name;
  if (rootType !== 'Query' && rootType !== 'Mutation') return next();
  await context.services.rateLimits.consume(context.viewer, AI_OPERATIONS.has(info.fieldName) ? 'ai' : 'general');
  return next();
};
