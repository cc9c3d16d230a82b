import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { freePort, killChild as stop, startRedis } from '../support/redisServer.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';

describe('Redis lost and back', () => {
  let t: TestEngine;
  let redis: ChildProcess;
  let port: number;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    t = await startTestEngine({ REDIS_URL: `redis://127.0.0.1:${port}` });
    tokens = await roleTokens();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await t.stop();
    if (redis.exitCode === null) await stop(redis);
  });

  const submit = () => postGraphQL<{ submitEvaluation: { id: string } }>(t.graphqlUrl, 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Ward," }) { id } }', { token: tokens.LEARNER });

  it('a write while Redis is down is stored and answered; the event is counted undelivered, never an unhandled rejection', async () => {
    await stop(redis);
    const res = await submit();
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const stored = await postGraphQL<{ evaluation: { id: string } | null }>(t.graphqlUrl, 'query ($id: ID!) { evaluation(id: $id) { id } }', { token: tokens.LEARNER, variables: { id: res.data!.submitEvaluation.id } });
    assert.equal(stored.data!.evaluation!.id, res.data!.submitEvaluation.id, 'nothing acknowledged is lost');
    let undelivered = 0;
    for (let i = 0; i < 100 && undelivered === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      undelivered = Number(/^oet_events_undelivered_total\{topic="EVALUATION_UPDATED"\} (\d+)/m.exec(await (await fetch(`${t.url}/metrics`)).text())?.[1] ?? 0);
    }
    assert.equal(undelivered, 1);
    expect(unhandled).toEqual([]);
  });

  it('once Redis is back, subscriptions receive events again without a restart', async () => {
    redis = await startRedis(port);
    const client = wsClient(t.wsUrl, tokens.LEARNER);
    const sub = collect<{ evaluationUpdated: { id: string } }>(client, 'subscription { evaluationUpdated { id } }');
    try {
      const sent: string[] = [];
      // The subscriber reconnects with ioredis's backoff: publish until one arrives (bounded).
      for (let i = 0; i < 40 && sub.values.length === 0; i++) {
        sent.push((await submit()).data!.submitEvaluation.id);
        await new Promise((r) => setTimeout(r, 250));
      }
      assert.ok(sub.values.length > 0, 'no event arrived after Redis came back');
      assert.ok(sub.values.every((v) => sent.includes(v.evaluationUpdated.id)), 'only the events published after recovery');
      expect(unhandled).toEqual([]);
    } finally {
      sub.unsubscribe();
      await client.dispose();
    }
  });
});
