import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { freePort, killChild, startRedis } from '../support/redisServer.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { signToken } from '../support/tokens.js';

const AI_PER_MINUTE = 3;
const GENERAL_PER_MINUTE = 4;
const ME = '{ me { id } }';
const REDACT = '{ redactPhi(text: "Seen on 12/03/2024.") { text } }';

const learner = (sub: string) => signToken({ sub, roles: ['LEARNER'] });
/** A counter's total over all its labels. */
const metric = async (t: TestEngine, name: string) =>
  [...(await (await fetch(`${t.url}/metrics`)).text()).matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+)`, 'gm'))].reduce((sum, m) => sum + Number(m[1]), 0);

/** Two API instances sharing one Redis (a private redis-server, so that the last part can kill it). */
describe('per-user rate limits shared through Redis', () => {
  const prefix = `oet-test-rl-${randomUUID()}`;
  let redis: ChildProcess;
  let port: number;
  let a: TestEngine;
  let b: TestEngine;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    const env = {
      REDIS_URL: `redis://127.0.0.1:${port}`,
      OET_RATE_LIMIT_PREFIX: prefix,
      OET_RATE_LIMIT_AI_PER_MINUTE: String(AI_PER_MINUTE),
      OET_RATE_LIMIT_GENERAL_PER_MINUTE: String(GENERAL_PER_MINUTE),
    };
    [a, b] = await Promise.all([startTestEngine(env), startTestEngine(env)]);
    process.on('unhandledRejection', onUnhandled);
  }, 60_000);
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await Promise.all([a?.stop(), b?.stop()]);
    if (redis) await killChild(redis);
  });

  it("counts a user's requests on both instances against one budget, and leaves other users alone", async () => {
    const token = await learner('rl-user-1');
    const answered = [];
    for (const t of [a, b, a, b]) answered.push(await postGraphQL<{ me: { id: string } }>(t.graphqlUrl, ME, { token }));
    expect(answered.map((r) => r.data?.me.id)).toEqual(Array(GENERAL_PER_MINUTE).fill('rl-user-1'));

    const refused = await postGraphQL(b.graphqlUrl, ME, { token });
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfterSeconds;
    expect(typeof retryAfter).toBe('number');
    expect(retryAfter as number).toBeGreaterThanOrEqual(1);
    expect(retryAfter as number).toBeLessThanOrEqual(60);
    expect(refused.data ?? null).toBeNull();

    const other = await postGraphQL<{ me: { id: string } }>(a.graphqlUrl, ME, { token: await learner('rl-user-2') });
    expect(other.data?.me.id).toBe('rl-user-2');
    // Admins are not limited by default: six calls where a learner gets four.
    const admin = await signToken({ sub: 'rl-admin', roles: ['ADMIN'] });
    for (let i = 0; i < GENERAL_PER_MINUTE + 2; i++) expect((await postGraphQL(a.graphqlUrl, ME, { token: admin })).errors).toBeUndefined();
  });

  it('gives AI operations their own budget; REST answers 429 with Retry-After', async () => {
    const token = await learner('rl-user-3');
    // The general budget spent does not touch the AI one.
    for (let i = 0; i < GENERAL_PER_MINUTE; i++) await postGraphQL(a.graphqlUrl, ME, { token });
    expect((await postGraphQL(a.graphqlUrl, ME, { token })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    for (const t of [a, b, a]) {
      const res = await postGraphQL<{ redactPhi: { text: string } }>(t.graphqlUrl, REDACT, { token });
      expect(res.errors).toBeUndefined();
      expect(res.data?.redactPhi.text).not.toContain('12/03/2024');
    }
    // The fourth AI call, on the other instance, is over the shared AI budget.
    expect((await postGraphQL(b.graphqlUrl, REDACT, { token })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');

    // A token stream over graphql-ws counts once, when it starts: refused before any model is touched.
    const client = wsClient(a.wsUrl, token);
    try {
      const stream = collect(client, 'subscription { generateStream(input: { prompt: "Once upon a time", maxTokens: 4 }) { text done } }');
      for (let i = 0; i < 100 && stream.errors.length === 0 && stream.values.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stream.values).toEqual([]);
      // graphql-ws hands the error sink the list of GraphQL errors.
      const errors = stream.errors.flat() as { extensions?: { code?: string; retryAfterSeconds?: unknown } }[];
      expect(errors.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
      expect(typeof errors[0]?.extensions?.retryAfterSeconds).toBe('number');
    } finally {
      await client.dispose();
    }

    const res = await fetch(`${b.url}/api/v1/llm/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ prompt: 'Once upon a time', max_tokens: 4 }),
    });
    expect(res.status).toBe(429);
    const header = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(header) && header >= 1 && header <= 60).toBe(true);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    // The OpenAI-compatible API draws on the same AI budget, and answers in OpenAI's error shape.
    const v1 = await fetch(`${a.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ model: 'default', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 4 }),
    });
    expect(v1.status).toBe(429);
    expect(Number(v1.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await v1.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect(await metric(b, 'oet_rate_limited_total')).toBeGreaterThanOrEqual(2);
    expect(await metric(a, 'oet_rate_limited_total')).toBeGreaterThanOrEqual(2);
  });

  it('counts aliased root fields one by one', async () => {
    const token = await learner('rl-user-4');
    const aliased = `{ ${Array.from({ length: AI_PER_MINUTE + 1 }, (_, i) => `r${i}: redactPhi(text: "x") { text }`).join(' ')} }`;
    const res = await postGraphQL(a.graphqlUrl, aliased, { token });
    // One alias over the budget is refused (redactPhi is non-null, so `data` is null as a whole)…
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    // …and the others spent it: a single call after them is refused too.
    expect((await postGraphQL(b.graphqlUrl, REDACT, { token })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('keeps serving when Redis stops answering (SIGSTOP): the command times out and the insurance limiter answers', async () => {
    const token = await learner('rl-user-stopped');
    // Both instances count in Redis now (a connection still being set up would fall back to memory and prove nothing).
    const probe = new Redis(`redis://127.0.0.1:${port}`);
    try {
      let counted = 0;
      for (let i = 0; i < 40 && counted < 2; i++) {
        const warm = await learner(`rl-warm-${i}`);
        await Promise.all([a, b].map((t) => postGraphQL(t.graphqlUrl, ME, { token: warm })));
        counted = Number(await probe.get(`${prefix}:general:rl-warm-${i}`));
        if (counted < 2) await new Promise((r) => setTimeout(r, 100));
      }
      expect(counted).toBe(2);
    } finally {
      probe.disconnect();
    }
    redis.kill('SIGSTOP');
    try {
      // Without the limiter's command timeout these would wait for ever (the connection is open, nobody answers).
      const answered = await Promise.all([a, b].map((t) => postGraphQL<{ me: { id: string } }>(t.graphqlUrl, ME, { token })));
      expect(answered.map((r) => r.data?.me.id)).toEqual(['rl-user-stopped', 'rl-user-stopped']);
    } finally {
      redis.kill('SIGCONT');
    }
  }, 20_000);

  it('keeps serving when Redis dies (per-process insurance counters), and shares counters again once it is back', async () => {
    await killChild(redis);
    const token = await learner('rl-user-5');
    const served = [];
    for (let i = 0; i < GENERAL_PER_MINUTE; i++) served.push(await postGraphQL<{ me: { id: string } }>(a.graphqlUrl, ME, { token }));
    expect(served.map((r) => r.errors?.[0]?.extensions?.code ?? r.data?.me.id)).toEqual(Array(GENERAL_PER_MINUTE).fill('rl-user-5'));
    // The insurance limiter still limits, per process.
    expect((await postGraphQL(a.graphqlUrl, ME, { token })).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await metric(a, 'oet_rate_limit_fallback_total')).toBeGreaterThanOrEqual(GENERAL_PER_MINUTE);
    for (const t of [a, b]) expect((await fetch(`${t.url}/health`)).status).toBe(200);

    redis = await startRedis(port);
    const probe = new Redis(`redis://127.0.0.1:${port}`);
    try {
      // ioredis reconnects with backoff: a fresh user each try, until its counter shows up in Redis (bounded).
      let shared = false;
      for (let i = 0; i < 60 && !shared; i++) {
        const sub = `rl-back-${i}`;
        const res = await postGraphQL(b.graphqlUrl, ME, { token: await learner(sub) });
        expect(res.errors).toBeUndefined();
        shared = (await probe.exists(`${prefix}:general:${sub}`)) === 1;
        if (!shared) await new Promise((r) => setTimeout(r, 250));
      }
      expect(shared).toBe(true);
    } finally {
      probe.disconnect();
    }
    expect(unhandled).toEqual([]);
  }, 60_000);
});
