import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { hasSmolLm2 } from '../support/paths.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('a client that disconnects', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine();
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  const active = async () => (await postGraphQL<{ inferenceStats: { activeSequences: number } }>(t.graphqlUrl, '{ inferenceStats { activeSequences } }', { token: tokens.ADMIN })).data!.inferenceStats.activeSequences;

  it('frees its sequence at once instead of generating until the timeout', async () => {
    const controller = new AbortController();
    const request = fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.LEARNER}` },
      // At temperature 1.5 with this seed SmolLM2 rambles to maxTokens: ~23 s of generation on this machine.
      body: JSON.stringify({
        query: 'mutation ($input: GenerateInput!) { generate(input: $input) { text } }',
        variables: { input: { model: 'default', prompt: 'Once upon a time', maxTokens: 1500, temperature: 1.5, seed: 7 } },
      }),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    // Wait until the generation holds a sequence (the model loads first).
    for (let i = 0; i < 300 && (await active()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.equal(await active(), 1, 'the generation started');
    controller.abort();
    await request;
    const abortedAt = Date.now();
    while ((await active()) > 0 && Date.now() - abortedAt < 30_000) await new Promise((r) => setTimeout(r, 50));
    assert.equal(await active(), 0);
    assert.ok(Date.now() - abortedAt < 3_000, `freed after ${Date.now() - abortedAt} ms (the whole generation takes ~23 s)`);
  });
});
