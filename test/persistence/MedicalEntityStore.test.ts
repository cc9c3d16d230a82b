import assert from 'node:assert/strict';
import { describe, expect, test } from '@jest/globals';
import { BadUserInputError } from '../../src/errors.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

for (const provider of providersUnderTest) {
  describe(`MedicalEntityStore (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'entity');

    test('create stores the assertion flags; defaults are false', async () => {
      const { stores } = database();
      const entity = await stores.medicalEntities.create({
        ownerId: 'u1',
        text: 'chest pain',
        category: 'PROBLEM',
        startOffset: 10,
        endOffset: 20,
        negated: true,
        family: true,
        code: 'R07.4',
        sourceRef: 'evaluation:1',
      });
      assert.deepEqual(
        { negated: entity.negated, uncertain: entity.uncertain, family: entity.family, historical: entity.historical },
        { negated: true, uncertain: false, family: true, historical: false },
      );
      assert.equal(entity.code, 'R07.4');
      assert.deepEqual(await stores.medicalEntities.findByIds([entity.id], { kind: 'owner', ownerId: 'u1' }), [entity]);
    });

    test('createMany stores a whole analysis at once', async () => {
      const { stores } = database();
      const rows = await stores.medicalEntities.createMany([
        { ownerId: 'u2', text: 'aspirin', category: 'MEDICATION', startOffset: 0, endOffset: 7 },
        { ownerId: 'u2', text: 'warfarin', category: 'MEDICATION', startOffset: 12, endOffset: 20, historical: true },
      ]);
      assert.equal(rows.length, 2);
      expect(rows.map((r) => r.text).sort()).toEqual(['aspirin', 'warfarin']);
      assert.deepEqual(await stores.medicalEntities.createMany([]), []);
      const listed = await stores.medicalEntities.list({ kind: 'owner', ownerId: 'u2' });
      assert.equal(listed.length, 2);
    });

    test('rejects offsets that are negative or reversed', async () => {
      const { stores } = database();
      const base = { ownerId: 'u1', text: 't', category: 'PROBLEM' };
      await assert.rejects(stores.medicalEntities.create({ ...base, startOffset: -1, endOffset: 2 }), BadUserInputError);
      await assert.rejects(stores.medicalEntities.create({ ...base, startOffset: 5, endOffset: 2 }), BadUserInputError);
    });
  });
}
