import assert from 'node:assert/strict';
import { describe, expect, test } from '@jest/globals';
import { createStores, openDatabase, type AuditEntryInput } from '../../src/persistence/index.js';
import { testCipher } from '../support/encryptionKeys.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

const entry = (overrides: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actorId: 'u1',
  actorRoles: 'LEARNER',
  operation: 'submitEvaluation',
  kind: 'MUTATION',
  durationMs: 10,
  outcome: 'SUCCESS',
  ...overrides,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const provider of providersUnderTest) {
  describe(`AuditLogStore (${provider})`, () => {
    const failures: { details: Record<string, unknown>; message: string }[] = [];
    const database = useMigratedDatabase(provider, 'audit', { logger: { error: (details, message) => failures.push({ details, message }) } });

    test('records entries and lists them newest first, filtered', async () => {
      const { stores } = database();
      await stores.auditLog.record(entry({ actorId: 'list-a', operation: 'listA', durationMs: 3.4 }));
      await stores.auditLog.record(entry({ actorId: 'list-b', operation: 'listA', kind: 'ACCESS_DENIED', outcome: 'DENIED', errorCode: 'FORBIDDEN' }));
      await stores.auditLog.record(
        entry({ actorId: null, actorRoles: '', operation: 'generate', kind: 'AI_OPERATION', modelId: 'm1', variant: 'B', outcome: 'FAILURE', errorCode: 'TIMEOUT' }),
      );
      const listA = await stores.auditLog.list({ operation: 'listA' });
      expect(listA.map((e) => e.actorId)).toEqual(['list-b', 'list-a']);
      assert.equal(listA[1]!.durationMs, 3);
      assert.equal(listA[0]!.errorCode, 'FORBIDDEN');
      expect((await stores.auditLog.list({ actorId: 'list-a' })).map((e) => e.operation)).toEqual(['listA']);
      const [generate] = await stores.auditLog.list({ operation: 'generate' });
      assert.deepEqual(
        { actorId: generate!.actorId, kind: generate!.kind, modelId: generate!.modelId, variant: generate!.variant, outcome: generate!.outcome },
        { actorId: null, kind: 'AI_OPERATION', modelId: 'm1', variant: 'B', outcome: 'FAILURE' },
      );
      assert.equal((await stores.auditLog.list({ first: 1 })).length, 1);
      await assert.rejects(stores.auditLog.list({ first: 0 }), { name: 'BadUserInputError' });
    });

    test('summary: counts by outcome, mean and nearest-rank p95 per operation, since a time', async () => {
      const { stores } = database();
      await stores.auditLog.record(entry({ operation: 'sumOp', durationMs: 100_000 }));
      await sleep(20);
      const since = new Date();
      await sleep(20);
      // Durations 1..20: mean 10.5, p95 = the 19th smallest (ceil(0.95 * 20) = 19).
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          stores.auditLog.record(entry({ operation: 'sumOp', durationMs: i + 1, outcome: i < 15 ? 'SUCCESS' : i < 18 ? 'FAILURE' : 'DENIED' })),
        ),
      );
      await stores.auditLog.record(entry({ operation: 'otherOp', durationMs: 7 }));
      const summary = await stores.auditLog.summary({ since });
      const sumOp = summary.find((s) => s.operation === 'sumOp');
      assert.deepEqual(sumOp, { operation: 'sumOp', total: 20, success: 15, failure: 3, denied: 2, avgDurationMs: 10.5, p95DurationMs: 19 });
      assert.deepEqual(summary.find((s) => s.operation === 'otherOp'), {
        operation: 'otherOp', total: 1, success: 1, failure: 0, denied: 0, avgDurationMs: 7, p95DurationMs: 7,
      });
      assert.deepEqual(summary.map((s) => s.operation), [...summary.map((s) => s.operation)].sort(), 'ordered by operation');
      const allTime = await stores.auditLog.summary();
      assert.equal(allTime.find((s) => s.operation === 'sumOp')?.total, 21);
      assert.equal(allTime.find((s) => s.operation === 'sumOp')?.p95DurationMs, 20);
      assert.deepEqual(await stores.auditLog.summary({ since: new Date(Date.now() + 60_000) }), []);
    });

    test('record never rejects: failures are logged and swallowed', async () => {
      const { testDb } = database();
      failures.length = 0;
      const { stores } = database();
      await assert.doesNotReject(stores.auditLog.record(entry({ kind: 'NOT_A_KIND' as 'MUTATION' })));
      assert.equal(failures.length, 1);
      assert.equal(failures[0]!.message, 'audit log write failed');
      assert.equal(failures[0]!.details.operation, 'submitEvaluation');

      // A closed database: the write fails, the caller's path does not.
      const closed = await openDatabase(testDb.url);
      const closedStores = createStores(closed, { cipher: testCipher(), logger: { error: (details, message) => failures.push({ details, message }) } });
      await closed.close();
      await assert.doesNotReject(closedStores.auditLog.record(entry()));
      await closedStores.auditLog.flush();
    });

    test('flush waits for writes started without await', async () => {
      const { stores } = database();
      for (let i = 0; i < 5; i++) void stores.auditLog.record(entry({ operation: 'flushOp' }));
      await stores.auditLog.flush();
      assert.equal((await stores.auditLog.list({ operation: 'flushOp' })).length, 5);
    });

    test('the AuditLog table has no column for user text', async () => {
      const { db } = database();
      const columns =
        db.provider === 'sqlite'
          ? (await db.prisma.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('AuditLog')`)).map((c) => c.name)
          : (
              await db.prisma.$queryRawUnsafe<{ column_name: string }[]>(
                `SELECT column_name::text AS column_name FROM information_schema.columns WHERE table_name = 'AuditLog' AND table_schema = current_schema()`,
              )
            ).map((c) => c.column_name);
      assert.deepEqual(
        columns.sort(),
        ['actorId', 'actorRoles', 'createdAt', 'durationMs', 'errorCode', 'id', 'kind', 'modelId', 'operation', 'outcome', 'variant'],
      );
    });
  });
}
