import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { hasStories260k } from '../support/paths.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { freePort, killChild, startRedis, uniquePrefix } from '../support/redisServer.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';

interface RestAnswer {
  text: string;
  finish_reason: string;
  usage: { cached: boolean; completion_tokens: number; time_to_first_token_ms: number; total_ms: number; tokens_per_second: number };
}

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('response cache shared by two engines through Redis', () => {
  let redis: ChildProcess;
  let redisUrl: string;
  let a: TestEngine;
  let b: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  const { prefix } = uniquePrefix('respcache');
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    // A private redis-server: this test kills it.
    const port = await freePort();
    redis = await startRedis(port);
    redisUrl = `redis://127.0.0.1:${port}`;
    const env = { REDIS_URL: redisUrl, OET_RESPONSE_CACHE: 'on', OET_RESPONSE_CACHE_PREFIX: prefix, OET_RESPONSE_CACHE_TTL_S: '600' };
    [a, b] = [await startTestEngine(env), await startTestEngine(env)];
    tokens = await roleTokens();
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await a?.stop();
    await b?.stop();
    if (redis.exitCode === null) await killChild(redis);
  });

  const rest = async (engine: TestEngine, token: string, prompt: string): Promise<RestAnswer> => {
    const res = await fetch(`${engine.url}/api/v1/llm/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ model: 'tiny', prompt, max_tokens: 16, temperature: 0 }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as RestAnswer;
  };
  const graphql = (engine: TestEngine, token: string, prompt: string) =>
    postGraphQL<{ generate: { text: string; usage: { cached: boolean | null } } }>(engine.graphqlUrl, 'mutation ($p: String!) { generate(input: { model: "tiny", prompt: $p, maxTokens: 16, temperature: 0 }) { text usage { cached } } }', { token, variables: { p: prompt } });

  it("answers on B what A generated, for the same user only, under the configured prefix with a TTL", async () => {
    const cold = await rest(a, tokens.LEARNER, 'Once upon a time');
    expect(cold.usage.cached).toBe(false);
    expect(cold.usage.completion_tokens).toBeGreaterThan(0);
    const warm = await rest(b, tokens.LEARNER, 'Once upon a time');
    expect(warm).toEqual({ ...cold, usage: { ...cold.usage, cached: true, time_to_first_token_ms: warm.usage.time_to_first_token_ms, total_ms: warm.usage.total_ms, tokens_per_second: 0 } } as RestAnswer);

    const viaGraphql = await graphql(b, tokens.LEARNER, 'Once upon a time');
    expect(viaGraphql.errors).toBeUndefined();
    expect(viaGraphql.data!.generate).toEqual({ text: cold.text, usage: { cached: true } });
    // Another learner sending the same prompt is not answered from the first one's entry (OET_RESPONSE_CACHE_SCOPE=user).
    const other = await graphql(b, tokens.LEARNER2, 'Once upon a time');
    expect(other.data!.generate).toEqual({ text: cold.text, usage: { cached: null } });

    const client = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const keys = await client.keys(`${prefix}:*`);
      expect(keys.length).toBe(2); // learner-1's and learner-2's
      const ttl = await client.ttl(keys[0]!);
      expect(ttl > 0 && ttl <= 600).toBe(true);
    } finally {
      client.disconnect();
    }
    const metrics = await (await fetch(`${b.url}/metrics`)).text();
    expect(metrics).toMatch(/^oet_response_cache_total\{outcome="hit",model="stories260k"\} 2$/m);
  });

  it('keeps answering while Redis is down: misses run on the model, repeats come from the process, no unhandled rejection', async () => {
    await killChild(redis);
    const cold = await rest(a, tokens.LEARNER, 'The little dog');
    expect(cold.usage.cached).toBe(false);
    expect((await rest(a, tokens.LEARNER, 'The little dog')).usage.cached).toBe(true);
    // B never saw it and cannot reach the shared store: generated again, the same text.
    const onB = await rest(b, tokens.LEARNER, 'The little dog');
    expect(onB.usage.cached).toBe(false);
    expect(onB.text).toBe(cold.text);
    // Entries B already held in process still answer.
    expect((await rest(b, tokens.LEARNER, 'Once upon a time')).usage.cached).toBe(true);
    expect(unhandled).toEqual([]);
  });
});
