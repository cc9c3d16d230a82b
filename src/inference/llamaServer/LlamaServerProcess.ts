import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { DomainError, ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { cancelled } from '../inferenceErrors.js';

/** How one llama-server child serves one GGUF file. */
export interface LlamaServerLaunch {
  binary: string;
  modelPath: string;
  /** The name the server lists at /v1/models and answers to: our model id. */
  alias: string;
  threads: number;
  /** Slots: requests decoded together in one batch (continuous batching). */
  parallel: number;
  /** Tokens of context per slot. */
  contextPerSlot: number;
}

export interface LlamaServerProcessOptions {
  /** Limit for the model to load and /health to answer 200. Default 120 s. */
  startTimeoutMs?: number;
  /** Called once if the process exits without stop() (a crash, the OOM killer, a signal from outside). */
  onUnexpectedExit?: (description: string) => void;
  logger?: Logger;
}

const LOG_TAIL_CHARS = 4_000;
const PORT_ATTEMPTS = 3;

/**
 * Children still running. When this process exits (a crash included) it takes them with it: a server left behind
 * would hold its model's memory and a port. (A SIGKILL of the engine cannot be caught; those are left to the OS.)
 */
const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const orphan of running) orphan.kill('SIGKILL');
  });
}

/**
 * One llama.cpp `llama-server` child process on a loopback port, as Ollama runs its runners: started with the model
 * file, threads and slots the engine chose, healthy once /health answers 200, stopped with SIGTERM (SIGKILL after
 * 5 s). Its output is kept as a short tail for the operator's log; clients never see it (it holds paths).
 */
export class LlamaServerProcess {
  readonly baseUrl: string;
  readonly pid: number | undefined;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #stopping = false;

  private constructor(child: ChildProcess, port: number) {
    this.#child = child;
    this.pid = child.pid;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /** Starts the server and waits until it is healthy; rejects with MODEL_LOAD_FAILED (details logged) or CANCELLED. */
  static async start(launch: LlamaServerLaunch, options: LlamaServerProcessOptions = {}, signal?: AbortSignal): Promise<LlamaServerProcess> {
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      try {
        return await LlamaServerProcess.#startOn(port, launch, options, signal);
      } catch (error) {
        // Another process may take the port between our probe and the server's bind: try another port.
        if (error instanceof PortTaken && attempt < PORT_ATTEMPTS) continue;
        if (error instanceof PortTaken) throw loadFailed(launch.alias, error.log, options.logger);
        throw error;
      }
    }
  }

  static async #startOn(port: number, launch: LlamaServerLaunch, options: LlamaServerProcessOptions, signal?: AbortSignal): Promise<LlamaServerProcess> {
    if (signal?.aborted) throw cancelled('Starting llama-server');
    const args = [
      '--model', launch.modelPath,
      '--alias', launch.alias,
      '--host', '127.0.0.1', '--port', String(port),
      '--threads', String(launch.threads), '--threads-batch', String(launch.threads),
      '--parallel', String(launch.parallel),
      '--ctx-size', String(launch.parallel * launch.contextPerSlot),
      '--no-webui',
    ];
    let child: ChildProcess;
    try {
      child = spawn(launch.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      throw loadFailed(launch.alias, error instanceof Error ? error.message : String(error), options.logger);
    }
    track(child);
    let log = '';
    const keep = (chunk: Buffer): void => {
      log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let spawnError: Error | null = null;
    child.on('error', (error) => (spawnError = error));
    const server = new LlamaServerProcess(child, port);
    child.once('exit', (code, exitSignal) => {
      if (server.#stopping) return;
      const description = `llama-server for "${launch.alias}" exited (${code !== null ? `code ${code}` : `signal ${exitSignal}`})`;
      options.logger?.error({ modelId: launch.alias, code, signal: exitSignal, log }, description);
      options.onUnexpectedExit?.(description);
    });

    const deadline = performance.now() + (options.startTimeoutMs ?? 120_000);
    try {
      for (;;) {
        if (signal?.aborted) throw cancelled('Starting llama-server');
        if (spawnError !== null) throw loadFailed(launch.alias, (spawnError as Error).message, options.logger);
        if (child.exitCode !== null || child.signalCode !== null) {
          if (/couldn't bind|address already in use/i.test(log)) throw new PortTaken(log);
          throw loadFailed(launch.alias, log, options.logger);
        }
        if (performance.now() > deadline) throw loadFailed(launch.alias, `not healthy within the start limit\n${log}`, options.logger);
        if (await healthy(server.baseUrl, signal)) return server;
        await sleep(50);
      }
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** SIGTERM, then SIGKILL if it has not exited 5 s later; resolves once it has exited. Safe to call twice. */
  async stop(): Promise<void> {
    this.#stopping = true;
    if (this.running) this.#child.kill('SIGTERM');
    const killer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000);
    await this.#exited;
    clearTimeout(killer);
  }
}

class PortTaken extends Error {
  constructor(readonly log: string) {
    super('port taken');
  }
}

function loadFailed(modelId: string, detail: string, logger: Logger | undefined): DomainError {
  logger?.error({ modelId, detail }, 'llama-server failed to start');
  return new DomainError(ErrorCode.MODEL_LOAD_FAILED, `The llama-server runtime could not start model "${modelId}"; the operator log says why.`, { modelId });
}

async function healthy(baseUrl: string, signal?: AbortSignal): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/health`, { signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(2_000)]) : AbortSignal.timeout(2_000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** A loopback port nobody listens on now (released before the child binds it; see PortTaken). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
