import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { redactDatabaseUrl } from '../persistence/databaseUrl.js';
import { migrateDatabase } from '../persistence/migrate.js';

/** `node dist/src/cli/migrate.js`: applies pending migrations to DATABASE_URL (default file:./data/oet-engine.db). */
const logger = createLogger();
try {
  const { databaseUrl } = loadConfig();
  const report = await migrateDatabase(databaseUrl);
  logger.info({ database: redactDatabaseUrl(databaseUrl), ...report }, 'migrations up to date');
} catch (error) {
  logger.error({ err: error }, 'migration failed');
  process.exitCode = 1;
}
