import pg from 'pg';
import { assertChecksumsMatch, MIGRATIONS_TABLE, type MigrationFile } from './migrationFiles.js';
import { MigrationError } from './MigrationError.js';
import type { MigrationReport } from './MigrationReport.js';

/**
 * Applies pending migrations, each in its own transaction, while holding a session advisory lock keyed by the
 * schema: a concurrent migrator (another instance starting) blocks on the lock, then finds them applied.
 * Multi-statement SQL goes through pg's simple query protocol (no parameters), which accepts a whole script.
 */
/** How long a PostgreSQL connection may take to become ready (TCP, TLS, startup) before the attempt fails. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

/** libpq's `connect_timeout` (seconds) in the URL when given, else POSTGRES_CONNECT_TIMEOUT_MS. */
function connectTimeoutMs(connectionString: string): number {
  const seconds = Number(new URL(connectionString).searchParams.get('connect_timeout') ?? NaN);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : POSTGRES_CONNECT_TIMEOUT_MS;
}

export async function migratePostgres(
  connectionString: string,
  schema: string | undefined,
  files: readonly MigrationFile[],
): Promise<MigrationReport> {
  // Bounded: a server that accepts TCP but never answers the startup handshake must not hang the start for ever.
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectTimeoutMs(connectionString) });
  await client.connect();
  const lockKey = `oet_migrations:${schema ?? '(search_path)'}`;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (schema !== undefined) {
        // Created under the lock: two concurrent CREATE SCHEMA IF NOT EXISTS can still collide on the catalog.
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
        await client.query(`SET search_path TO "${schema}"`);
      }
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`);
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      assertChecksumsMatch(files, applied);
      const pending = files.filter((f) => !applied.has(f.name));
      for (const file of pending) {
        await client.query('BEGIN');
        try {
          await client.query(file.sql);
          await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new MigrationError('MIGRATION_FAILED', `Migration ${file.name} failed: ${(error as Error).message}`, file.name, {
            cause: error,
          });
        }
      }
      return {
        provider: 'postgresql',
        applied: pending.map((f) => f.name),
        alreadyApplied: files.filter((f) => applied.has(f.name)).map((f) => f.name),
      };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
