import { createRemoteJWKSet, importSPKI, jwtVerify, errors as joseErrors, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config.js';
import { UnauthenticatedError } from '../errors.js';
import { ALL_ROLES, Role, type Viewer } from './viewer.js';

export type TokenVerifier = (token: string) => Promise<Viewer>;

const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Verifies bearer JWTs with jose: HS256 with JWT_SECRET (development and tests), or a PEM public key / JWKS endpoint
 * (production). Exactly one key source is used, in the order JWKS, public key, secret.
 */
export async function createTokenVerifier(auth: AuthConfig): Promise<TokenVerifier> {
  // A token without `exp` would be valid for ever: refused, whoever signed it.
  const options = { issuer: auth.issuer, audience: auth.audience, requiredClaims: ['exp'] };
  let verify: (token: string) => Promise<JWTPayload>;
  if (auth.jwksUrl) {
    const jwks: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl));
    verify = async (t) => (await jwtVerify(t, jwks, { ...options, algorithms: ASYMMETRIC_ALGORITHMS })).payload;
  } else if (auth.jwtPublicKey) {
    const alg = auth.jwtPublicKey.includes('BEGIN PUBLIC KEY') ? detectAlgorithm(auth.jwtPublicKey) : 'RS256';
    const key = await importSPKI(auth.jwtPublicKey, alg);
    verify = async (t) => (await jwtVerify(t, key, { ...options, algorithms: [alg] })).payload;
  } else if (auth.jwtSecret) {
    const key = new TextEncoder().encode(auth.jwtSecret);
    verify = async (t) => (await jwtVerify(t, key, { ...options, algorithms: ['HS256'] })).payload;
  } else {
    // No key configured: every token is refused, anonymous access still works (and is denied by the rules).
    verify = async () => {
      throw new UnauthenticatedError('This server has no JWT key configured (set JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL).');
    };
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      throw new UnauthenticatedError(describeJoseError(error));
    }
    return viewerFromClaims(payload);
  };
}

function detectAlgorithm(pem: string): string {
  // EC keys are much shorter than RSA ones; an operator who needs another algorithm uses a JWKS.
  return pem.replace(/\s|-----[^-]+-----/g, '').length < 200 ? 'ES256' : 'RS256';
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'The token has expired; sign in again.';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return error.reason === 'missing' ? `The token has no "${error.claim}" claim; tokens must expire.` : `The token's "${error.claim}" claim is not accepted.`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'The token is signed with an algorithm this server does not accept.';
  return 'The token is not a valid JWT signed for this server.';
}

/** Claims → Viewer. `sub` is required; unknown roles are ignored; a token with no known role is refused. */
export function viewerFromClaims(payload: JWTPayload): Viewer {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) {
    throw new UnauthenticatedError('The token has no "sub" claim.');
  }
  const rawRoles = Array.isArray(payload.roles) ? payload.roles : typeof payload.roles === 'string' ? [payload.roles] : [];
  const roles = new Set<Role>(
    rawRoles.map((r) => String(r).toUpperCase()).filter((r): r is Role => (ALL_ROLES as string[]).includes(r)),
  );
  if (roles.size === 0) {
    throw new UnauthenticatedError(`The token's "roles" claim must list at least one of ${ALL_ROLES.join(', ')}.`);
  }
  const rawCohorts = Array.isArray(payload.cohorts) ? payload.cohorts : typeof payload.cohort === 'string' ? [payload.cohort] : [];
  const cohortIds = rawCohorts.filter((c): c is string => typeof c === 'string' && c.length > 0);
  return { kind: 'user', id: payload.sub, roles, cohortIds, ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp * 1000 } : {}) };
}

/** Reads "Bearer <token>" from a header value; undefined when absent. Malformed headers are refused. */
export function bearerTokenFrom(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <JWT>".');
  return match[1];
}
