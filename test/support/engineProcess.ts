import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot, sharedModelsDir } from './paths.js';
import { TEST_ENCRYPTION_KEYS } from './encryptionKeys.js';
import { TEST_JWT_SECRET } from './tokens.js';

export interface EngineProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (null when killed) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `node dist/src/main.js` (what `npm start` runs) as a child process on a free port, with the test JWT secret and
 * encryption key (so a restart on the same database reads what the last run wrote); resolves once it listens.
 * `env` overrides any variable but LOG_LEVEL (info: the line that names the port is an info line).
 */
export async function startEngineProcess(env: Record<string, string>): Promise<EngineProcess> {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: TEST_JWT_SECRET,
      OET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
      OET_MODELS_DIR: sharedModelsDir,
      OET_LLAMA_THREADS: '1',
      OET_KNOWLEDGE_PRELOAD: 'false',
      ...env,
      // The "listening" line that gives the port is logged at info.
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(log);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', () => reject(new Error(`the engine exited before listening:\n${log.slice(-3000)}`)));
  });
  return { child, url, output: () => log, exited };
}
