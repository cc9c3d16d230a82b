import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BadUserInputError } from '../../src/errors.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

const warfarinAspirin = { drugA: 'Warfarin', drugB: 'Aspirin', severity: 'MAJOR', description: 'Bleeding risk.', source: 'test-pack' };

for (const provider of providersUnderTest) {
  describe(`DrugInteractionStore (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'drug');

    test('finds a pair in either order, case-insensitively', async () => {
      const { stores } = database();
      assert.equal(await stores.drugInteractions.upsertMany([warfarinAspirin]), 1);
      const ab = await stores.drugInteractions.findPair('warfarin', 'aspirin');
      const ba = await stores.drugInteractions.findPair(' ASPIRIN ', 'Warfarin');
      assert.ok(ab);
      assert.deepEqual(ba, ab);
      assert.deepEqual([ab.drugA, ab.drugB], ['aspirin', 'warfarin'], 'stored canonically');
      assert.equal(await stores.drugInteractions.findPair('warfarin', 'paracetamol'), null);
    });

    test('one row per pair: re-importing either order updates it', async () => {
      const { stores } = database();
      await stores.drugInteractions.upsertMany([warfarinAspirin]);
      const before = await stores.drugInteractions.findPair('aspirin', 'warfarin');
      const written = await stores.drugInteractions.upsertMany([
        { ...warfarinAspirin, drugA: 'aspirin', drugB: 'WARFARIN', severity: 'MODERATE' },
        { drugA: 'Simvastatin', drugB: 'Clarithromycin', severity: 'MAJOR', description: 'Myopathy.', source: 'test-pack' },
        { drugA: 'clarithromycin', drugB: 'simvastatin', severity: 'CONTRAINDICATED', description: 'Myopathy.', source: 'test-pack' },
      ]);
      assert.equal(written, 2, 'duplicates within one import collapse');
      const after = await stores.drugInteractions.findPair('warfarin', 'aspirin');
      assert.equal(after?.id, before?.id);
      assert.equal(after?.severity, 'MODERATE');
      assert.equal((await stores.drugInteractions.findPair('simvastatin', 'clarithromycin'))?.severity, 'CONTRAINDICATED');
      const count = await database().db.prisma.drugInteraction.count({ where: { drugA: 'aspirin', drugB: 'warfarin' } });
      assert.equal(count, 1);
    });

    test('the database itself refuses a duplicate pair', async () => {
      const { db, stores } = database();
      await stores.drugInteractions.upsertMany([warfarinAspirin]);
      await assert.rejects(
        db.prisma.drugInteraction.create({ data: { drugA: 'aspirin', drugB: 'warfarin', severity: 'x', description: 'x', source: 'x' } }),
        { code: 'P2002' },
      );
    });

    test('findByIds is aligned; findAmong lists interactions within a medication list', async () => {
      const { stores } = database();
      await stores.drugInteractions.upsertMany([warfarinAspirin]);
      const pair = await stores.drugInteractions.findPair('aspirin', 'warfarin');
      assert.deepEqual((await stores.drugInteractions.findByIds(['missing', pair!.id])).map((r) => r?.id ?? null), [null, pair!.id]);
      const among = await stores.drugInteractions.findAmong(['Warfarin', 'Aspirin', 'Simvastatin', 'Metformin']);
      assert.deepEqual(among.map((r) => `${r.drugA}+${r.drugB}`), ['aspirin+warfarin']);
      assert.deepEqual(await stores.drugInteractions.findAmong(['warfarin']), []);
    });

    test('a drug cannot interact with itself; names must not be empty', async () => {
      const { stores } = database();
      await assert.rejects(stores.drugInteractions.findPair('Aspirin', 'aspirin '), BadUserInputError);
      await assert.rejects(stores.drugInteractions.upsertMany([{ ...warfarinAspirin, drugB: ' ' }]), BadUserInputError);
    });
  });
}
