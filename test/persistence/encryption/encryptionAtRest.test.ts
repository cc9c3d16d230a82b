import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  assertKeysUsable,
  checkEncryptionKeys,
  createStores,
  DecryptionError,
  EncryptionKeyError,
  keyStatus,
  migrateDatabase,
  openDatabase,
  rotateKeys,
  type Database,
  type FieldCipher,
  type PersistenceStores,
} from '../../../src/persistence/index.js';
import { testCipher, testKeyEntry } from '../../support/encryptionKeys.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/testDatabases.js';

const KEY_A = testKeyEntry('key-a');
const KEY_B = testKeyEntry('key-b');
const NAME = 'Amelia Hartwell';
const LETTER = `Dear Dr Okafor, Re: Mrs ${NAME}, NHS 943 476 5919, DOB 14/07/1962.`;

const sql = (value: string) => `'${value.replaceAll("'", "''")}'`;

for (const provider of providersUnderTest) {
  describe(`encryption at rest (${provider})`, () => {
    let testDb: TestDatabase;
    let db: Database;
    const storesWith = (cipher: FieldCipher): PersistenceStores => createStores(db, { cipher, logger: { error: () => undefined } });
    const raw = <T>(query: string) => db.prisma.$queryRawUnsafe<T[]>(query);
    const exec = (statement: string) => db.prisma.$executeRawUnsafe(statement);
    const rawValue = async (table: string, column: string, id: string) =>
      (await raw<Record<string, string | null>>(`SELECT "${column}" AS v FROM "${table}" WHERE id = ${sql(id)}`))[0]!.v;

    beforeAll(async () => {
      testDb = await createTestDatabase(provider, 'crypto');
      await migrateDatabase(testDb.url);
      db = await openDatabase(testDb.url);
    });
    afterAll(async () => {
      await db?.close();
      await testDb?.drop();
    });

    /** Empties the encrypted tables and the key checks between tests. */
    const reset = async () => {
      for (const table of ['Evaluation', 'MedicalEntity', 'SafetyReport', 'EncryptionKeyCheck']) await exec(`DELETE FROM "${table}"`);
    };

    /** One row in each encrypted table, through the stores. */
    const seed = async (stores: PersistenceStores, owner = 'u1') => {
      const evaluation = await stores.evaluations.create({ ownerId: owner, kind: 'WRITING', taskRef: `task for ${NAME}`, submission: LETTER });
      const bare = await stores.evaluations.create({ ownerId: owner, kind: 'SPEAKING', submission: 'Good morning.' });
      const [entity] = await stores.medicalEntities.createMany([{ ownerId: owner, text: 'chest pain', category: 'SYMPTOM', startOffset: 3, endOffset: 13 }]);
      const report = await stores.safetyReports.create({ ownerId: owner, kind: 'OUTPUT', verdict: 'FLAGGED', findings: JSON.stringify([{ quote: NAME }]) });
      return { evaluation, bare, entity: entity!, report };
    };

    test('stores write only enc:v1 values and read plaintext back, on every encrypted column', async () => {
      await reset();
      const stores = storesWith(testCipher(KEY_A));
      const { evaluation, bare, entity, report } = await seed(stores);
      assert.equal(evaluation.submission, LETTER);
      assert.equal(evaluation.taskRef, `task for ${NAME}`);
      assert.equal(bare.taskRef, null);
      assert.equal(entity.text, 'chest pain');
      assert.deepEqual(JSON.parse(report.findings), [{ quote: NAME }]);
      for (const [table, column, id] of [
        ['Evaluation', 'submission', evaluation.id],
        ['Evaluation', 'taskRef', evaluation.id],
        ['MedicalEntity', 'text', entity.id],
        ['SafetyReport', 'findings', report.id],
      ] as const) {
        const stored = await rawValue(table, column, id);
        assert.match(stored!, /^enc:v1:key-a:[A-Za-z0-9_-]+$/, `${table}.${column}`);
      }
      assert.equal(await rawValue('Evaluation', 'taskRef', bare.id), null, 'null stays null');
      const [found] = await stores.evaluations.findByIds([evaluation.id], { kind: 'all' });
      assert.deepEqual(found, evaluation);
      expect((await stores.medicalEntities.list({ kind: 'all' })).map((e) => e.text)).toEqual(['chest pain']);
      assert.deepEqual((await stores.safetyReports.findByIds([report.id], { kind: 'all' }))[0]?.findings, report.findings);
      const scored = await stores.evaluations.setResult(evaluation.id, { status: 'SCORED', overallScore: 350 });
      assert.equal(scored.submission, LETTER);
    });

    test('a flipped byte in a stored value is a DecryptionError naming the column and row, not the text', async () => {
      await reset();
      const stores = storesWith(testCipher(KEY_A));
      const { evaluation } = await seed(stores);
      const stored = (await rawValue('Evaluation', 'submission', evaluation.id))!;
      const cut = stored.lastIndexOf(':') + 1;
      const body = Buffer.from(stored.slice(cut), 'base64url');
      body[20]! ^= 0x80;
      await exec(`UPDATE "Evaluation" SET "submission" = ${sql(stored.slice(0, cut) + body.toString('base64url'))} WHERE id = ${sql(evaluation.id)}`);
      await assert.rejects(stores.evaluations.findByIds([evaluation.id], { kind: 'all' }), (error: unknown) => {
        assert.ok(error instanceof DecryptionError);
        assert.equal(error.reason, 'AUTHENTICATION_FAILED');
        assert.match(error.message, new RegExp(`Evaluation\\.submission of row ${evaluation.id} failed authentication under key id "key-a"`));
        assert.doesNotMatch(error.message, /Amelia|Okafor/);
        return true;
      });
    });

    test('a ciphertext copied into another column does not decrypt there', async () => {
      await reset();
      const stores = storesWith(testCipher(KEY_A));
      const { evaluation, entity } = await seed(stores);
      await exec(`UPDATE "MedicalEntity" SET "text" = (SELECT "submission" FROM "Evaluation" WHERE id = ${sql(evaluation.id)}) WHERE id = ${sql(entity.id)}`);
      await assert.rejects(stores.medicalEntities.findByIds([entity.id], { kind: 'all' }), { name: 'DecryptionError', reason: 'AUTHENTICATION_FAILED' });
    });

    test('key check: registers the active key, verifies it next time, and catches a wrong key under the same id', async () => {
      await reset();
      const first = await checkEncryptionKeys(db.prisma, testCipher(KEY_A));
      assert.equal(first.activeKeyRegistered, true);
      assert.deepEqual(first.verifiedKeyIds, ['key-a']);
      await seed(storesWith(testCipher(KEY_A)));
      const second = await checkEncryptionKeys(db.prisma, testCipher(KEY_A));
      assert.equal(second.activeKeyRegistered, false);
      assert.deepEqual(second.missingKeys, []);
      assert.equal(second.sample.checked, 5);
      const wrong = `key-a:${randomBytes(32).toString('base64')}`;
      await assert.rejects(checkEncryptionKeys(db.prisma, testCipher(wrong)), (error: unknown) => {
        assert.ok(error instanceof EncryptionKeyError);
        assert.equal(error.reason, 'WRONG_KEY');
        assert.match(error.message, /OET_ENCRYPTION_KEYS: the key configured as "key-a" is not the key that encrypted/);
        assert.ok(!error.message.includes(wrong.slice(6)));
        return true;
      });
      // Without its check row (a database restored from elsewhere), the sampled values still expose the wrong key.
      await exec(`DELETE FROM "EncryptionKeyCheck"`);
      await assert.rejects(checkEncryptionKeys(db.prisma, testCipher(`key-b:${randomBytes(32).toString('base64')},${wrong}`)), { name: 'EncryptionKeyError', reason: 'WRONG_KEY' });
    });

    test('key check: data under a key id that is not configured is MISSING_KEY, with the count', async () => {
      await reset();
      await checkEncryptionKeys(db.prisma, testCipher(KEY_A));
      await seed(storesWith(testCipher(KEY_A)));
      const report = await checkEncryptionKeys(db.prisma, testCipher(KEY_B));
      assert.deepEqual(report.missingKeys, [{ keyId: 'key-a', values: 5 }]);
      assert.throws(() => assertKeysUsable(report), (error: unknown) => {
        assert.ok(error instanceof EncryptionKeyError);
        assert.equal(error.reason, 'MISSING_KEY');
        assert.match(error.message, /OET_ENCRYPTION_KEYS does not hold key id "key-a" \(5 values\)/);
        assert.match(error.message, /keys -- rotate/);
        return true;
      });
      // Found through the sample even without a check row.
      await exec(`DELETE FROM "EncryptionKeyCheck" WHERE "keyId" = 'key-a'`);
      assert.deepEqual((await checkEncryptionKeys(db.prisma, testCipher(KEY_B))).missingKeys, [{ keyId: 'key-a', values: 5 }]);
    });

    test('rotation A → B with A still configured, then with A removed: every row readable with B only', async () => {
      await reset();
      const underA = testCipher(KEY_A);
      await checkEncryptionKeys(db.prisma, underA);
      const seeded = await Promise.all([seed(storesWith(underA), 'u1'), seed(storesWith(underA), 'u2'), seed(storesWith(underA), 'u3')]);
      const both = testCipher(`${KEY_B},${KEY_A}`);
      const check = await checkEncryptionKeys(db.prisma, both);
      assert.equal(check.activeKeyRegistered, true);
      assert.deepEqual(check.verifiedKeyIds, ['key-b', 'key-a']);
      // New writes go under B while old rows stay readable under A.
      const mixed = storesWith(both);
      const newer = await mixed.evaluations.create({ ownerId: 'u1', kind: 'WRITING', submission: 'written under B' });
      assert.match((await rawValue('Evaluation', 'submission', newer.id))!, /^enc:v1:key-b:/);
      assert.equal((await mixed.evaluations.findByIds([seeded[0]!.evaluation.id], { kind: 'all' }))[0]?.submission, LETTER);
      const before = await keyStatus(db.prisma, both);
      assert.deepEqual(before.totals, { byKeyId: { 'key-a': 15, 'key-b': 1 }, plaintext: 0, total: 16 });
      expect(before.registeredKeyIds.sort()).toEqual(['key-a', 'key-b']);

      const batches: number[] = [];
      const report = await rotateKeys(db.prisma, both, { batchSize: 2, onBatch: (p) => batches.push(p.reencrypted) });
      assert.deepEqual({ ...report, rowsScanned: undefined }, {
        activeKeyId: 'key-b',
        rowsScanned: undefined,
        reencrypted: 15,
        encrypted: 0,
        skipped: 0,
        failed: [],
        retiredKeyIds: ['key-a'],
        interrupted: false,
      });
      assert.equal(report.rowsScanned, 12, '6 evaluations, 3 entities, 3 reports');
      assert.ok(batches.length >= 6, 'in batches');
      const after = await keyStatus(db.prisma, both);
      assert.deepEqual(after.totals, { byKeyId: { 'key-b': 16 }, plaintext: 0, total: 16 });
      expect(after.registeredKeyIds).toEqual(['key-b']);
      assert.equal((await rotateKeys(db.prisma, both)).rowsScanned, 0, 'nothing left: a second run is a no-op');

      const onlyB = testCipher(KEY_B);
      assertKeysUsable(await checkEncryptionKeys(db.prisma, onlyB));
      const stores = storesWith(onlyB);
      for (const s of seeded) {
        assert.equal((await stores.evaluations.findByIds([s.evaluation.id], { kind: 'all' }))[0]?.submission, LETTER);
        assert.equal((await stores.evaluations.findByIds([s.evaluation.id], { kind: 'all' }))[0]?.taskRef, `task for ${NAME}`);
        assert.equal((await stores.medicalEntities.findByIds([s.entity.id], { kind: 'all' }))[0]?.text, 'chest pain');
        assert.equal((await stores.safetyReports.findByIds([s.report.id], { kind: 'all' }))[0]?.findings, s.report.findings);
      }
    });

    test('plaintext rows from before encryption are readable, then encrypted by rotate', async () => {
      await reset();
      const cipher = testCipher(KEY_A);
      await checkEncryptionKeys(db.prisma, cipher);
      const { evaluation, entity, report } = await seed(storesWith(cipher));
      // What a database written before this feature holds: plain text in every text column.
      await exec(`UPDATE "Evaluation" SET "submission" = ${sql(LETTER)}, "taskRef" = 'task-7' WHERE id = ${sql(evaluation.id)}`);
      await exec(`UPDATE "MedicalEntity" SET "text" = 'chest pain' WHERE id = ${sql(entity.id)}`);
      await exec(`UPDATE "SafetyReport" SET "findings" = '[]' WHERE id = ${sql(report.id)}`);
      const stores = storesWith(cipher);
      assert.equal((await stores.evaluations.findByIds([evaluation.id], { kind: 'all' }))[0]?.submission, LETTER);
      const check = await checkEncryptionKeys(db.prisma, cipher);
      assert.equal(check.sample.plaintext, 4);
      assert.equal((await keyStatus(db.prisma, cipher)).totals.plaintext, 4);

      const rotated = await rotateKeys(db.prisma, cipher);
      assert.equal(rotated.encrypted, 4);
      assert.equal(rotated.reencrypted, 0);
      assert.equal((await keyStatus(db.prisma, cipher)).totals.plaintext, 0);
      assert.match((await rawValue('Evaluation', 'submission', evaluation.id))!, /^enc:v1:key-a:/);
      assert.match((await rawValue('Evaluation', 'taskRef', evaluation.id))!, /^enc:v1:key-a:/);
      assert.equal((await stores.evaluations.findByIds([evaluation.id], { kind: 'all' }))[0]?.taskRef, 'task-7');
      assert.equal((await stores.safetyReports.findByIds([report.id], { kind: 'all' }))[0]?.findings, '[]');
    });

    test('rotate reports rows it cannot decrypt, rewrites the rest, keeps the old key registered, and resumes after an interruption', async () => {
      await reset();
      const underA = testCipher(KEY_A);
      await checkEncryptionKeys(db.prisma, underA);
      const seeded = await Promise.all([1, 2, 3, 4].map((i) => seed(storesWith(underA), `u${i}`)));
      const lost = testCipher(testKeyEntry('key-lost')).encrypt({ table: 'Evaluation', column: 'submission' }, 'unreadable');
      await exec(`UPDATE "Evaluation" SET "submission" = ${sql(lost)} WHERE id = ${sql(seeded[0]!.evaluation.id)}`);
      const both = testCipher(`${KEY_B},${KEY_A}`);
      const controller = new AbortController();
      const partial = await rotateKeys(db.prisma, both, { batchSize: 3, signal: controller.signal, onBatch: () => controller.abort() });
      assert.equal(partial.interrupted, true);
      assert.ok(partial.reencrypted > 0 && partial.reencrypted < 19);
      const rest = await rotateKeys(db.prisma, both, { batchSize: 3 });
      assert.equal(partial.reencrypted + rest.reencrypted, 19, 'every readable value, once');
      assert.deepEqual(rest.failed, [{ column: 'Evaluation.submission', rowId: seeded[0]!.evaluation.id, reason: 'UNKNOWN_KEY_ID' }]);
      assert.deepEqual(rest.retiredKeyIds, [], 'nothing retired while a row failed');
      const status = await keyStatus(db.prisma, both);
      assert.deepEqual(status.totals.byKeyId, { 'key-b': 19, 'key-lost': 1 });
    });
  });
}
