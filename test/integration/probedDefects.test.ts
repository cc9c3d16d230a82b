import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { collect, firstErrorCode, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens, signToken, TEST_JWT_SECRET } from '../support/tokens.js';

/** Defects found when the engine was probed (issue 14), each reproduced here against a real engine. */
describe('client mistakes get a stable code, never INTERNAL_SERVER_ERROR', () => {
  let t: TestEngine;
  let token: string;
  beforeAll(async () => {
    t = await startTestEngine();
    token = (await roleTokens()).LEARNER;
  });
  afterAll(() => t.stop());

  const post = async (body: Record<string, unknown>, bearer: string | null = token) => {
    const res = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text() };
  };
  const codeOf = (text: string) => (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;

  it('an unknown or missing operationName is BAD_REQUEST, and a huge one is not echoed back', async () => {
    const unknown = await post({ query: 'query A { me { id } }', operationName: 'B' });
    assert.equal(unknown.status, 400);
    assert.equal(codeOf(unknown.text), 'BAD_REQUEST');
    const missing = await post({ query: 'query A { me { id } } query B { me { id } }' });
    assert.equal(codeOf(missing.text), 'BAD_REQUEST');
    const huge = await post({ query: 'query A { me { id } }', operationName: 'x'.repeat(200_000) });
    assert.equal(codeOf(huge.text), 'BAD_REQUEST');
    assert.ok(huge.text.length < 1_000, `answer of ${huge.text.length} characters`);
  });

  it('an unknown persisted-query hash is PERSISTED_QUERY_NOT_FOUND, so an APQ client retries with the query', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    assert.equal(codeOf(res.text), 'PERSISTED_QUERY_NOT_FOUND');
    const mismatch = await post({ query: '{ me { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } });
    assert.equal(codeOf(mismatch.text), 'BAD_REQUEST');
  });

  it('a subscription sent over HTTP is BAD_REQUEST pointing at graphql-ws', async () => {
    const res = await post({ query: 'subscription { evaluationUpdated { id } }' });
    assert.equal(res.status, 400);
    assert.equal(codeOf(res.text), 'BAD_REQUEST');
    assert.match(res.text, /graphql-ws/);
  });

  it('_entities answers each representation on its own: bad ones BAD_USER_INPUT, good ones resolved', async () => {
    const res = await postGraphQL<{ _entities: ({ id: string } | null)[] }>(t.graphqlUrl, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ModelInfo { id } } }', {
      token,
      variables: { r: [{ __typename: 'ModelInfo', id: 'stories260k' }, { __typename: 'ModelInfo' }, { __typename: 'Nope', id: 'x' }, { __typename: 'ModelInfo', id: 7 }] },
    });
    expect(res.data?._entities).toEqual([{ id: 'stories260k' }, null, null, null]);
    expect(res.errors?.map((e) => [e.path?.[1], e.extensions?.code])).toEqual([[1, 'BAD_USER_INPUT'], [2, 'BAD_USER_INPUT'], [3, 'BAD_USER_INPUT']]);
  });

  it('__typename aliases count towards the alias limit', async () => {
    const res = await postGraphQL(t.graphqlUrl, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`, { token });
    assert.equal(firstErrorCode(res), 'QUERY_TOO_COMPLEX');
  });

  it('no token answers 401 like a bad token does', async () => {
    const none = await post({ query: '{ me { id } }' }, null);
    const bad = await post({ query: '{ me { id } }' }, 'abc.def.ghi');
    expect([none.status, codeOf(none.text)]).toEqual([401, 'UNAUTHENTICATED']);
    expect([bad.status, codeOf(bad.text)]).toEqual([401, 'UNAUTHENTICATED']);
    const service = await post({ query: '{ _service { sdl } }' }, null);
    assert.equal(service.status, 200, 'the gateway still reads the SDL anonymously');
  });

  it('a token without exp is refused', async () => {
    const forever = await new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('admin-x').setIssuedAt().sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const res = await post({ query: '{ me { id } }' }, forever);
    assert.equal(res.status, 401);
    assert.match(res.text, /no \\"exp\\" claim/);
  });

  it('a graphql-ws connection is closed when its token expires, and refuses operations after it', async () => {
    const shortLived = await signToken({ sub: 'admin-ws', roles: ['ADMIN'], expiresIn: 2 });
    const socket = new WebSocket(t.wsUrl, 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.on('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${shortLived}` } }));
    const started = Date.now();
    assert.equal(await closed, 4401);
    assert.ok(Date.now() - started >= 1000, 'closed at expiry, not at once');
    const client = wsClient(t.wsUrl, shortLived);
    const sub = collect(client, '{ me { id } }');
    await sub.waitFor(1, 5_000);
    assert.ok(sub.errors.length > 0, 'an expired token cannot open a connection');
    await client.dispose();
  });

  it('a mistyped variable over graphql-ws is BAD_USER_INPUT, as over HTTP', async () => {
    const client = wsClient(t.wsUrl, token);
    try {
      const sub = collect(client, 'subscription ($input: GenerateInput!) { generateStream(input: $input) { text done } }', { input: { model: 'tiny', prompt: 5, maxTokens: 'x' } });
      await sub.waitFor(1, 5_000);
      const codes = (sub.errors.flat() as { extensions?: { code?: string } }[]).map((e) => e.extensions?.code);
      assert.ok(codes.length > 0 && codes.every((c) => c === 'BAD_USER_INPUT'), JSON.stringify(sub.errors));
      const http = await postGraphQL(t.graphqlUrl, 'mutation ($input: GenerateInput!) { generate(input: $input) { text } }', { token, variables: { input: { model: 'tiny', prompt: 5 } } });
      assert.equal(firstErrorCode(http), 'BAD_USER_INPUT');
    } finally {
      await client.dispose();
    }
  });

  it('embed is audited as an AI operation', async () => {
    const admin = (await roleTokens()).ADMIN;
    await postGraphQL(t.graphqlUrl, '{ embed(texts: ["chest pain"]) }', { token });
    const log = await postGraphQL<{ auditLog: { operation: string }[] }>(t.graphqlUrl, '{ auditLog(operation: "embed") { operation } }', { token: admin });
    assert.ok((log.data?.auditLog.length ?? 0) >= 1, JSON.stringify(log));
  });
});
