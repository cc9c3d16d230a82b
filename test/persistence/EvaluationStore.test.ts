import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { BadUserInputError, NotFoundError } from '../../src/errors.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

for (const provider of providersUnderTest) {
  describe(`EvaluationStore (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'evaluation');

    test('creates a PENDING evaluation and reads it back', async () => {
      const { stores } = database();
      const created = await stores.evaluations.create({ ownerId: 'u1', cohortId: 'c1', kind: 'SPEAKING', taskRef: 'task-7', submission: 'Patient handover…' });
      assert.match(created.id, /^c[a-z0-9]{20,}$/, 'a cuid');
      assert.equal(created.status, 'PENDING');
      assert.equal(created.kind, 'SPEAKING');
      assert.equal(created.overallScore, null);
      assert.ok(created.createdAt instanceof Date);
      const [found] = await stores.evaluations.findByIds([created.id], { kind: 'all' });
      assert.deepEqual(found, created);
    });

    test('setResult records the score and moves updatedAt', async () => {
      const { stores } = database();
      const created = await stores.evaluations.create({ ownerId: 'u1', kind: 'WRITING', submission: 'Dear Dr…' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const scored = await stores.evaluations.setResult(created.id, { status: 'SCORED', overallScore: 380, grade: 'B', modelId: 'm1', variant: 'A' });
      assert.equal(scored.status, 'SCORED');
      assert.equal(scored.overallScore, 380);
      assert.equal(scored.grade, 'B');
      assert.equal(scored.submission, 'Dear Dr…');
      assert.ok(scored.updatedAt > created.updatedAt);
      const failed = await stores.evaluations.setResult(created.id, { status: 'FAILED' });
      assert.equal(failed.status, 'FAILED');
      assert.equal(failed.overallScore, 380, 'fields left out stay');
    });

    test('setResult on an unknown id is NOT_FOUND', async () => {
      const { stores } = database();
      await assert.rejects(stores.evaluations.setResult('nope', { status: 'SCORED' }), NotFoundError);
    });

    test('rejects invalid input with BAD_USER_INPUT', async () => {
      const { stores } = database();
      await assert.rejects(stores.evaluations.create({ ownerId: 'u1', kind: 'READING', submission: 'x' }), (e: unknown) => e instanceof BadUserInputError && /WRITING, SPEAKING/.test(e.message));
      await assert.rejects(stores.evaluations.create({ ownerId: 'u1', kind: 'WRITING', submission: '  ' }), BadUserInputError);
      await assert.rejects(stores.evaluations.create({ ownerId: '', kind: 'WRITING', submission: 'x' }), BadUserInputError);
      const created = await stores.evaluations.create({ ownerId: 'u1', kind: 'WRITING', submission: 'x' });
      await assert.rejects(stores.evaluations.setResult(created.id, { status: 'SCORED', overallScore: -1 }), BadUserInputError);
      await assert.rejects(stores.evaluations.setResult(created.id, { status: 'DONE' as 'SCORED' }), BadUserInputError);
    });
  });
}
