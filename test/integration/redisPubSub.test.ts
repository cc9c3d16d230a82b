import { afterAll, beforeAll, expect, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

const REDIS_URL = process.env.OET_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

let a: TestEngine;
let b: TestEngine;
beforeAll(async () => {
  // Two instances sharing one database and one Redis, as two replicas behind a load balancer.
  const databaseUrl = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), 'oet-redis-')), 'shared.db')}`;
  a = await startTestEngine({ REDIS_URL, DATABASE_URL: databaseUrl });
  b = await startTestEngine({ REDIS_URL, DATABASE_URL: databaseUrl });
});
afterAll(async () => {
  await a?.stop();
  await b?.stop();
});

it('an event published on one instance reaches a subscriber on the other through Redis', async () => {
  const tokens = await roleTokens();
  const client = wsClient(b.wsUrl, tokens.LEARNER);
  const sub = collect<{ evaluationUpdated: { id: string } }>(client, 'subscription { evaluationUpdated { id status } }');
  try {
    await new Promise((r) => setTimeout(r, 300));
    const created = await postGraphQL<{ submitEvaluation: { id: string } }>(a.graphqlUrl, 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Nurse Lee," }) { id } }', { token: tokens.LEARNER });
    await sub.waitFor(1);
    assert.deepEqual(sub.errors, []);
    assert.equal(sub.values[0]?.evaluationUpdated.id, created.data?.submitEvaluation.id);
    const ready = (await (await fetch(`${b.url}/ready`)).json()) as { checks: { pubsub: { transport: string; ok: boolean } } };
    expect(ready.checks.pubsub).toEqual({ ok: true, transport: 'redis' });
  } finally {
    sub.unsubscribe();
    await client.dispose();
  }
});
