import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl, redactDatabaseUrl, type DatabaseProvider } from './databaseUrl.js';
import { createPrismaClient, type PrismaStoreClient } from './prismaClients.js';
import { unavailableOr, withUnavailableErrors } from './databaseUnavailable.js';

export type { DatabaseProvider };

/** An open database: the Prisma client the stores use, plus a health check and an idempotent close. */
export interface Database {
  readonly provider: DatabaseProvider;
  readonly prisma: PrismaStoreClient;
  /** Resolves when the database answers `SELECT 1`; rejects otherwise (readiness probes). */
  ping(): Promise<void>;
  /** Disconnects; safe to call twice. */
  close(): Promise<void>;
}

/** The database could not be opened. Start-up error: never shown to API clients. */
export class DatabaseConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseConnectionError';
  }
}

/**
 * Opens `file:` (SQLite through better-sqlite3, WAL, 5 s busy timeout; the file's folder is created) or
 * `postgres(ql)://` (PostgreSQL through pg, `?schema=` honoured) and checks that it answers.
 * Does not migrate: call `migrateDatabase(url)` first (the service does both at start-up).
 */
export async function openDatabase(url: string): Promise<Database> {
  const target = parseDatabaseUrl(url);
  if (target.provider === 'sqlite') mkdirSync(path.dirname(target.filename), { recursive: true });
  const prisma = withUnavailableErrors(createPrismaClient(target));
  try {
    await prisma.$connect();
    if (target.provider === 'sqlite') {
      // WAL lets readers proceed while one writer commits; the setting persists in the file. A PRAGMA returns a
      // row, hence queryRaw rather than executeRaw.
      await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    }
    await prisma.$queryRawUnsafe('SELECT 1');
  } catch (error) {
    await prisma.$disconnect().catch(() => undefined);
    throw new DatabaseConnectionError(
      `Could not open the ${target.provider} database at ${redactDatabaseUrl(url)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  let closed: Promise<void> | undefined;
  return {
    provider: target.provider,
    prisma,
    async ping() {
      await prisma.$queryRawUnsafe('SELECT 1').catch(unavailableOr);
    },
    close() {
      closed ??= prisma.$disconnect();
      return closed;
    },
  };
}
