import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '../support/graphqlClient.js';
import { hasStories260k } from '../support/paths.js';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';
import { createTestDatabase, postgresBaseUrl, type TestDatabase } from '../persistence/support/testDatabases.js';

const SUBMIT = 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Ward, I am writing about Mr Lee." }) { id } }';
const READ = 'query ($id: ID!) { evaluation(id: $id) { id } }';

interface Ready { status: string; checks: { database: { ok: boolean; error?: string } } }
const ready = async (t: TestEngine) => {
  const res = await fetch(`${t.url}/ready`);
  return { status: res.status, body: (await res.json()) as Ready };
};

/** PostgreSQL behind a real TCP proxy: the test cuts the engine's connections for real, then restores them. */
describe('PostgreSQL lost during service', () => {
  let proxy: TcpProxy;
  let db: TestDatabase;
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    const target = new URL(postgresBaseUrl);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    db = await createTestDatabase('postgresql', 'outage');
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    t = await startTestEngine({ DATABASE_URL: viaProxy.toString() });
    tokens = await roleTokens();
    process.on('unhandledRejection', onUnhandled);
  }, 60_000);
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await proxy?.restore();
    await t?.stop();
    await proxy?.close();
    await db?.drop();
  });

  it('answers SERVICE_UNAVAILABLE and /ready 503 while the database is away, then serves again without a restart', async () => {
    const before = await postGraphQL<{ submitEvaluation: { id: string } }>(t.graphqlUrl, SUBMIT, { token: tokens.LEARNER });
    expect(before.errors).toBeUndefined();
    const storedId = before.data!.submitEvaluation.id;
    expect((await ready(t)).status).toBe(200);

    await proxy.cut();
    const write = await postGraphQL(t.graphqlUrl, SUBMIT, { token: tokens.LEARNER });
    expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(write.errors?.[0]?.message).not.toMatch(/prisma|ECONNREFUSED|127\.0\.0\.1|\/node_modules\//i);
    const read = await postGraphQL(t.graphqlUrl, READ, { token: tokens.LEARNER, variables: { id: storedId } });
    expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    const notReady = await ready(t);
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.database.ok).toBe(false);
    expect(typeof notReady.body.checks.database.error).toBe('string');
    expect((await fetch(`${t.url}/health`)).status).toBe(200);

    if (hasStories260k) {
      // A generation stores nothing the client reads back: it is still answered, and its usage record (best-effort
      // by contract, see notes/limits.md) is lost and logged.
      const res = await fetch(`${t.url}/api/v1/llm/generate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.LEARNER}` },
        body: JSON.stringify({ model: 'tiny', prompt: 'Once upon a time', max_tokens: 4, temperature: 0 }),
      });
      expect(res.status).toBe(200);
    }

    await proxy.restore();
    expect((await ready(t)).status).toBe(200);
    const after = await postGraphQL<{ submitEvaluation: { id: string } }>(t.graphqlUrl, SUBMIT, { token: tokens.LEARNER });
    expect(after.errors).toBeUndefined();
    const both = await Promise.all([storedId, after.data!.submitEvaluation.id].map((id) => postGraphQL<{ evaluation: { id: string } | null }>(t.graphqlUrl, READ, { token: tokens.LEARNER, variables: { id } })));
    expect(both.map((r) => r.data?.evaluation?.id)).toEqual([storedId, after.data!.submitEvaluation.id]);
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('writes in flight when the connection is reset answer either their id or SERVICE_UNAVAILABLE, never an internal error', async () => {
    const writes = Array.from({ length: 40 }, () => postGraphQL<{ submitEvaluation: { id: string } }>(t.graphqlUrl, SUBMIT, { token: tokens.LEARNER2 }));
    // Cut once the first answer is back, so that the rest are queued on or running over pooled connections.
    await Promise.race(writes);
    await proxy.cut();
    const answers = await Promise.all(writes);
    await proxy.restore();
    const codes = answers.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c !== 'OK' && c !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(codes).toContain('SERVICE_UNAVAILABLE');
    // What was acknowledged is there.
    const acknowledged = answers.flatMap((r) => (r.data?.submitEvaluation ? [r.data.submitEvaluation.id] : []));
    const read = await Promise.all(acknowledged.map((id) => postGraphQL<{ evaluation: { id: string } | null }>(t.graphqlUrl, READ, { token: tokens.LEARNER2, variables: { id } })));
    expect(read.map((r) => r.data?.evaluation?.id)).toEqual(acknowledged);
    expect(unhandled).toEqual([]);
  }, 60_000);
});
