import { SignJWT } from 'jose';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface TestClaims {
  sub: string;
  roles: string[];
  cohorts?: string[];
  /** Seconds from now; negative for an expired token. Default 3600. */
  expiresIn?: number;
  secret?: string;
}

/** Signs an HS256 token the way a real identity provider would. */
export async function signToken(claims: TestClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: claims.roles, ...(claims.cohorts ? { cohorts: claims.cohorts } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuedAt(now - 10)
    .setExpirationTime(now + (claims.expiresIn ?? 3600))
    .sign(new TextEncoder().encode(claims.secret ?? TEST_JWT_SECRET));
}

/** One token per role, with cohorts so scoping can be checked. */
export async function roleTokens(): Promise<Record<'LEARNER' | 'LEARNER2' | 'ASSESSOR' | 'ADMIN' | 'SERVICE', string>> {
  return {
    LEARNER: await signToken({ sub: 'learner-1', roles: ['LEARNER'], cohorts: ['cohort-a'] }),
    LEARNER2: await signToken({ sub: 'learner-2', roles: ['LEARNER'], cohorts: ['cohort-b'] }),
    ASSESSOR: await signToken({ sub: 'assessor-1', roles: ['ASSESSOR'], cohorts: ['cohort-a'] }),
    ADMIN: await signToken({ sub: 'admin-1', roles: ['ADMIN'] }),
    SERVICE: await signToken({ sub: 'service-1', roles: ['SERVICE'] }),
  };
}
