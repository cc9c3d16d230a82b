import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createEngine, type Engine } from '../../src/composition/createEngine.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { sharedModelsDir } from './paths.js';
import { TEST_ENCRYPTION_KEYS } from './encryptionKeys.js';
import { TEST_JWT_SECRET } from './tokens.js';

export interface TestEngine {
  engine: Engine;
  url: string;
  graphqlUrl: string;
  wsUrl: string;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * A real engine on a free port: SQLite in a temp folder (unless DATABASE_URL is given), the shared model files,
 * an HS256 secret (pass JWT_SECRET: '' for the development-secret path), the test encryption key (pass
 * OET_ENCRYPTION_KEYS: '' for the development-key path). `env`
 * overrides any variable, as an operator would.
 */
export async function startTestEngine(env: Record<string, string> = {}, options: { logger?: Logger } = {}): Promise<TestEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-engine-'));
  const databaseUrl = env.DATABASE_URL ?? `file:${path.join(dir, 'engine.db')}`;
  // JWT_SECRET: '' means unset (the first-run path with the development secret).
  const { JWT_SECRET = TEST_JWT_SECRET, ...rest } = env;
  const config = loadConfig({
    PORT: '0',
    ...(JWT_SECRET === '' ? {} : { JWT_SECRET }),
    OET_MODELS_DIR: sharedModelsDir,
    OET_LLAMA_THREADS: '1',
    LOG_LEVEL: 'silent',
    // Tests that never touch medical knowledge should not pay for loading it; the ones that do load it on first use.
    OET_KNOWLEDGE_PRELOAD: 'false',
    OET_ENCRYPTION_KEYS: TEST_ENCRYPTION_KEYS,
    ...rest,
    DATABASE_URL: databaseUrl,
  });
  const engine = await createEngine(config, { logger: options.logger ?? createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const { url } = await engine.start();
  return {
    engine,
    url,
    graphqlUrl: `${url}/graphql`,
    wsUrl: `${url.replace('http', 'ws')}/graphql`,
    databaseUrl,
    async stop() {
      await engine.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
