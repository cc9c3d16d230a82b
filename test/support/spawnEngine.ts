import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot, sharedModelsDir } from './paths.js';
import { TEST_ENCRYPTION_KEYS } from './encryptionKeys.js';
import { TEST_JWT_SECRET } from './tokens.js';

export interface SpawnedEngine {
  child: ChildProcess;
  /** http://127.0.0.1:port */
  url: string;
  /** Everything it printed so far (JSON logs). */
  readonly log: string;
  exited: Promise<number | null>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<number | null>;
}

/** The real service (dist/src/main.js) in a child process, started as an operator would; resolves once it listens. */
export async function spawnEngine(env: Record<string, string>): Promise<SpawnedEngine> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', JWT_SECRET: TEST_JWT_SECRET, OET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS, OET_MODELS_DIR: sharedModelsDir, OET_LLAMA_THREADS: '1', OET_KNOWLEDGE_PRELOAD: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (c: Buffer) => {
      log += c.toString();
      // serve() logs "started" with the URL once the role is up (a worker: once it takes jobs).
      const m = /"msg":"started".*?"url":"(http:\/\/127\.0\.0\.1:\d+)|"url":"(http:\/\/127\.0\.0\.1:\d+)[^"]*"[^\n]*"msg":"started"/.exec(log);
      if (m) resolve((m[1] ?? m[2])!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    void exited.then(() => reject(new Error(`exited before it was ready:\n${log.slice(-3000)}`)));
  });
  return {
    child,
    url,
    get log() {
      return log;
    },
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
