/**
 * What the OpenAI-compatible layer costs: greedy token streams of stories260K (and SmolLM2 when asked) taken
 * in-process (the baseline), through the REST NDJSON route and /v1 SSE (both with plain fetch, so their ratio is the
 * SSE layer's own cost), through /v1 with the official openai client, and through a second
 * engine whose manifest points a remote model id at the first (RemoteBackend → /v1 → engine). Prints tokens per
 * second and time to first token of each path, and each path's ratio to the in-process baseline, measured in the
 * same run, one stream at a time.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/openai.bench.js [--runs 20] [--tokens 128] [--model tiny]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import type { InferenceEngine } from '../src/inference/types.js';
import { startTestEngine } from '../test/support/startTestEngine.js';
import { roleTokens } from '../test/support/tokens.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, tokens: { type: 'string', default: '128' }, model: { type: 'string', default: 'tiny' } } });
const runs = Number(values.runs);
const maxTokens = Number(values.tokens);
const model = values.model;
const PROMPT = 'Once upon a time';

interface Sample {
  tokens: number;
  ms: number;
  firstMs: number;
}

async function viaEngine(inference: InferenceEngine, id: string): Promise<Sample> {
  const started = performance.now();
  let firstMs = 0;
  let tokens = 0;
  for await (const chunk of inference.generateStream({ model: id, prompt: PROMPT, temperature: 0, maxTokens })) {
    if (!chunk.done && firstMs === 0) firstMs = performance.now() - started;
    if (chunk.done) tokens = chunk.result!.usage.completionTokens;
  }
  return { tokens, ms: performance.now() - started, firstMs };
}

async function viaClient(client: OpenAI, id: string): Promise<Sample> {
  const started = performance.now();
  let firstMs = 0;
  let tokens = 0;
  const stream = await client.completions.create({ model: id, prompt: PROMPT, temperature: 0, max_tokens: maxTokens, stream: true, stream_options: { include_usage: true } });
  for await (const chunk of stream) {
    if (chunk.choices[0]?.text && firstMs === 0) firstMs = performance.now() - started;
    if (chunk.usage) tokens = chunk.usage.completion_tokens;
  }
  return { tokens, ms: performance.now() - started, firstMs };
}

/** A raw fetch of a streamed HTTP answer (REST NDJSON or /v1 SSE): the same client for both, so the ratio is the server's. */
async function viaFetch(url: string, token: string, body: object): Promise<Sample> {
  const started = performance.now();
  let firstMs = 0;
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  let text = '';
  for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
    if (firstMs === 0) firstMs = performance.now() - started;
    text += Buffer.from(part).toString();
  }
  // Both end with the usage: REST's last line has completion_tokens, /v1's usage chunk too.
  const match = /"completion_tokens":(\d+)/.exec(text);
  return { tokens: match ? Number(match[1]) : 0, ms: performance.now() - started, firstMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(name: string, run: () => Promise<Sample>): Promise<{ name: string; tokensPerSecond: number; firstMs: number }> {
  await run(); // warm-up (loads the model on first use)
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await run());
  const tokens = samples.reduce((s, x) => s + x.tokens, 0);
  const ms = samples.reduce((s, x) => s + x.ms, 0);
  return { name, tokensPerSecond: (tokens / ms) * 1000, firstMs: median(samples.map((s) => s.firstMs)) };
}

const box = await startTestEngine({ OET_PARALLEL_SEQUENCES: '2' });
const tokens = await roleTokens();
const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-remote-'));
process.env.OET_BENCH_REMOTE_KEY = tokens.SERVICE;
writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ remoteModels: [{ id: 'remote', remote: { baseUrl: `${box.url}/v1`, model, apiKeyEnv: 'OET_BENCH_REMOTE_KEY' } }] }));
const api = await startTestEngine({ OET_MODELS_DIR: dir, OET_MODEL_MANIFEST: path.join(dir, 'manifest.json') });
try {
  const client = new OpenAI({ apiKey: tokens.LEARNER, baseURL: `${box.url}/v1`, maxRetries: 0 });
  // Interleaved rounds would share the CPU fairly; sequential blocks are simpler and each has its own warm-up.
  const results = [
    await measure('in-process generateStream', () => viaEngine(box.engine.services.inference, model)),
    await measure('REST NDJSON, fetch', () => viaFetch(`${box.url}/api/v1/llm/generate`, tokens.LEARNER, { model, prompt: PROMPT, temperature: 0, max_tokens: maxTokens, stream: true })),
    await measure('/v1 SSE, fetch', () => viaFetch(`${box.url}/v1/completions`, tokens.LEARNER, { model, prompt: PROMPT, temperature: 0, max_tokens: maxTokens, stream: true, stream_options: { include_usage: true } })),
    await measure('/v1 SSE, openai client', () => viaClient(client, model)),
    await measure('remote backend (engine → /v1 → engine)', () => viaEngine(api.engine.services.inference, 'remote')),
  ];
  const base = results[0]!.tokensPerSecond;
  console.log(`model ${model}, ${runs} greedy streams of ${maxTokens} tokens each, one at a time`);
  for (const r of results) {
    console.log(`${r.name.padEnd(42)} ${r.tokensPerSecond.toFixed(0).padStart(6)} tokens/s  first token p50 ${r.firstMs.toFixed(1).padStart(6)} ms  ratio ${(r.tokensPerSecond / base).toFixed(2)}`);
  }
} finally {
  await api.stop();
  await box.stop();
  rmSync(dir, { recursive: true, force: true });
}
