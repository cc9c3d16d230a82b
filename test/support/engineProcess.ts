import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot, sharedModelsDir } from './paths.js';
import { TEST_ENCRYPTION_KEYS } from './encryptionKeys.js';
import { TEST_JWT_SECRET } from './tokens.js';

export interface EngineProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  /** The last ~1 MB of standard output and error. */
  output(): string;
  /** Lines of standard output that are not JSON objects (a log line printed around the logger). First 50 kept. */
  nonJsonLines(): string[];
  /** Resident set size now, from /proc (Linux); undefined once the process is gone. */
  rssBytes(): number | undefined;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends SIGTERM (or `signal`) and waits for the exit; removes the temp folder. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const KEEP = 1_000_000;

/**
 * The service as an operator starts it (dist/src/main.js) in a child process: SQLite in a temp folder, the shared
 * models, the test secret and key; `env` overrides any of it. Its log is read as it comes, line by line; LOG_LEVEL must
 * stay at info or below (the URL is read from the "started" line).
 */
export async function startEngineProcess(env: Record<string, string> = {}): Promise<EngineProcess> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-proc-'));
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, 'engine.db')}`,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      JWT_SECRET: TEST_JWT_SECRET,
      OET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      OET_MODELS_DIR: sharedModelsDir,
      OET_LLAMA_THREADS: '1',
      OET_KNOWLEDGE_PRELOAD: 'false',
      OET_DEV_KEY_FILE: path.join(dir, 'key'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let partial = '';
  const nonJson: string[] = [];
  const keep = (text: string) => {
    output += text;
    if (output.length > 2 * KEEP) output = output.slice(-KEEP);
  };
  child.stdout!.on('data', (c: Buffer) => {
    const text = c.toString();
    keep(text);
    const lines = (partial + text).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.trim() === '' || nonJson.length >= 50) continue;
      try {
        if (typeof JSON.parse(line) !== 'object') nonJson.push(line.slice(0, 500));
      } catch {
        nonJson.push(line.slice(0, 500));
      }
    }
  });
  child.stderr!.on('data', (c: Buffer) => keep(c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "started" line within 120 s:\n${output.slice(-3000)}`)), 120_000);
    const look = () => {
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(output);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code}) before listening:\n${output.slice(-3000)}`));
    });
  });
  const pid = child.pid!;
  return {
    child,
    pid,
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace('http', 'ws')}/graphql`,
    output: () => output,
    nonJsonLines: () => [...nonJson, ...(partial.trim() && !partial.startsWith('{') ? [partial.slice(0, 500)] : [])],
    rssBytes() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const result = await exited;
      rmSync(dir, { recursive: true, force: true });
      return result;
    },
  };
}
