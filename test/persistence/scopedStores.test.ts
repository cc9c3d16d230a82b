import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { BadUserInputError } from '../../src/errors.js';
import type { AccessScope, PageArgs, PersistenceStores } from '../../src/persistence/index.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

/** The scoped operations the three owned stores share, and how to create a record in each. */
interface ScopedCase {
  name: string;
  create(stores: PersistenceStores, ownerId: string, cohortId: string | null): Promise<{ id: string }>;
  findByIds(stores: PersistenceStores, ids: string[], scope: AccessScope): Promise<({ id: string } | null)[]>;
  list(stores: PersistenceStores, scope: AccessScope, page?: PageArgs): Promise<{ id: string; createdAt: Date }[]>;
}

const cases: ScopedCase[] = [
  {
    name: 'EvaluationStore',
    create: (s, ownerId, cohortId) => s.evaluations.create({ ownerId, cohortId, kind: 'WRITING', submission: 'Dear Dr Smith, …' }),
    findByIds: (s, ids, scope) => s.evaluations.findByIds(ids, scope),
    list: (s, scope, page) => s.evaluations.list(scope, page),
  },
  {
    name: 'MedicalEntityStore',
    create: (s, ownerId, cohortId) =>
      s.medicalEntities.create({ ownerId, cohortId, text: 'metformin', category: 'MEDICATION', startOffset: 0, endOffset: 9 }),
    findByIds: (s, ids, scope) => s.medicalEntities.findByIds(ids, scope),
    list: (s, scope, page) => s.medicalEntities.list(scope, page),
  },
  {
    name: 'SafetyReportStore',
    create: (s, ownerId, cohortId) => s.safetyReports.create({ ownerId, cohortId, kind: 'OUTPUT', verdict: 'SAFE', findings: '[]' }),
    findByIds: (s, ids, scope) => s.safetyReports.findByIds(ids, scope),
    list: (s, scope, page) => s.safetyReports.list(scope, page),
  },
];

for (const provider of providersUnderTest) {
  for (const c of cases) {
    describe(`${c.name} scopes and pagination (${provider})`, () => {
      const database = useMigratedDatabase(provider, `scope_${c.name}`);
      const ids = (rows: ({ id: string } | null)[]) => rows.map((r) => r?.id ?? null);

      test('learners see their own, assessors their cohorts and their own, admins all', async () => {
        const { stores } = database();
        const mine = await c.create(stores, 'learner-a', 'cohort-1');
        const classmate = await c.create(stores, 'learner-b', 'cohort-1');
        const otherCohort = await c.create(stores, 'learner-c', 'cohort-2');
        const assessorsOwn = await c.create(stores, 'assessor-x', null);
        const noCohort = await c.create(stores, 'learner-d', null);
        const all = [mine.id, classmate.id, otherCohort.id, assessorsOwn.id, noCohort.id];

        const learner: AccessScope = { kind: 'owner', ownerId: 'learner-a' };
        const assessor: AccessScope = { kind: 'cohorts', viewerId: 'assessor-x', cohortIds: ['cohort-1'] };
        const admin: AccessScope = { kind: 'all' };

        assert.deepEqual(ids(await c.findByIds(stores, all, learner)), [mine.id, null, null, null, null]);
        assert.deepEqual(ids(await c.findByIds(stores, all, assessor)), [mine.id, classmate.id, null, assessorsOwn.id, null]);
        assert.deepEqual(ids(await c.findByIds(stores, all, admin)), all);
        // Aligned with the keys even with duplicates, unknown ids and an empty batch.
        assert.deepEqual(ids(await c.findByIds(stores, [classmate.id, 'no-such-id', classmate.id], assessor)), [classmate.id, null, classmate.id]);
        assert.deepEqual(await c.findByIds(stores, [], admin), []);
        // An assessor with no cohorts still sees their own records.
        const lonely: AccessScope = { kind: 'cohorts', viewerId: 'assessor-x', cohortIds: [] };
        assert.deepEqual(ids(await c.findByIds(stores, all, lonely)), [null, null, null, assessorsOwn.id, null]);

        assert.deepEqual(new Set((await c.list(stores, learner)).map((r) => r.id)), new Set([mine.id]));
        assert.deepEqual(new Set((await c.list(stores, assessor)).map((r) => r.id)), new Set([mine.id, classmate.id, assessorsOwn.id]));
        assert.deepEqual(new Set((await c.list(stores, admin)).map((r) => r.id)), new Set(all));
      });

      test('pages newest first without overlap', async () => {
        const { stores } = database();
        const scope: AccessScope = { kind: 'owner', ownerId: 'pager' };
        const created: { id: string }[] = [];
        for (let i = 0; i < 23; i++) created.push(await c.create(stores, 'pager', null));

        const seen: { id: string; createdAt: Date }[] = [];
        let afterId: string | null = null;
        const sizes: number[] = [];
        for (;;) {
          const page = await c.list(stores, scope, { first: 10, after: afterId });
          sizes.push(page.length);
          seen.push(...page);
          if (page.length < 10) break;
          afterId = page.at(-1)!.id;
        }
        assert.deepEqual(sizes, [10, 10, 3]);
        assert.equal(new Set(seen.map((r) => r.id)).size, 23);
        assert.deepEqual(new Set(seen.map((r) => r.id)), new Set(created.map((r) => r.id)));
        const newestFirst = [...seen].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
        assert.deepEqual(seen.map((r) => r.id), newestFirst.map((r) => r.id));
        // The last created is the first listed (ids can tie on the millisecond; the order is still total).
        assert.equal(seen[0]!.createdAt.getTime(), Math.max(...seen.map((r) => r.createdAt.getTime())));
        assert.equal((await c.list(stores, scope)).length, 20, 'default page size');
      });

      test('rejects bad page arguments and cursors the caller cannot see', async () => {
        const { stores } = database();
        const hidden = await c.create(stores, 'someone-else', null);
        const scope: AccessScope = { kind: 'owner', ownerId: 'pager' };
        for (const first of [0, 101, 2.5]) {
          await assert.rejects(c.list(stores, scope, { first }), (e: unknown) => e instanceof BadUserInputError && /first/.test(e.message));
        }
        await assert.rejects(c.list(stores, scope, { after: hidden.id }), BadUserInputError);
        await assert.rejects(c.list(stores, scope, { after: 'no-such-id' }), BadUserInputError);
      });
    });
  }
}
