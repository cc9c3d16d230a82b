import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

const SUBMIT = 'mutation($s: String!) { submitEvaluation(input: { kind: SPEAKING, submission: $s }) { id } }';
const UPDATED = 'subscription { evaluationUpdated { id ownerId status } }';

describe('graphql-ws subscriptions', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine();
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  it('authenticates on connection_init, subscribes and receives events the viewer may see', async () => {
    const owner = wsClient(t.wsUrl, tokens.LEARNER);
    const assessor = wsClient(t.wsUrl, tokens.ASSESSOR);
    const stranger = wsClient(t.wsUrl, tokens.LEARNER2);
    const mine = collect<{ evaluationUpdated: { id: string; ownerId: string } }>(owner, UPDATED);
    const cohort = collect<{ evaluationUpdated: { id: string } }>(assessor, UPDATED);
    const theirs = collect(stranger, UPDATED);
    try {
      await new Promise((r) => setTimeout(r, 300)); // let the subscriptions register
      const created = await postGraphQL<{ submitEvaluation: { id: string } }>(t.graphqlUrl, SUBMIT, { token: tokens.LEARNER, variables: { s: 'Patient: Good morning, doctor.' } });
      const id = created.data!.submitEvaluation.id;
      await mine.waitFor(1);
      await cohort.waitFor(1);
      assert.equal(mine.values[0]?.evaluationUpdated.id, id);
      assert.equal(mine.values[0]?.evaluationUpdated.ownerId, 'learner-1');
      assert.equal(cohort.values[0]?.evaluationUpdated.id, id);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(theirs.values.length, 0, 'a learner of another cohort must not see the event');
    } finally {
      for (const s of [mine, cohort, theirs]) s.unsubscribe();
      await Promise.all([owner.dispose(), assessor.dispose(), stranger.dispose()]);
    }
  });

  it('refuses a connection without a token, or with a bad one', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const client = wsClient(t.wsUrl, token);
      const sub = collect(client, UPDATED);
      await sub.waitFor(1, 5_000);
      assert.equal(sub.values.length, 0);
      const error = sub.errors[0] as { code?: number; reason?: string };
      assert.equal(error?.code, 4403, `expected close code 4403, got ${JSON.stringify(error)}`);
      await client.dispose();
    }
  });
});
