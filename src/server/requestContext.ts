import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { accessScopeOf, anonymousViewer, type Viewer } from '../auth/viewer.js';
import { bearerTokenFrom, type TokenVerifier } from '../auth/createTokenVerifier.js';
import { isDomainError, UnauthenticatedError } from '../errors.js';
import type { Response } from 'express';
import type { EngineServices } from '../app/EngineServices.js';
import type { RateLimits } from '../limits/RateLimits.js';
import type { RateLimitKind } from '../limits/rateLimitConfig.js';
import type { GraphQLContext } from '../graphql/context.js';
import { createLoaders } from '../graphql/loaders.js';

/** Resolves the viewer from an Authorization header value; a present but bad token is an error, not anonymity. */
export async function viewerFromHeader(verify: TokenVerifier, header: string | undefined): Promise<Viewer> {
  const token = bearerTokenFrom(header);
  return token === undefined ? anonymousViewer : verify(token);
}

/**
 * The signed-in user behind an Authorization header, counted against their `kind` budget (REST and /v1 routes): no
 * token or a bad one is UNAUTHENTICATED, a spent budget RATE_LIMITED.
 */
export async function admitUser(verify: TokenVerifier, rateLimits: RateLimits, header: string | undefined, kind: RateLimitKind): Promise<Extract<Viewer, { kind: 'user' }>> {
  const viewer = await viewerFromHeader(verify, header);
  if (viewer.kind !== 'user') throw new UnauthenticatedError();
  await rateLimits.consume(viewer, kind);
  return viewer;
}

/** An AbortController aborted when the client goes away before the answer is finished (its work is then wasted). */
export function abortOnClose(res: Response): AbortController {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  return abort;
}

/** A fresh context (and fresh loaders) for one request or one subscription. */
export function createRequestContext(services: EngineServices, viewer: Viewer, signal?: AbortSignal): GraphQLContext {
  const scope = accessScopeOf(viewer);
  return { viewer, scope, services, loaders: createLoaders(services, scope), requestId: randomUUID(), ...(signal ? { signal } : {}) };
}

/** Apollo answers errors thrown while building a context with 500 unless they carry an HTTP status. */
export function toContextError(error: unknown): GraphQLError {
  if (isDomainError(error)) {
    return new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
  }
  return new GraphQLError('Internal server error', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
