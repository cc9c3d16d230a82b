/**
 * The engine as the bench scripts run it: in this process, on a free port, silent, with a throwaway SQLite file,
 * the given threads and parallel sequences; clients reach it over graphql-ws with a SERVICE token.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEngine } from '../../src/composition/createEngine.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { signBenchToken } from './streamOverGraphQL.js';

const SECRET = 'bench-secret-bench-secret-123456';

export interface BenchEngine {
  engine: Awaited<ReturnType<typeof createEngine>>;
  wsUrl: string;
  token: string;
  stop(): Promise<void>;
}

export async function startBenchEngine(options: { modelsDir: string; name: string; threads: number; parallelSequences: number; env?: Record<string, string> }): Promise<BenchEngine> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-'));
  const config = loadConfig({
    PORT: '0', JWT_SECRET: SECRET, OET_MODELS_DIR: options.modelsDir, DATABASE_URL: `file:${path.join(dir, `${options.name}.db`)}`,
    OET_LLAMA_THREADS: String(options.threads), OET_PARALLEL_SEQUENCES: String(options.parallelSequences), LOG_LEVEL: 'silent',
    ...(process.env.OET_STREAM_INTERVAL_MS ? { OET_STREAM_INTERVAL_MS: process.env.OET_STREAM_INTERVAL_MS } : {}),
    ...options.env,
  });
  const engine = await createEngine(config, { logger: createLogger('silent') });
  const { url } = await engine.start();
  return { engine, wsUrl: `${url.replace('http', 'ws')}/graphql`, token: await signBenchToken(SECRET), stop: () => engine.stop() };
}
