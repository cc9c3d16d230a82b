/**
 * llama.cpp's own tools as a speed anchor (issue 15): finds the llama-bench and llama-server that
 * bench/peers/llamacpp/build.sh built outside the repository, runs llama-bench, and starts and drives llama-server.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { llamaCppCache } from '../../src/inference/llamaServer/llamaServerBinary.js';
import { LlamaServerProcess } from '../../src/inference/llamaServer/LlamaServerProcess.js';
import type { StreamTiming } from './streamOverGraphQL.js';

export interface LlamaCppBinaries {
  bench: string;
  server: string;
  buildDir: string;
}

export const peersCache = (): string => llamaCppCache();

/** LLAMA_BENCH_BIN / LLAMA_SERVER_BIN, else the newest build under the peers cache; undefined when not built. */
export function findLlamaCppBinaries(): LlamaCppBinaries | undefined {
  const fromEnv = process.env.LLAMA_BENCH_BIN && process.env.LLAMA_SERVER_BIN;
  if (fromEnv) {
    const bench = process.env.LLAMA_BENCH_BIN!;
    const server = process.env.LLAMA_SERVER_BIN!;
    return existsSync(bench) && existsSync(server) ? { bench, server, buildDir: path.dirname(bench) } : undefined;
  }
  const builds = path.join(peersCache(), 'build');
  if (!existsSync(builds)) return undefined;
  const candidates = readdirSync(builds)
    .map((name) => path.join(builds, name))
    .filter((dir) => existsSync(path.join(dir, 'bin', 'llama-bench')) && existsSync(path.join(dir, 'bin', 'llama-server')))
    .sort((a, b) => statSync(path.join(b, 'bin', 'llama-server')).mtimeMs - statSync(path.join(a, 'bin', 'llama-server')).mtimeMs);
  const dir = candidates[0];
  return dir === undefined ? undefined : { bench: path.join(dir, 'bin', 'llama-bench'), server: path.join(dir, 'bin', 'llama-server'), buildDir: dir };
}

/** `llama-bench --version`'s first line (the build number and commit). */
export async function llamaCppVersion(binaries: LlamaCppBinaries): Promise<string> {
  const { stdout, stderr } = await promisify(execFile)(binaries.bench, ['--version']).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '', stderr: e.stderr ?? '' }));
  return `${stdout}${stderr}`.split('\n').find((l) => l.trim() !== '')?.trim() ?? 'unknown';
}

/** llama-bench's tg figure (tokens/s, decode only: it never samples or detokenizes) for `tokens` generated tokens. */
export async function llamaBenchDecode(binaries: LlamaCppBinaries, modelPath: string, threads: number, tokens: number, signal: AbortSignal): Promise<number> {
  const args = ['-m', modelPath, '-t', String(threads), '-p', '0', '-n', String(tokens), '-r', '2', '-o', 'json'];
  const { stdout } = await promisify(execFile)(binaries.bench, args, { signal, maxBuffer: 16 * 2 ** 20 });
  const rows = JSON.parse(stdout) as { avg_ts: number; n_gen: number }[];
  const row = rows.find((r) => r.n_gen === tokens);
  if (row === undefined) throw new Error(`llama-bench printed no tg${tokens} row: ${stdout.slice(0, 400)}`);
  return row.avg_ts;
}

export interface LlamaServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts llama-server with `parallel` slots of `contextPerSlot` tokens each, exactly as the engine's llama-server
 * runtime does (src/inference/llamaServer), and waits for /health to answer 200.
 */
export async function startLlamaServer(
  binaries: LlamaCppBinaries,
  options: { modelPath: string; threads: number; parallel: number; contextPerSlot: number; signal: AbortSignal; timeoutMs?: number },
): Promise<LlamaServer> {
  const server = await LlamaServerProcess.start(
    { binary: binaries.server, modelPath: options.modelPath, alias: 'peer', threads: options.threads, parallel: options.parallel, contextPerSlot: options.contextPerSlot },
    { startTimeoutMs: options.timeoutMs ?? 120_000 },
    options.signal,
  );
  return { baseUrl: server.baseUrl, stop: () => server.stop() };
}

/** The final SSE event of a streamed /completion. */
interface FinalChunk {
  tokens_predicted?: number;
  timings?: { cache_n?: number; prompt_n?: number };
}

/**
 * One streamed, greedy /completion with `cache_prompt: true`, timed as a client sees it (the same fields as a
 * GraphQL stream: TTFT to the first chunk with text, decode time from there to the end).
 */
export async function completionOverHttp(baseUrl: string, prompt: string, nPredict: number, signal: AbortSignal): Promise<StreamTiming> {
  const start = performance.now();
  const res = await fetch(`${baseUrl}/completion`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ prompt, n_predict: nPredict, temperature: 0, stream: true, cache_prompt: true }),
    signal,
  });
  if (!res.ok || res.body === null) throw new Error(`llama-server /completion answered ${res.status}: ${await res.text()}`);
  let first = 0;
  let buffered = '';
  let final: FinalChunk = {};
  const decoder = new TextDecoder();
  for await (const bytes of res.body) {
    buffered += decoder.decode(bytes as Uint8Array, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (!line.startsWith('data:')) continue;
      const event = JSON.parse(line.slice(5)) as { content?: string; stop?: boolean } & FinalChunk;
      if (first === 0 && event.content) first = performance.now();
      if (event.stop) final = event;
    }
  }
  const end = performance.now();
  if (first === 0) first = end;
  return {
    ttftMs: first - start,
    connectMs: 0, // fetch opens the loopback connection inside the timed request
    tokens: final.tokens_predicted ?? 0,
    decodeMs: end - first,
    totalMs: end - start,
    ...(final.timings?.prompt_n !== undefined ? { promptTokens: final.timings.prompt_n + (final.timings.cache_n ?? 0) } : {}),
    ...(final.timings?.cache_n !== undefined ? { cachedPromptTokens: final.timings.cache_n } : {}),
  };
}

/** `concurrent` completions at once; aggregate tokens/s is the sum of tokens over the wall time of all. */
export async function concurrentCompletions(baseUrl: string, prompt: string, nPredict: number, concurrent: number, signal: AbortSignal): Promise<{ timings: StreamTiming[]; wallMs: number }> {
  const start = performance.now();
  const timings = await Promise.all(Array.from({ length: concurrent }, () => completionOverHttp(baseUrl, prompt, nPredict, signal)));
  return { timings, wallMs: performance.now() - start };
}
