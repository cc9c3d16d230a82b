import { describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { generateKeyPair, exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { createTokenVerifier, bearerTokenFrom } from '../../src/auth/createTokenVerifier.js';
import { Role } from '../../src/auth/viewer.js';
import { ErrorCode, DomainError } from '../../src/errors.js';
import { signToken, TEST_JWT_SECRET } from '../support/tokens.js';

const hsConfig = { jwtSecret: TEST_JWT_SECRET, jwtPublicKey: undefined, jwksUrl: undefined, issuer: undefined, audience: undefined };

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode, pattern?: RegExp) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof DomainError, `expected a DomainError, got ${String(error)}`);
    assert.equal(error.code, code);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('createTokenVerifier (HS256)', () => {
  it('turns sub, roles and cohorts into a viewer', async () => {
    const verify = await createTokenVerifier(hsConfig);
    const viewer = await verify(await signToken({ sub: 'u1', roles: ['learner', 'BOGUS'], cohorts: ['c1'] }));
    assert.equal(viewer.kind, 'user');
    if (viewer.kind !== 'user') return;
    assert.equal(viewer.id, 'u1');
    assert.deepEqual([...viewer.roles], [Role.LEARNER]);
    assert.deepEqual(viewer.cohortIds, ['c1']);
  });

  it('refuses expired tokens, other secrets, unsigned tokens and tokens without roles', async () => {
    const verify = await createTokenVerifier(hsConfig);
    await rejectsWith(verify(await signToken({ sub: 'u', roles: ['ADMIN'], expiresIn: -60 })), ErrorCode.UNAUTHENTICATED, /expired/);
    await rejectsWith(verify(await signToken({ sub: 'u', roles: ['ADMIN'], secret: 'another-secret-0123456789abcdef' })), ErrorCode.UNAUTHENTICATED);
    await rejectsWith(verify(new UnsecuredJWT({ sub: 'u', roles: ['ADMIN'] }).encode()), ErrorCode.UNAUTHENTICATED);
    await rejectsWith(verify(await signToken({ sub: 'u', roles: [] })), ErrorCode.UNAUTHENTICATED, /roles/);
    await rejectsWith(verify('not.a.jwt'), ErrorCode.UNAUTHENTICATED);
  });

  it('verifies RS256 tokens against a configured public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const verify = await createTokenVerifier({ ...hsConfig, jwtSecret: undefined, jwtPublicKey: await exportSPKI(publicKey) });
    const token = await new SignJWT({ roles: ['SERVICE'] }).setProtectedHeader({ alg: 'RS256' }).setSubject('svc').setExpirationTime('1h').sign(privateKey);
    const viewer = await verify(token);
    assert.equal(viewer.kind === 'user' && viewer.id, 'svc');
    // An HS256 token is refused when a public key is configured (no algorithm confusion).
    await rejectsWith(verify(await signToken({ sub: 'u', roles: ['ADMIN'] })), ErrorCode.UNAUTHENTICATED);
  });
});

describe('bearerTokenFrom', () => {
  it('reads Bearer tokens and refuses other schemes', () => {
    assert.equal(bearerTokenFrom(undefined), undefined);
    assert.equal(bearerTokenFrom('Bearer abc.def'), 'abc.def');
    assert.throws(() => bearerTokenFrom('Basic dXNlcjpwYXNz'), (e: unknown) => e instanceof DomainError && e.code === ErrorCode.UNAUTHENTICATED);
  });
});

describe('createTokenVerifier (JWKS)', () => {
  it('verifies tokens against keys served by a JWKS endpoint', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const server = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as { port: number };
      const verify = await createTokenVerifier({ ...hsConfig, jwtSecret: undefined, jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json` });
      const token = await new SignJWT({ roles: ['ASSESSOR'], cohorts: ['c9'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('a1').setExpirationTime('1h').sign(privateKey);
      const viewer = await verify(token);
      assert.deepEqual(viewer.kind === 'user' && [viewer.id, [...viewer.roles], viewer.cohortIds], ['a1', [Role.ASSESSOR], ['c9']]);
      const { privateKey: otherKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('x').setExpirationTime('1h').sign(otherKey);
      await rejectsWith(verify(forged), ErrorCode.UNAUTHENTICATED);
    } finally {
      server.close();
    }
  });
});
