import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where a DATABASE_URL points, decoded once so the factory and the migrator agree on it. */
export type DatabaseTarget =
  | { provider: 'sqlite'; /** Absolute path of the database file. */ filename: string }
  | {
      provider: 'postgresql';
      /** The URL without the Prisma-only `schema` and `connection_limit` parameters (pg does not know them). */
      connectionString: string;
      /** PostgreSQL schema from `?schema=`; undefined means the server's search_path (normally `public`). */
      schema: string | undefined;
      /** Pool size from `?connection_limit=`; undefined means pg's default (10). */
      connectionLimit: number | undefined;
    };

export type DatabaseProvider = DatabaseTarget['provider'];

/** A DATABASE_URL that names no supported database. Start-up error: never shown to API clients. */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUrlError';
  }
}

// Schema names are interpolated into SQL (`SET search_path`), so only plain identifiers are accepted.
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Decodes `file:<path>` (SQLite; a relative path is resolved against the working directory) or
 * `postgres://…` / `postgresql://…` (with optional `?schema=<name>&connection_limit=<n>`).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (typeof url !== 'string' || url.trim() === '') {
    throw new DatabaseUrlError('DATABASE_URL is empty: expected "file:./data/oet-engine.db" or "postgresql://user@host:5432/db".');
  }
  if (url.startsWith('file:')) return { provider: 'sqlite', filename: sqliteFilename(url) };
  if (/^postgres(ql)?:\/\//.test(url)) return postgresTarget(url);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1];
  throw new DatabaseUrlError(
    `Unsupported DATABASE_URL ${scheme ? `scheme "${scheme}:"` : 'without a scheme'}: expected "file:<path>" (SQLite) ` +
      'or "postgresql://user@host:5432/db[?schema=name]" (PostgreSQL).',
  );
}

function sqliteFilename(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  // `file:///abs/path` is a real file URL; Prisma's `file:./rel` and `file:/abs` are plain paths after the prefix.
  const filePath = withoutQuery.startsWith('file://') ? fileURLToPath(withoutQuery) : withoutQuery.slice('file:'.length);
  if (filePath === '' || filePath === ':memory:') {
    throw new DatabaseUrlError(
      `SQLite URL "${url}" names no file: expected e.g. "file:./data/oet-engine.db" (in-memory databases are not supported: ` +
        'the migrator and the client would each see their own empty database).',
    );
  }
  return path.resolve(process.cwd(), filePath);
}

function postgresTarget(url: string): DatabaseTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUrlError('DATABASE_URL starts with postgres(ql):// but is not a valid URL: expected "postgresql://user@host:5432/db".');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DatabaseUrlError(`?schema="${schema}" is not a plain identifier: use letters, digits and "_" (at most 63).`);
  }
  const limitText = parsed.searchParams.get('connection_limit');
  const connectionLimit = limitText === null ? undefined : Number(limitText);
  if (connectionLimit !== undefined && (!Number.isInteger(connectionLimit) || connectionLimit < 1)) {
    throw new DatabaseUrlError(`?connection_limit="${limitText}" must be a positive integer.`);
  }
  parsed.searchParams.delete('schema');
  parsed.searchParams.delete('connection_limit');
  return { provider: 'postgresql', connectionString: parsed.toString(), schema, connectionLimit };
}

/** The URL with any password replaced, for error messages and logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/, '$1:***@');
}
