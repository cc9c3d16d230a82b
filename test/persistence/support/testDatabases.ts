import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseProvider } from '../../../src/persistence/index.js';

/**
 * Every persistence test runs against both providers. PostgreSQL: OET_TEST_POSTGRES_URL or the local default; each
 * test database is a fresh schema, dropped afterwards. An unreachable PostgreSQL FAILS the PostgreSQL cases;
 * OET_SKIP_POSTGRES=1 leaves them out deliberately.
 */
export const postgresBaseUrl = process.env.OET_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

export const providersUnderTest: readonly DatabaseProvider[] =
  process.env.OET_SKIP_POSTGRES === '1' ? ['sqlite'] : ['sqlite', 'postgresql'];

export interface TestDatabase {
  provider: DatabaseProvider;
  /** A DATABASE_URL for openDatabase / migrateDatabase. */
  url: string;
  /** Removes the SQLite folder or drops the PostgreSQL schema. */
  drop(): Promise<void>;
}

/** An empty database of the provider; `label` only makes leftovers recognisable. */
export async function createTestDatabase(provider: DatabaseProvider, label: string): Promise<TestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), `oet-${label}-`));
    return {
      provider,
      // A subfolder that does not exist yet: the migrator and openDatabase must create it.
      url: `file:${path.join(dir, 'nested', 'test.db')}`,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `oet_test_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${suffix}`;
  // Connecting now makes an unreachable server fail the test here, with the server's message.
  await withPostgres((client) => client.query('SELECT 1'));
  const url = new URL(postgresBaseUrl);
  url.searchParams.set('schema', schema);
  return {
    provider,
    url: url.toString(),
    drop: () => withPostgres((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined),
  };
}

export async function withPostgres<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresBaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${postgresBaseUrl} is unreachable (${(error as Error).message}). Start it, point ` +
        'OET_TEST_POSTGRES_URL at one, or set OET_SKIP_POSTGRES=1 to run the SQLite cases only.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Rows of a raw query against a test database (for checking what the migrator recorded). */
export async function queryRows<T>(db: TestDatabase, sql: string): Promise<T[]> {
  const { openDatabase } = await import('../../../src/persistence/index.js');
  const opened = await openDatabase(db.url);
  try {
    return await opened.prisma.$queryRawUnsafe<T[]>(sql);
  } finally {
    await opened.close();
  }
}

/** Runs one statement that returns no rows (e.g. to tamper with what the migrator recorded). */
export async function executeSql(db: TestDatabase, sql: string): Promise<number> {
  const { openDatabase } = await import('../../../src/persistence/index.js');
  const opened = await openDatabase(db.url);
  try {
    return await opened.prisma.$executeRawUnsafe(sql);
  } finally {
    await opened.close();
  }
}
