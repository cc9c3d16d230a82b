import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, test } from '@jest/globals';
import { migrateDatabase, openDatabase, type Database } from '../../src/persistence/index.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from './support/testDatabases.js';

const run = promisify(execFile);
const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

/**
 * The other drift: a model changed in prisma/schema.prisma without a new migration. The committed migrations are
 * applied to one database and the SQL Prisma generates from the schema today to another; their tables, columns
 * and indexes must match. (`prisma migrate diff --from-migrations` needs a shadow database, which the offline
 * JS engine cannot open, so the comparison is done here.)
 */
const variants = {
  sqlite: { schema: 'prisma/schema.prisma', config: 'prisma.config.ts', folder: 'sqlite' },
  postgresql: { schema: 'prisma/postgres/schema.prisma', config: 'prisma/postgres/prisma.config.ts', folder: 'postgres' },
} as const;

async function describeSchema(db: Database): Promise<unknown> {
  const rows = async <T>(sql: string) => db.prisma.$queryRawUnsafe<T[]>(sql);
  if (db.provider === 'sqlite') {
    const tables = await rows<{ name: string }>(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_oet_migrations' ORDER BY name`,
    );
    return Promise.all(
      tables.map(async ({ name }) => ({
        name,
        columns: await rows(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info('${name}') ORDER BY name`),
        indexes: await rows(
          `SELECT il.name, il."unique", group_concat(ii.name, ',') AS columns FROM pragma_index_list('${name}') il, pragma_index_info(il.name) ii GROUP BY il.name, il."unique" ORDER BY il.name`,
        ),
      })),
    );
  }
  const columns = await rows(
    `SELECT table_name::text AS t, column_name::text AS c, data_type::text AS type, is_nullable::text AS nullable, column_default::text AS dflt
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_oet_migrations' ORDER BY 1, 2`,
  );
  const indexes = await rows<{ t: string; i: string; def: string }>(
    `SELECT tablename::text AS t, indexname::text AS i, indexdef::text AS def FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename <> '_oet_migrations' ORDER BY 1, 2`,
  );
  return { columns, indexes: indexes.map((x) => ({ ...x, def: x.def.replace(/ ON \S+\./, ' ON ') })) };
}

for (const provider of providersUnderTest) {
  describe(`committed migrations match the schema (${provider})`, () => {
    const dbs: TestDatabase[] = [];
    const dirs: string[] = [];
    afterAll(async () => {
      for (const db of dbs) await db.drop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    });

    test('applying the migrations gives the tables, columns and indexes the schema describes', async () => {
      const variant = variants[provider];
      const { stdout: sql } = await run(
        process.execPath,
        [prismaCli, 'migrate', 'diff', '--config', variant.config, '--from-empty', '--to-schema-datamodel', variant.schema, '--script'],
        { env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
      );
      assert.match(sql, /CREATE TABLE/);
      const root = mkdtempSync(path.join(os.tmpdir(), 'oet-schema-now-'));
      dirs.push(root);
      mkdirSync(path.join(root, variant.folder, '00000000000000_schema_now'), { recursive: true });
      writeFileSync(path.join(root, variant.folder, '00000000000000_schema_now', 'migration.sql'), sql);

      const fromMigrations = await createTestDatabase(provider, 'from_migrations');
      const fromSchema = await createTestDatabase(provider, 'from_schema');
      dbs.push(fromMigrations, fromSchema);
      await migrateDatabase(fromMigrations.url);
      await migrateDatabase(fromSchema.url, { migrationsRoot: root });
      const [a, b] = await Promise.all([openDatabase(fromMigrations.url), openDatabase(fromSchema.url)]);
      try {
        assert.deepEqual(
          await describeSchema(a),
          await describeSchema(b),
          `prisma/schema.prisma changed without a migration: add one under prisma/migrations/${variant.folder} (see prisma/README.md)`,
        );
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}
