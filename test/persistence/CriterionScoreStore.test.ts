import assert from 'node:assert/strict';
import { describe, expect, test } from '@jest/globals';
import { agreement } from '../../src/evaluation/agreement/agreement.js';
import { BadUserInputError, NotFoundError } from '../../src/errors.js';
import type { NewScoredEvaluation } from '../../src/persistence/EvaluationStore.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

const WRITING = [['Purpose', 3], ['Content', 7], ['Conciseness & Clarity', 7], ['Genre & Style', 7], ['Organisation & Layout', 7], ['Language', 7]] as const;

function scored(ownerId: string, cohortId: string | null, scores: number[], extra: Partial<NewScoredEvaluation> = {}): NewScoredEvaluation {
  const criteria = WRITING.map(([name, max], i) => ({ name, max, score: scores[i]! }));
  return {
    ownerId, cohortId, kind: 'WRITING', submission: `Dear Dr Ward, letter by ${ownerId}`, taskRef: 'Plan:\n- refer', profession: 'NURSING', letterType: 'REFERRAL', reader: 'COLLEAGUE',
    overallScore: 350, grade: 'B', criteria, criteriaJson: JSON.stringify(criteria.map((c) => ({ ...c, evidence: [{ start: 0, end: 4, text: 'Dear' }], feedback: [] }))),
    detailsJson: '{"notes":[]}', scorerVersion: 'writing-rules-1', modelVersions: '{}', idempotencyKey: null, ...extra,
  };
}

for (const provider of providersUnderTest) {
  describe(`scored evaluations and criterion analytics (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'criterion');

    test('a scored evaluation stores its criteria (encrypted) and one engine row per criterion', async () => {
      const { stores } = database();
      const { record, replayed } = await stores.evaluations.createScored(scored('learner-1', 'c1', [3, 6, 6, 5, 7, 6]));
      assert.equal(replayed, false);
      assert.equal(record.status, 'SCORED');
      assert.equal(JSON.parse(record.criteria!).length, 6);
      const rows = await stores.criterionScores.forEvaluation(record.id);
      expect(rows.map((r) => [r.criterion, r.score, r.source]).sort()).toEqual(WRITING.map(([name], i) => [name, [3, 6, 6, 5, 7, 6][i], 'ENGINE']).sort());
    });

    test('the same idempotency key returns the first evaluation, also when two requests race', async () => {
      const { stores } = database();
      const input = scored('learner-2', null, [2, 5, 5, 5, 5, 5], { idempotencyKey: 'retry-1' });
      const [a, b] = await Promise.all([stores.evaluations.createScored(input), stores.evaluations.createScored({ ...input, overallScore: 300 })]);
      assert.equal(a.record.id, b.record.id);
      assert.equal([a.replayed, b.replayed].filter(Boolean).length, 1);
      const again = await stores.evaluations.createScored(input);
      assert.equal(again.record.id, a.record.id);
      assert.equal(again.replayed, true);
      // Another learner's identical key is their own.
      const other = await stores.evaluations.createScored({ ...input, ownerId: 'learner-3' });
      assert.notEqual(other.record.id, a.record.id);
      await assert.rejects(stores.evaluations.createScored({ ...input, idempotencyKey: 'x'.repeat(201) }), BadUserInputError);
    });

    test('re-scoring keeps both evaluations and analytics read only the new scores', async () => {
      const { stores } = database();
      const first = (await stores.evaluations.createScored(scored('learner-4', 'c-rescore', [1, 1, 1, 1, 1, 1]))).record;
      const second = (await stores.evaluations.createScored(scored('learner-4', 'c-rescore', [3, 7, 7, 7, 7, 7], { rescoredFromId: first.id, scorerVersion: 'writing-rules-2' }))).record;
      assert.equal(second.rescoredFromId, first.id);
      const [old] = await stores.evaluations.findByIds([first.id], { kind: 'all' });
      assert.equal(old?.id, first.id, 'the old evaluation is kept');
      const means = await stores.criterionScores.means({ kind: 'WRITING', cohortId: 'c-rescore' }, 'NONE', { kind: 'all' });
      assert.equal(means.find((m) => m.criterion === 'Content')?.mean, 7);
      assert.equal(means.find((m) => m.criterion === 'Content')?.count, 1);
    });

    test('distributions, means by group and weekly progress are grouped in the database and scoped', async () => {
      const { stores } = database();
      await stores.evaluations.createScored(scored('a1', 'c-an', [3, 6, 6, 6, 6, 6]));
      await stores.evaluations.createScored(scored('a1', 'c-an', [2, 4, 4, 4, 4, 4]));
      await stores.evaluations.createScored(scored('a2', 'c-an', [1, 2, 2, 2, 2, 2], { profession: 'MEDICINE' }));
      const all = { kind: 'all' } as const;
      const distribution = await stores.criterionScores.distribution({ kind: 'WRITING', cohortId: 'c-an', criterion: 'Purpose' }, all);
      expect(distribution).toEqual([{ criterion: 'Purpose', score: 1, count: 1 }, { criterion: 'Purpose', score: 2, count: 1 }, { criterion: 'Purpose', score: 3, count: 1 }]);
      const byProfession = await stores.criterionScores.means({ kind: 'WRITING', cohortId: 'c-an', criterion: 'Content' }, 'PROFESSION', all);
      expect(byProfession.sort((x, y) => (x.group ?? '').localeCompare(y.group ?? ''))).toEqual([{ criterion: 'Content', group: 'MEDICINE', mean: 2, count: 1 }, { criterion: 'Content', group: 'NURSING', mean: 5, count: 2 }]);
      const progress = await stores.criterionScores.means({ kind: 'WRITING', ownerId: 'a1', criterion: 'Language' }, 'WEEK', all);
      assert.equal(progress.length, 1);
      assert.match(progress[0]!.group!, /^\d{4}-W\d{2}$/);
      assert.equal(progress[0]!.mean, 5);
      // A learner's scope sees only their own rows, whatever the filter asks for.
      const own = await stores.criterionScores.distribution({ kind: 'WRITING', cohortId: 'c-an', criterion: 'Purpose' }, { kind: 'owner', ownerId: 'a2' });
      expect(own).toEqual([{ criterion: 'Purpose', score: 1, count: 1 }]);
    });

    test('assessor scores sit beside the engine’s and give kappa from grouped counts', async () => {
      const { stores } = database();
      const engine = [[3, 6, 6, 5, 7, 6], [2, 4, 5, 4, 5, 3], [1, 2, 3, 2, 3, 2]];
      const assessor = [[3, 6, 5, 5, 6, 6], [2, 5, 5, 4, 5, 4], [1, 3, 2, 2, 3, 2]];
      for (let i = 0; i < engine.length; i++) {
        const { record } = await stores.evaluations.createScored(scored(`k${i}`, 'c-kappa', engine[i]!));
        const n = await stores.criterionScores.recordAssessorScores(record.id, 'assessor-1', WRITING.map(([name], j) => ({ criterion: name, score: assessor[i]![j]! })), { kind: 'cohorts', viewerId: 'assessor-1', cohortIds: ['c-kappa'] });
        assert.equal(n, 6);
      }
      const cells = await stores.criterionScores.agreementCells({ kind: 'WRITING', cohortId: 'c-kappa', criterion: 'Content' }, 'NONE', { kind: 'all' });
      const fromDb = agreement(cells, 7);
      const direct = agreement(engine.map((e, i) => ({ engine: e[1]!, assessor: assessor[i]![1]!, count: 1 })), 7);
      assert.deepEqual(fromDb, direct);
      assert.equal(fromDb.n, 3);
      assert.equal(fromDb.exact, 0.333);
      // Recording again replaces the assessor's score.
      const [first] = await stores.evaluations.list({ kind: 'cohorts', viewerId: 'assessor-1', cohortIds: ['c-kappa'] }, { first: 1 });
      await stores.criterionScores.recordAssessorScores(first!.id, 'assessor-1', [{ criterion: 'Content', score: 7 }], { kind: 'all' });
      const rows = await stores.criterionScores.forEvaluation(first!.id);
      expect(rows.filter((r) => r.source === 'ASSESSOR' && r.criterion === 'Content').map((r) => r.score)).toEqual([7]);
    });

    test('assessor scores are refused outside the scope, for unknown criteria and off the scale', async () => {
      const { stores } = database();
      const { record } = await stores.evaluations.createScored(scored('learner-9', 'c-other', [3, 6, 6, 5, 7, 6]));
      await assert.rejects(stores.criterionScores.recordAssessorScores(record.id, 'assessor-2', [{ criterion: 'Content', score: 5 }], { kind: 'cohorts', viewerId: 'assessor-2', cohortIds: ['c-mine'] }), NotFoundError);
      await assert.rejects(stores.criterionScores.recordAssessorScores(record.id, 'assessor-2', [{ criterion: 'Fluency', score: 5 }], { kind: 'all' }), BadUserInputError);
      await assert.rejects(stores.criterionScores.recordAssessorScores(record.id, 'assessor-2', [{ criterion: 'Purpose', score: 4 }], { kind: 'all' }), BadUserInputError);
      await assert.rejects(stores.criterionScores.recordAssessorScores(record.id, 'assessor-2', [], { kind: 'all' }), BadUserInputError);
    });
  });
}
