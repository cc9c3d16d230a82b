import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { findLlamaServerBinary } from '../../src/inference/llamaServer/llamaServerBinary.js';
import { collect, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { hasStories260k } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';

type Chunk = { generateStream: { text: string; done: boolean; finishReason: string | null; usage: { completionTokens: number; cachedPromptTokens: number | null } | null } };
const STREAM = 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done finishReason usage { completionTokens cachedPromptTokens } } }';
const input = { model: 'tiny', prompt: 'Once upon a time', maxTokens: 24, temperature: 0 };

skipWhen((!findLlamaServerBinary() && 'no llama-server build: run npm run llama-server:build') || (!hasStories260k && 'stories260K.gguf is missing')).describe(
  'the engine with OET_GGUF_RUNTIME=llama-server: GraphQL, graphql-ws and /metrics',
  () => {
    let t: TestEngine;
    let tokens: Awaited<ReturnType<typeof roleTokens>>;
    beforeAll(async () => {
      t = await startTestEngine({ OET_GGUF_RUNTIME: 'llama-server', OET_PARALLEL_SEQUENCES: '2' });
      tokens = await roleTokens();
    });
    afterAll(() => t?.stop());

    it('streams over graphql-ws the same text generate returns, and says which runtime serves', async () => {
      const whole = await postGraphQL<{ generate: { text: string; finishReason: string } }>(t.graphqlUrl, 'mutation($input: GenerateInput!) { generate(input: $input) { text finishReason } }', {
        token: tokens.LEARNER,
        variables: { input },
      });
      expect(whole.errors).toBeUndefined();
      expect(whole.data?.generate.finishReason).toBe('LENGTH');

      const client = wsClient(t.wsUrl, tokens.LEARNER);
      try {
        const sub = collect<Chunk>(client, STREAM, { input });
        await sub.waitFor(1000, 30_000).catch(() => undefined);
        expect(sub.errors).toEqual([]);
        expect(sub.values.map((v) => v.generateStream.text).join('')).toBe(whole.data?.generate.text);
        // The same prompt again: the server's slot still holds it.
        expect(sub.values.at(-1)?.generateStream).toMatchObject({ done: true, finishReason: 'LENGTH', usage: { completionTokens: 24 } });
        expect(sub.values.at(-1)?.generateStream.usage?.cachedPromptTokens).toBeGreaterThan(0);
      } finally {
        await client.dispose();
      }

      const model = await postGraphQL<{ model: { runtime: string; state: string } }>(t.graphqlUrl, '{ model(id: "tiny") { runtime state } }', { token: tokens.LEARNER });
      expect(model.data?.model).toEqual({ runtime: 'LLAMA_SERVER', state: 'READY' });
      const embedder = await postGraphQL<{ model: { runtime: string } }>(t.graphqlUrl, '{ model(id: "embedder") { runtime } }', { token: tokens.LEARNER });
      expect(embedder.data?.model.runtime).toBe('ONNXRUNTIME');
      const ready = (await (await fetch(`${t.url}/ready`)).json()) as { checks: { models: { ggufRuntime: string; ready: string[] } } };
      expect(ready.checks.models).toMatchObject({ ggufRuntime: 'llama-server', ready: expect.arrayContaining(['stories260k']) });
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      expect(metrics).toMatch(/oet_model_runtime\{model="stories260k",runtime="llama-server"\} 1/);
      expect(metrics).toMatch(/oet_llm_tokens_generated_total\{model="stories260k",alias="tiny"\} 48/);
    });

    it('a bad request gets the same stable codes as with node-llama-cpp', async () => {
      const tooLong = await postGraphQL(t.graphqlUrl, 'mutation($input: GenerateInput!) { generate(input: $input) { text } }', { token: tokens.LEARNER, variables: { input: { ...input, maxTokens: 100_000 } } });
      expect(tooLong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const badSchema = await postGraphQL(t.graphqlUrl, 'mutation($input: GenerateInput!) { generate(input: $input) { text } }', { token: tokens.LEARNER, variables: { input: { ...input, jsonSchema: { type: 'banana' } } } });
      expect(badSchema.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  },
);
