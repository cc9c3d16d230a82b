import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, test } from '@jest/globals';
import { DatabaseConnectionError, DatabaseUrlError, openDatabase, parseDatabaseUrl } from '../../src/persistence/index.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from './support/testDatabases.js';

describe('openDatabase: URLs', () => {
  for (const url of ['mysql://root@localhost/db', 'sqlite:./x.db', './data/x.db', '', 'file:', 'file::memory:']) {
    test(`rejects ${JSON.stringify(url)} with a message naming the accepted forms`, async () => {
      await assert.rejects(openDatabase(url), (error: unknown) => {
        assert.ok(error instanceof DatabaseUrlError);
        assert.match(error.message, /expected .*file:/);
        return true;
      });
    });
  }

  test('rejects a ?schema= that is not a plain identifier', async () => {
    await assert.rejects(openDatabase('postgresql://u@h/db?schema=a;drop'), { name: 'DatabaseUrlError', message: /plain identifier/ });
  });

  test('resolves relative SQLite paths against the working directory and strips Prisma-only PostgreSQL parameters', () => {
    assert.deepEqual(parseDatabaseUrl('file:./data/x.db'), { provider: 'sqlite', filename: path.resolve('data/x.db') });
    assert.deepEqual(parseDatabaseUrl('postgres://u:p@h:5432/db?schema=s1&connection_limit=3&sslmode=disable'), {
      provider: 'postgresql',
      connectionString: 'postgres://u:p@h:5432/db?sslmode=disable',
      schema: 's1',
      connectionLimit: 3,
    });
  });

  test('an unreachable PostgreSQL is a DatabaseConnectionError without the password', async () => {
    const error = await openDatabase('postgresql://someone:secret@127.0.0.1:1/nowhere').then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof DatabaseConnectionError);
    assert.doesNotMatch(error.message, /secret/);
    assert.match(error.message, /someone:\*\*\*@127\.0\.0\.1:1/);
  });
});

for (const provider of providersUnderTest) {
  describe(`openDatabase (${provider})`, () => {
    let testDb: TestDatabase;
    afterAll(async () => testDb?.drop());

    test('opens, answers ping, and closes twice without error', async () => {
      testDb = await createTestDatabase(provider, 'open');
      const db = await openDatabase(testDb.url);
      assert.equal(db.provider, provider);
      await db.ping();
      await db.close();
      await db.close();
    });

    if (provider === 'sqlite') {
      test('creates the missing folder and turns on WAL', async () => {
        const target = parseDatabaseUrl(testDb.url);
        assert.equal(target.provider, 'sqlite');
        assert.ok(target.provider === 'sqlite' && existsSync(target.filename));
        const db = await openDatabase(testDb.url);
        try {
          const [mode] = await db.prisma.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
          assert.equal(mode?.journal_mode, 'wal');
        } finally {
          await db.close();
        }
      });
    }
  });
}
