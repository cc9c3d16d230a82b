import { parseDatabaseUrl } from './databaseUrl.js';
import { defaultMigrationsRoot, readMigrationFiles } from './migrationFiles.js';
import type { MigrationReport } from './MigrationReport.js';

export type { MigrationReport };
export { MigrationError, type MigrationErrorReason } from './MigrationError.js';

export interface MigrateOptions {
  /** Folder holding `sqlite/` and `postgres/` migration folders. Default: the project's prisma/migrations. */
  migrationsRoot?: string;
}

/**
 * Brings the database at `url` up to date with the committed migration SQL of its provider, recording each in
 * `_oet_migrations(name, checksum, applied_at)`. Idempotent; safe when several instances start at once; throws
 * MigrationError if an applied migration's file changed. Our own code rather than `prisma migrate deploy`: that
 * fails through the pg adapter (prisma/orm#27403) and needs the CLI at run time.
 */
export async function migrateDatabase(url: string, options: MigrateOptions = {}): Promise<MigrationReport> {
  const target = parseDatabaseUrl(url);
  const files = readMigrationFiles(options.migrationsRoot ?? defaultMigrationsRoot(), target.provider);
  switch (target.provider) {
    // Each provider's driver is imported only when it is the one configured (pg costs ~0.1 s and ~10 MB to import).
    case 'sqlite':
      return (await import('./migrateSqlite.js')).migrateSqlite(target.filename, files);
    case 'postgresql':
      return (await import('./migratePostgres.js')).migratePostgres(target.connectionString, target.schema, files);
  }
}
