import { loadConfig, ConfigError } from '../config.js';
import { createLogger } from '../logger.js';
import { createEngine } from './createEngine.js';
import { EncryptionKeyError } from '../persistence/encryption/EncryptionKeyError.js';
import { DatabaseConnectionError } from '../persistence/database.js';

/** `npm start` and `oet serve`: reads the environment, starts the engine, and stops it cleanly on SIGINT/SIGTERM. */
export async function serve(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // A request must never take the process down: log what escaped and keep serving.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason instanceof Error ? reason.stack : String(reason) }, 'unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error.stack }, 'uncaught exception'));
  const engine = await createEngine(config, { logger });
  let url: string;
  try {
    ({ url } = await engine.start());
  } catch (error) {
    const code = (error as { code?: string } | null)?.code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    // An operator's setting, not a crash: one line that says which, no stack.
    console.error(`Cannot listen on ${config.host}:${config.port}: ${code === 'EADDRINUSE' ? 'the port is already in use' : 'permission denied'}. Set PORT (and HOST) to a free one.`);
    await engine.stop().catch(() => undefined);
    process.exit(4);
  }
  // A worker serves no GraphQL: its URL is that of /health, /ready and /metrics.
  logger.info({ role: config.role, url: config.role === 'worker' ? url : `${url}/graphql`, database: config.databaseUrl.split(':')[0], models: config.modelsDirs }, 'started');
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    engine.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: (error as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

/** Start-up failures an operator fixes with a setting: one line and an exit code, never a stack. */
export function exitOnStartFailure(error: unknown): never {
  // Key problems are configuration: the message says what to do, a stack would only bury it.
  if (error instanceof EncryptionKeyError) {
    console.error(error.message);
    process.exit(2);
  }
  // An unreachable database is an operator's problem with a setting: the message names it; a stack would bury it.
  if (error instanceof DatabaseConnectionError) {
    console.error(error.message);
    process.exit(3);
  }
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
}
