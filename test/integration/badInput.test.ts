import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { roleTokens, signToken } from '../support/tokens.js';

describe('bad input gets a clear code and the process keeps serving', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine({ OET_MAX_TEXT_CHARS: '100', OET_MAX_DEPTH: '2', OET_MAX_ALIASES: '5', OET_MAX_BODY_BYTES: '20000' });
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  const stillHealthy = async () => assert.equal((await fetch(`${t.url}/health`)).status, 200);

  it('malformed JSON → 400 BAD_REQUEST', async () => {
    const res = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": "{ me { id } "' });
    assert.equal(res.status, 400);
    assert.equal(firstErrorCode((await res.json()) as never), 'BAD_REQUEST');
    await stillHealthy();
  });

  it('a body over the limit → 413 INPUT_TOO_LARGE', async () => {
    const res = await fetch(t.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ me { id } } #${'x'.repeat(30_000)}` }) });
    assert.equal(res.status, 413);
    assert.equal(firstErrorCode((await res.json()) as never), 'INPUT_TOO_LARGE');
    await stillHealthy();
  });

  it('unparseable GraphQL → GRAPHQL_PARSE_FAILED; unknown fields → GRAPHQL_VALIDATION_FAILED without suggestions', async () => {
    assert.equal(firstErrorCode(await postGraphQL(t.graphqlUrl, '{ me { id ', { token: tokens.ADMIN })), 'GRAPHQL_PARSE_FAILED');
    const unknown = await postGraphQL(t.graphqlUrl, '{ me { idd } }', { token: tokens.ADMIN });
    assert.equal(unknown.status, 400);
    assert.equal(firstErrorCode(unknown), 'GRAPHQL_VALIDATION_FAILED');
    assert.doesNotMatch(unknown.errors?.[0]?.message ?? '', /Did you mean/);
  });

  it('oversize text input → INPUT_TOO_LARGE naming the field; nothing is stored', async () => {
    const res = await postGraphQL(t.graphqlUrl, 'mutation($s: String!) { submitEvaluation(input: { kind: WRITING, submission: $s }) { id } }', {
      token: tokens.LEARNER,
      variables: { s: 'x'.repeat(101) },
    });
    assert.equal(firstErrorCode(res), 'INPUT_TOO_LARGE');
    assert.match(res.errors?.[0]?.message ?? '', /input\.submission/);
    const list = await postGraphQL<{ evaluations: unknown[] }>(t.graphqlUrl, '{ evaluations { id } }', { token: tokens.LEARNER });
    expect(list.data?.evaluations).toEqual([]);
  });

  it('deep queries and alias floods → QUERY_TOO_COMPLEX', async () => {
    const deep = await postGraphQL(t.graphqlUrl, '{ modelAliases { variants { modelId } } }', { token: tokens.ADMIN });
    assert.equal(deep.status, 400);
    assert.equal(firstErrorCode(deep), 'QUERY_TOO_COMPLEX');
    assert.match(deep.errors?.[0]?.message ?? '', /^Query depth limit of 2 exceeded/);
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: me { id }`).join(' ');
    assert.equal(firstErrorCode(await postGraphQL(t.graphqlUrl, `{ ${aliases} }`, { token: tokens.ADMIN })), 'QUERY_TOO_COMPLEX');
  });

  it('bad tokens → 401 UNAUTHENTICATED (garbage, wrong secret, expired, wrong scheme)', async () => {
    const bad = [
      { authorization: 'Bearer garbage' },
      { authorization: `Bearer ${await signToken({ sub: 'x', roles: ['ADMIN'], secret: 'wrong-secret-wrong-secret-123456' })}` },
      { authorization: `Bearer ${await signToken({ sub: 'x', roles: ['ADMIN'], expiresIn: -5 })}` },
      { authorization: 'Basic dXNlcjpwYXNz' },
    ];
    for (const headers of bad) {
      const res = await postGraphQL(t.graphqlUrl, '{ me { id } }', { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(firstErrorCode(res), 'UNAUTHENTICATED');
    }
    await stillHealthy();
  });

  it('wrong variable types → BAD_USER_INPUT; errors never carry stack traces', async () => {
    const res = await postGraphQL(t.graphqlUrl, 'query($id: ID!) { evaluation(id: $id) { id } }', { token: tokens.LEARNER, variables: { id: { nested: true } } });
    assert.equal(firstErrorCode(res), 'BAD_USER_INPUT');
    assert.equal(JSON.stringify(res).includes('stacktrace'), false);
  });
});
