import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { assertChecksumsMatch, MIGRATIONS_TABLE, type MigrationFile } from './migrationFiles.js';
import { MigrationError } from './MigrationError.js';
import type { MigrationReport } from './MigrationReport.js';

/** The part of better-sqlite3 the migrator uses (the package ships no types and @types/better-sqlite3 is not installed). */
interface SqliteConnection {
  pragma(source: string): unknown;
  exec(source: string): unknown;
  prepare(source: string): {
    all(...params: unknown[]): unknown[];
    run(...params: unknown[]): unknown;
  };
  readonly inTransaction: boolean;
  close(): void;
}
type SqliteConnectionConstructor = new (filename: string, options: { timeout: number }) => SqliteConnection;

const require = createRequire(import.meta.url);

// Another migrator holding the write lock makes this one wait up to this long rather than fail with SQLITE_BUSY.
const LOCK_WAIT_MS = 30_000;

/**
 * Applies pending migrations in ONE `BEGIN IMMEDIATE` transaction: it takes SQLite's write lock before reading
 * what is applied, so a concurrent migrator (another process) waits, then finds everything applied. SQLite DDL is
 * transactional, so a failing migration leaves the database as it was.
 */
export function migrateSqlite(filename: string, files: readonly MigrationFile[]): MigrationReport {
  mkdirSync(path.dirname(filename), { recursive: true });
  const BetterSqlite3 = require('better-sqlite3') as SqliteConnectionConstructor;
  const db = new BetterSqlite3(filename, { timeout: LOCK_WAIT_MS });
  try {
    db.pragma('journal_mode = WAL');
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(
        `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (name TEXT PRIMARY KEY NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`,
      );
      const rows = db.prepare(`SELECT name, checksum FROM "${MIGRATIONS_TABLE}"`).all() as { name: string; checksum: string }[];
      const applied = new Map(rows.map((r) => [r.name, r.checksum]));
      assertChecksumsMatch(files, applied);
      const pending = files.filter((f) => !applied.has(f.name));
      const record = db.prepare(`INSERT INTO "${MIGRATIONS_TABLE}" (name, checksum, applied_at) VALUES (?, ?, ?)`);
      for (const file of pending) {
        try {
          db.exec(file.sql);
        } catch (error) {
          throw new MigrationError('MIGRATION_FAILED', `Migration ${file.name} failed: ${(error as Error).message}`, file.name, {
            cause: error,
          });
        }
        record.run(file.name, file.checksum, new Date().toISOString());
      }
      db.exec('COMMIT');
      return {
        provider: 'sqlite',
        applied: pending.map((f) => f.name),
        alreadyApplied: files.filter((f) => applied.has(f.name)).map((f) => f.name),
      };
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  } finally {
    db.close();
  }
}
