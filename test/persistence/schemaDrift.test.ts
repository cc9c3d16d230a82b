import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, test } from '@jest/globals';
import { defaultMigrationsRoot } from '../../src/persistence/migrationFiles.js';

const run = promisify(execFile);
const prismaDir = path.dirname(defaultMigrationsRoot());

/** The schema without comments, generator and datasource blocks: what must be identical for both providers. */
function models(file: string): string {
  return readFileSync(path.join(prismaDir, file), 'utf8')
    .replace(/\r\n/g, '\n')
    .replace(/^\s*\/\/(?!\/).*$/gm, '')
    .replace(/(generator|datasource) \w+ \{[^}]*\}/g, '')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

describe('schema drift between the SQLite source and the generated PostgreSQL schema', () => {
  test('prisma/postgres/schema.prisma is what sync-schemas.mjs generates', async () => {
    await assert.doesNotReject(
      run(process.execPath, [path.join(prismaDir, 'sync-schemas.mjs'), '--check']),
      'run `node prisma/sync-schemas.mjs` after editing prisma/schema.prisma',
    );
  });

  test('the models are identical; only provider and client output differ', () => {
    assert.equal(models('postgres/schema.prisma'), models('schema.prisma'));
    assert.match(readFileSync(path.join(prismaDir, 'schema.prisma'), 'utf8'), /provider = "sqlite"/);
    assert.match(readFileSync(path.join(prismaDir, 'postgres/schema.prisma'), 'utf8'), /provider = "postgresql"/);
  });

  test('both providers have the same migration history', () => {
    const names = (folder: string) => readdirSync(path.join(defaultMigrationsRoot(), folder)).sort();
    assert.deepEqual(names('postgres'), names('sqlite'));
    assert.ok(names('sqlite').length > 0);
  });

  test('every model has a CREATE TABLE in both init migrations', () => {
    const modelNames = [...readFileSync(path.join(prismaDir, 'schema.prisma'), 'utf8').matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    for (const folder of ['sqlite', 'postgres']) {
      const sql = readdirSync(path.join(defaultMigrationsRoot(), folder))
        .map((name) => readFileSync(path.join(defaultMigrationsRoot(), folder, name, 'migration.sql'), 'utf8'))
        .join('\n');
      for (const model of modelNames) assert.match(sql, new RegExp(`CREATE TABLE "${model}"`), `${folder} creates ${model}`);
    }
  });
});
