import type { GraphQLContext } from './context.js';
import type { ScopeArg } from '../app/ports.js';
import { UnauthenticatedError } from '../errors.js';

/** The scope of an authenticated viewer. Shield has already refused anonymous callers; this keeps types honest. */
export function requireUser(ctx: GraphQLContext): ScopeArg {
  if (ctx.scope.kind === 'none' || ctx.viewer.kind !== 'user') throw new UnauthenticatedError();
  return ctx.scope;
}
