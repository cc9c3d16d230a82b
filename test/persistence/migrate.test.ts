import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { migrateDatabase, MigrationError } from '../../src/persistence/index.js';
import { defaultMigrationsRoot } from '../../src/persistence/migrationFiles.js';
import { createTestDatabase, executeSql, providersUnderTest, queryRows, type TestDatabase } from './support/testDatabases.js';

const run = promisify(execFile);
const migrateCli = fileURLToPath(new URL('../../src/cli/migrate.js', import.meta.url));
const providerFolder = { sqlite: 'sqlite', postgresql: 'postgres' } as const;

interface MigrationRow {
  name: string;
  checksum: string;
}

for (const provider of providersUnderTest) {
  describe(`migrateDatabase (${provider})`, () => {
    const created: TestDatabase[] = [];
    const fresh = async (label: string) => {
      const db = await createTestDatabase(provider, label);
      created.push(db);
      return db;
    };
    const committed = readdirSync(path.join(defaultMigrationsRoot(), providerFolder[provider])).sort();
    let scratch: string;
    beforeAll(() => {
      scratch = mkdtempSync(path.join(os.tmpdir(), 'oet-migrations-'));
    });
    afterAll(async () => {
      for (const db of created) await db.drop();
      rmSync(scratch, { recursive: true, force: true });
    });

    /** A copy of the committed migrations that a test may change. */
    const copyOfMigrations = (name: string) => {
      const root = path.join(scratch, name);
      cpSync(defaultMigrationsRoot(), root, { recursive: true });
      return root;
    };

    test('applies every migration to an empty database and records it', async () => {
      const db = await fresh('apply');
      const report = await migrateDatabase(db.url);
      assert.equal(report.provider, provider);
      assert.deepEqual(report.applied, committed);
      expect(report.alreadyApplied).toEqual([]);
      const rows = await queryRows<MigrationRow>(db, 'SELECT name, checksum FROM "_oet_migrations" ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(committed);
      assert.match(rows[0]!.checksum, /^[0-9a-f]{64}$/);
      const counts = await queryRows<{ n: unknown }>(db, 'SELECT COUNT(*) AS n FROM "Evaluation"');
      assert.equal(Number(counts[0]!.n), 0);
    });

    test('is idempotent: a second run applies nothing', async () => {
      const db = await fresh('idempotent');
      await migrateDatabase(db.url);
      const again = await migrateDatabase(db.url);
      expect(again.applied).toEqual([]);
      assert.deepEqual(again.alreadyApplied, committed);
      const rows = await queryRows<MigrationRow>(db, 'SELECT name, checksum FROM "_oet_migrations"');
      assert.equal(rows.length, committed.length);
    });

    test('two migrator processes started together apply each migration once', async () => {
      const db = await fresh('concurrent');
      const env = { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'info' };
      const results = await Promise.all([1, 2, 3].map(() => run(process.execPath, [migrateCli], { env })));
      const reports = results.map(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as { applied: string[]; alreadyApplied: string[] });
      const appliedBy = reports.filter((r) => r.applied.length > 0);
      assert.equal(appliedBy.length, 1, `exactly one process applies: ${JSON.stringify(reports)}`);
      expect(appliedBy[0]!.applied).toEqual(committed);
      for (const r of reports.filter((x) => x.applied.length === 0)) expect(r.alreadyApplied).toEqual(committed);
      const rows = await queryRows<MigrationRow>(db, 'SELECT name, checksum FROM "_oet_migrations"');
      assert.equal(rows.length, committed.length);
    });

    test('concurrent in-process runs apply each migration once', async () => {
      const db = await fresh('inproc');
      const reports = await Promise.all([migrateDatabase(db.url), migrateDatabase(db.url), migrateDatabase(db.url)]);
      assert.equal(reports.filter((r) => r.applied.length > 0).length, 1);
      const rows = await queryRows<MigrationRow>(db, 'SELECT name, checksum FROM "_oet_migrations"');
      assert.equal(rows.length, committed.length);
    });

    test('a changed checksum of an applied migration is an error', async () => {
      const db = await fresh('tampered');
      await migrateDatabase(db.url);
      assert.equal(await executeSql(db, `UPDATE "_oet_migrations" SET checksum = 'not-the-real-checksum'`), committed.length);
      await assert.rejects(migrateDatabase(db.url), (error: unknown) => {
        assert.ok(error instanceof MigrationError);
        assert.equal(error.reason, 'CHECKSUM_MISMATCH');
        assert.equal(error.migration, committed[0]);
        assert.match(error.message, /must never change/);
        return true;
      });
    });

    test('an edited migration file is an error', async () => {
      const db = await fresh('edited');
      await migrateDatabase(db.url);
      const root = copyOfMigrations(`edited-${provider}`);
      const file = path.join(root, providerFolder[provider], committed[0]!, 'migration.sql');
      writeFileSync(file, '-- edited after it was applied\nSELECT 1;\n');
      await assert.rejects(migrateDatabase(db.url, { migrationsRoot: root }), { name: 'MigrationError', reason: 'CHECKSUM_MISMATCH' });
    });

    test('applies a later migration alone, and rolls a failing one back', async () => {
      const db = await fresh('incremental');
      await migrateDatabase(db.url);
      const root = copyOfMigrations(`incremental-${provider}`);
      const dir = path.join(root, providerFolder[provider]);
      mkdirSync(path.join(dir, '29990101000000_add_table'));
      writeFileSync(path.join(dir, '29990101000000_add_table', 'migration.sql'), 'CREATE TABLE "Extra" ("id" TEXT NOT NULL PRIMARY KEY);\n');
      const report = await migrateDatabase(db.url, { migrationsRoot: root });
      expect(report.applied).toEqual(['29990101000000_add_table']);

      mkdirSync(path.join(dir, '29990102000000_broken'));
      writeFileSync(
        path.join(dir, '29990102000000_broken', 'migration.sql'),
        'CREATE TABLE "Half" ("id" TEXT NOT NULL PRIMARY KEY);\nTHIS IS NOT SQL;\n',
      );
      await assert.rejects(migrateDatabase(db.url, { migrationsRoot: root }), { name: 'MigrationError', reason: 'MIGRATION_FAILED', migration: '29990102000000_broken' });
      const rows = await queryRows<MigrationRow>(db, 'SELECT name, checksum FROM "_oet_migrations"');
      assert.equal(rows.length, committed.length + 1);
      await assert.rejects(queryRows(db, 'SELECT * FROM "Half"'), 'the failed migration left no table behind');
    });
  });
}
