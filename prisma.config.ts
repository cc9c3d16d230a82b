// Prisma CLI configuration for the SQLite schema (the default). `engine: 'js'` with a driver adapter keeps the CLI
// offline: without it `prisma generate` / `migrate diff` try to download the Rust schema engine.
// The PostgreSQL twin is prisma/postgres/prisma.config.ts (pass `--config prisma/postgres/prisma.config.ts`).
// Migrations are applied by src/persistence/migrate.ts, not by `prisma migrate deploy`.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

// The schema's `url = env("DATABASE_URL")` must resolve to a URL of this provider or the CLI cannot read the
// schema, falls back to defaults and tries to download the library query engine (offline: fails). So a missing or
// PostgreSQL DATABASE_URL is replaced, for this CLI process only, by the service's default SQLite URL.
if (!process.env.DATABASE_URL?.startsWith('file:')) process.env.DATABASE_URL = 'file:./data/oet-engine.db';
const url = process.env.DATABASE_URL;
// The CLI opens the database even for `migrate diff --from-empty`; better-sqlite3 creates the file, not its folder.
mkdirSync(dirname(resolve(url.slice('file:'.length))), { recursive: true });

export default defineConfig({
  schema: 'prisma/schema.prisma',
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
