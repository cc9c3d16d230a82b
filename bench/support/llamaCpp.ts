/**
 * llama.cpp's own tools as a speed anchor (issue 15): finds the llama-bench and llama-server that
 * bench/peers/llamacpp/build.sh built outside the repository, runs llama-bench, and starts and drives llama-server.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort, stopperOf } from './childServer.js';
import type { StreamTiming } from './streamOverGraphQL.js';

export interface LlamaCppBinaries {
  bench: string;
  server: string;
  buildDir: string;
}

export const peersCache = (): string => process.env.OET_PEERS_CACHE ?? path.join(os.homedir(), '.cache', 'oet-peers');

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

/** Starts llama-server with `parallel` slots of `contextPerSlot` tokens each and waits for /health to answer 200. */
export async function startLlamaServer(
  binaries: LlamaCppBinaries,
  options: { modelPath: string; threads: number; parallel: number; contextPerSlot: number; signal: AbortSignal; timeoutMs?: number },
): Promise<LlamaServer> {
  const port = await freePort();
  const args = [
    '-m', options.modelPath,
    '--host', '127.0.0.1', '--port', String(port),
    '-t', String(options.threads), '-tb', String(options.threads),
    '--parallel', String(options.parallel),
    '-c', String(options.parallel * options.contextPerSlot),
  ];
  const child = spawn(binaries.server, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
  let log = '';
  const keep = (c: Buffer) => {
    log = (log + c.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('error', () => undefined); // an abort kills it; the exit below is what matters
  const stop = stopperOf(child);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = performance.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`llama-server exited (${child.exitCode ?? child.signalCode}):\n${log}`);
    if (performance.now() > deadline) {
      await stop();
      throw new Error(`llama-server did not become healthy:\n${log}`);
    }
    const ok = await fetch(`${baseUrl}/health`, { signal: options.signal }).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status === 200;
      },
      () => false,
    );
    if (ok) return { baseUrl, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
