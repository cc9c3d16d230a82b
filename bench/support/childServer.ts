/**
 * Starts a server as a child process on a free port and times it: the bench scripts measure the real
 * `node dist/src/main.js` (a fresh process each time, so nothing is warm) exactly as an operator starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '../../src/inference/llamaServer/LlamaServerProcess.js';

export { freePort };

export interface StartedChild {
  child: ChildProcess;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 of each polled path. */
  firstOk: Record<string, number>;
  /** Everything the child wrote, for the error message when it dies. */
  log(): string;
  stop(): Promise<void>;
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited 10 s later; resolves once it has exited. */
export function stopperOf(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  };
}


/**
 * Spawns `node <args>` with `env` (PORT and HOST added) and polls each of `paths` every `pollMs` until each has
 * answered 200 once; rejects if the child exits first or `timeoutMs` passes.
 */
export async function startChild(args: string[], env: NodeJS.ProcessEnv, paths: string[], options: { pollMs?: number; timeoutMs?: number } = {}): Promise<StartedChild> {
  const { pollMs = 5, timeoutMs = 60_000 } = options;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const stop = stopperOf(child);
  const firstOk: Record<string, number> = {};
  try {
    await Promise.all(
      paths.map(async (p) => {
        for (;;) {
          if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before ${p} answered 200:\n${log.slice(-2000)}`);
          if (performance.now() - started > timeoutMs) throw new Error(`${p} did not answer 200 within ${timeoutMs} ms:\n${log.slice(-2000)}`);
          const ok = await fetch(baseUrl + p).then(
            async (res) => {
              await res.arrayBuffer();
              return res.status === 200;
            },
            () => false,
          );
          if (ok) {
            firstOk[p] = performance.now() - started;
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, pollMs));
        }
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { child, baseUrl, firstOk, log: () => log, stop };
}

/** Resident and peak resident memory of a live process, in MiB (Linux /proc). */
export function residentMb(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a live process has used so far, in ms: unlike wall time, barely moved by other load. */
export function cpuMs(pid: number): number {
  // Fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second on Linux); the name field may hold spaces.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
