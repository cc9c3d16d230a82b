import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens, signToken } from '../support/tokens.js';
import { skipWhen } from '../support/skipWhen.js';
import { hasStories260k } from '../support/paths.js';
import { uniquePrefix } from '../support/redisServer.js';
import { createTestDatabase, type TestDatabase } from '../persistence/support/testDatabases.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Small enough to spend in a test; the other tests here make fewer AI calls per user. */
const AI_PER_MINUTE = 6;
const GREEDY = { model: 'stories260k', prompt: 'Once upon a time', temperature: 0, maxTokens: 40 };
const LETTER = 'Dear Dr Ward,\n\nI am writing to refer Mr Peterson, aged 58, who has had exertional chest pain for two weeks. He takes aspirin.\n\nYours sincerely,\nGP';
const NOTES = 'Patient: Mr Peterson, 58\nHistory: exertional chest pain, 2 weeks\nMedication: aspirin\nPlan:\n- Refer to cardiologist';

async function until(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  // A probe that fails (a pooled keep-alive socket reset by the server) counts as "not yet".
  while (!(await Promise.resolve().then(probe).catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Two API replicas and one worker, sharing PostgreSQL and Redis, behind a real Apollo Gateway that sends each
 * subgraph request to the next replica in turn (as a load balancer in front of the replicas would).
 */
skipWhen(!hasStories260k && 'stories260K is missing').describe('replicas: two API instances and a worker behind Apollo Gateway', () => {
  const { prefix, cleanup } = uniquePrefix('replicas');
  let db: TestDatabase;
  let worker: TestEngine;
  const replicas: TestEngine[] = [];
  let gateway: ApolloServer;
  let gatewayUrl: string;
  /** The replica each subgraph request went to, in order. */
  const routed: string[] = [];
  let tokens: Awaited<ReturnType<typeof roleTokens>>;

  beforeAll(async () => {
    tokens = await roleTokens();
    db = await createTestDatabase('postgresql', 'replicas');
    const env = { REDIS_URL, DATABASE_URL: db.url, OET_QUEUE_PREFIX: prefix, OET_RATE_LIMIT_PREFIX: `${prefix}:rl`, OET_RATE_LIMIT_AI_PER_MINUTE: String(AI_PER_MINUTE), OET_WORKER_HEARTBEAT_MS: '500', OET_LANGUAGE_MODEL: 'off' };
    // One at a time: the first migrates the schema.
    worker = await startTestEngine({ ...env, OET_ROLE: 'worker' });
    replicas.push(await startTestEngine({ ...env, OET_ROLE: 'api' }));
    replicas.push(await startTestEngine({ ...env, OET_ROLE: 'api' }));
    for (const replica of replicas) {
      await until('the replica sees the worker', async () => ((await postGraphQL<{ models: { id: string }[] }>(replica.graphqlUrl, '{ models { id } }', { token: tokens.LEARNER })).data?.models ?? []).some((m) => m.id === 'stories260k'));
    }
    let next = 0;
    const gw = new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: 'engine', url: replicas[0]!.graphqlUrl }] }),
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request, context }) {
            const target = replicas[next++ % replicas.length]!.graphqlUrl;
            routed.push(target);
            (request.http as { url: string }).url = target;
            const auth = (context as { authorization?: string }).authorization;
            if (auth) request.http!.headers.set('authorization', auth);
          },
        }),
    });
    gateway = new ApolloServer({ gateway: gw });
    gatewayUrl = (await startStandaloneServer(gateway, { listen: { port: 0 }, context: async ({ req }) => ({ authorization: req.headers.authorization }) })).url;
  });
  afterAll(async () => {
    await gateway?.stop();
    for (const replica of replicas) await replica.stop();
    await worker?.stop();
    await cleanup(REDIS_URL);
    await db?.drop();
  });

  it('an evaluation written through one replica is read through the other', async () => {
    routed.length = 0;
    const written = await postGraphQL<{ submitEvaluation: { id: string } }>(gatewayUrl, 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Ward," }) { id } }', { token: tokens.LEARNER });
    expect(written.errors).toBeUndefined();
    const read = await postGraphQL<{ evaluation: { id: string; submission: string; ownerId: string } | null }>(gatewayUrl, 'query ($id: ID!) { evaluation(id: $id) { id submission ownerId } }', { token: tokens.LEARNER, variables: { id: written.data!.submitEvaluation.id } });
    // The write went to one replica, the read to the other.
    expect(routed).toHaveLength(2);
    expect(new Set(routed)).toEqual(new Set(replicas.map((r) => r.graphqlUrl)));
    expect(read.data?.evaluation).toEqual({ id: written.data!.submitEvaluation.id, submission: 'Dear Dr Ward,', ownerId: 'learner-1' });
  });

  it('a subscription on one replica receives a generation run by the worker, and events written on the other', async () => {
    const expected = await worker.engine.services.inference.generate(GREEDY);
    const client = wsClient(replicas[1]!.wsUrl, tokens.LEARNER);
    try {
      const stream = collect<{ generateStream: { text: string; done: boolean } }>(client, 'subscription ($input: GenerateInput!) { generateStream(input: $input) { text done } }', { input: GREEDY });
      await until('the stream to end', () => stream.completed || stream.errors.length > 0, 60_000);
      expect(stream.errors).toEqual([]);
      expect(stream.values.map((v) => v.generateStream.text).join('')).toBe(expected.text);
      const events = collect<{ evaluationUpdated: { id: string } }>(client, 'subscription { evaluationUpdated { id } }');
      const sent: string[] = [];
      // The subscription is registered on the replica asynchronously: write until one arrives (bounded).
      for (let i = 0; i < 20 && events.values.length === 0; i++) {
        sent.push((await postGraphQL<{ submitEvaluation: { id: string } }>(replicas[0]!.graphqlUrl, 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Ward," }) { id } }', { token: tokens.LEARNER })).data!.submitEvaluation.id);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(events.values.length).toBeGreaterThan(0);
      expect(sent).toContain(events.values[0]!.evaluationUpdated.id);
      events.unsubscribe();
    } finally {
      await client.dispose();
    }
  });

  it('an ADMIN starts a re-scoring job on one replica and follows its progress on the other; the worker runs it', async () => {
    const scored = await postGraphQL<{ evaluateWriting: { id: string; status: string } }>(replicas[0]!.graphqlUrl, 'mutation ($letter: String!, $notes: String!) { evaluateWriting(input: { letter: $letter, caseNotes: $notes, letterType: REFERRAL, profession: MEDICINE, reader: COLLEAGUE }) { id status } }', { token: tokens.LEARNER, variables: { letter: LETTER, notes: NOTES } });
    expect(scored.errors).toBeUndefined();
    const oldId = scored.data!.evaluateWriting.id;
    const started = await postGraphQL<{ rescoreEvaluations: { id: string; state: string } }>(replicas[0]!.graphqlUrl, 'mutation ($ids: [ID!]) { rescoreEvaluations(input: { evaluationIds: $ids }) { id state } }', { token: tokens.ADMIN, variables: { ids: [oldId] } });
    expect(started.errors).toBeUndefined();
    type Job = { id: string; name: string; state: string; progress: { done: number; total: number; failed: number } | null; result: { rescored: Record<string, string>; failed: string[] } | null; requestedBy: string | null };
    let job: Job | null = null;
    await until('the job to complete', async () => {
      const res = await postGraphQL<{ backgroundJob: Job | null }>(replicas[1]!.graphqlUrl, 'query ($id: ID!) { backgroundJob(id: $id) { id name state progress { done total failed } result requestedBy } }', { token: tokens.ADMIN, variables: { id: started.data!.rescoreEvaluations.id } });
      job = res.data?.backgroundJob ?? null;
      return job?.state === 'COMPLETED' || job?.state === 'FAILED';
    }, 120_000).catch((e: Error) => {
      throw new Error(`${e.message}: last seen ${JSON.stringify(job)}`);
    });
    const done = job as unknown as Job;
    expect(done).toMatchObject({ name: 'rescoreEvaluations', state: 'COMPLETED', progress: { done: 1, total: 1, failed: 0 }, requestedBy: 'admin-1' });
    const newId = done.result!.rescored[oldId]!;
    const reread = await postGraphQL<{ evaluation: { id: string; rescoredFromId: string | null } | null }>(replicas[1]!.graphqlUrl, 'query ($id: ID!) { evaluation(id: $id) { id rescoredFromId } }', { token: tokens.LEARNER, variables: { id: newId } });
    expect(reread.data?.evaluation).toEqual({ id: newId, rescoredFromId: oldId });
    // A learner may not read jobs.
    const denied = await postGraphQL(replicas[1]!.graphqlUrl, 'query ($id: ID!) { backgroundJob(id: $id) { id } }', { token: tokens.LEARNER, variables: { id: done.id } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("shares per-user rate limits through Redis: a budget spent through both replicas is refused on either", async () => {
    const token = await signToken({ sub: 'replica-rate-limited', roles: ['LEARNER'] });
    const redact = '{ redactPhi(text: "Seen on 12/03/2024.") { text } }';
    routed.length = 0;
    for (let i = 0; i < AI_PER_MINUTE; i++) expect((await postGraphQL(gatewayUrl, redact, { token })).errors).toBeUndefined();
    // The gateway spread the calls over both replicas, so neither saw the whole budget on its own.
    expect(new Set(routed).size).toBe(2);
    for (const replica of replicas) {
      const refused = await postGraphQL(replica.graphqlUrl, redact, { token });
      expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    }
    // Another learner still has a budget of their own.
    expect((await postGraphQL(gatewayUrl, redact, { token: await signToken({ sub: 'replica-other', roles: ['LEARNER'] }) })).errors).toBeUndefined();
  });
});
