import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { BadUserInputError } from '../../src/errors.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

for (const provider of providersUnderTest) {
  describe(`GenerationRecordStore (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'generation');

    test('stores token accounting with a rounded duration', async () => {
      const { db, stores } = database();
      const record = await stores.generations.create({
        ownerId: 'u1',
        modelId: 'smollm2-135m',
        alias: 'default',
        variant: 'B',
        promptTokens: 42,
        completionTokens: 128,
        finishReason: 'stop',
        durationMs: 812.6,
      });
      assert.equal(record.durationMs, 813);
      assert.equal(record.alias, 'default');
      const stored = await db.prisma.generationRecord.findUniqueOrThrow({ where: { id: record.id } });
      assert.deepEqual(stored, record);
    });

    test('rejects negative or fractional token counts', async () => {
      const { stores } = database();
      const base = { ownerId: 'u1', modelId: 'm', variant: 'A', finishReason: 'stop', durationMs: 1, completionTokens: 1 };
      await assert.rejects(stores.generations.create({ ...base, promptTokens: -1 }), BadUserInputError);
      await assert.rejects(stores.generations.create({ ...base, promptTokens: 1.5 }), BadUserInputError);
    });
  });
}
