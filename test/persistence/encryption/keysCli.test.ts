import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { runKeysCli } from '../../../src/cli/keys.js';
import {
  checkEncryptionKeys,
  createStores,
  Keyring,
  migrateDatabase,
  openDatabase,
  type Database,
  type KeyStatusReport,
} from '../../../src/persistence/index.js';
import { repoRoot } from '../../support/paths.js';
import { testCipher, testKeyEntry } from '../../support/encryptionKeys.js';
import { createTestDatabase, providersUnderTest, type TestDatabase } from '../support/testDatabases.js';

const run = promisify(execFile);
const KEY_A = testKeyEntry('cli-a');
const KEY_B = testKeyEntry('cli-b');

/** Runs the CLI in-process with captured streams. */
async function keys(argv: string[], env: Record<string, string | undefined>) {
  let stdout = '';
  let stderr = '';
  const code = await runKeysCli(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env,
    cwd: process.cwd(),
  });
  return { code, stdout, stderr };
}

describe('keys CLI: generate and usage', () => {
  test('generate prints one key entry the service accepts; --id names it', async () => {
    const generated = await keys(['generate'], {});
    assert.equal(generated.code, 0);
    const line = generated.stdout.trim();
    assert.equal(line.split('\n').length, 1, 'only the entry on stdout (advice goes to stderr)');
    assert.equal(Keyring.parse(line, 'X').keyIds.length, 1);
    const named = await keys(['generate', '--id', 'k2027a'], {});
    assert.match(named.stdout, /^k2027a:[A-Za-z0-9+/]{43}=\n$/);
  });

  test('wrong usage exits 2 with the usage text', async () => {
    for (const argv of [[], ['nope'], ['generate', '--id', 'Not Valid'], ['rotate', '--batch-size', '0'], ['status', '--bogus']]) {
      const result = await keys(argv, { DATABASE_URL: 'file:/nonexistent/never-opened.db', OET_ENCRYPTION_KEYS: KEY_A });
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.stderr, /Usage: npm run keys/);
    }
    assert.equal((await keys(['help'], {})).code, 0);
  });

  test('configuration errors exit 2 naming the variable, never the key', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-keys-cli-'));
    try {
      const url = `file:${path.join(dir, 'x.db')}`;
      const short = randomBytes(20).toString('base64');
      const malformed = await keys(['status'], { DATABASE_URL: url, OET_ENCRYPTION_KEYS: `k1:${short}` });
      assert.equal(malformed.code, 2);
      assert.match(malformed.stderr, /OET_ENCRYPTION_KEYS, entry 1 of 1 \(key id "k1"\): the key is 20 bytes/);
      assert.ok(!malformed.stderr.includes(short));
      const production = await keys(['rotate'], { DATABASE_URL: url, NODE_ENV: 'production' });
      assert.equal(production.code, 2);
      assert.match(production.stderr, /OET_ENCRYPTION_KEYS is not set and NODE_ENV=production/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('as a process: exit status and streams (npm run keys -- …)', async () => {
    const cli = path.join(repoRoot, 'dist/src/cli/keys.js');
    const ok = await run(process.execPath, [cli, 'generate', '--id', 'proc-1']);
    assert.match(ok.stdout, /^proc-1:/);
    const failed = await run(process.execPath, [cli, 'rotate'], { env: { ...process.env, NODE_ENV: 'production', OET_ENCRYPTION_KEYS: '' } }).then(
      () => assert.fail('expected a non-zero exit'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failed.code, 2);
    assert.match(failed.stderr, /^keys rotate: OET_ENCRYPTION_KEYS is not set and NODE_ENV=production/);
  });
});

for (const provider of providersUnderTest) {
  describe(`keys CLI: status and rotate (${provider})`, () => {
    let testDb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      testDb = await createTestDatabase(provider, 'keys_cli');
      await migrateDatabase(testDb.url);
      db = await openDatabase(testDb.url);
    });
    afterAll(async () => {
      await db?.close();
      await testDb?.drop();
    });
    const env = (keysValue: string) => ({ DATABASE_URL: testDb.url, OET_ENCRYPTION_KEYS: keysValue });
    const status = async (keysValue: string) => {
      const result = await keys(['status', '--json'], env(keysValue));
      assert.equal(result.code, 0, result.stderr);
      return JSON.parse(result.stdout) as KeyStatusReport;
    };

    test('plaintext and key A rows → rotate to B (A still configured) → A removed: status, counts and exit codes', async () => {
      const underA = testCipher(KEY_A);
      await checkEncryptionKeys(db.prisma, underA);
      const stores = createStores(db, { cipher: underA });
      const created = [];
      for (let i = 0; i < 5; i++) created.push(await stores.evaluations.create({ ownerId: `u${i}`, kind: 'WRITING', submission: `letter ${i}` }));
      // Two rows as a database from before encryption holds them.
      await db.prisma.$executeRawUnsafe(`UPDATE "Evaluation" SET "submission" = 'legacy letter' WHERE id IN ('${created[0]!.id}', '${created[1]!.id}')`);

      const before = await status(KEY_A);
      assert.deepEqual(before.totals, { byKeyId: { 'cli-a': 3 }, plaintext: 2, total: 5 });
      const table = await keys(['status'], env(KEY_A));
      assert.match(table.stdout, /Evaluation\.submission\s+5\s+2\s+3/);
      assert.match(table.stdout, /2 value\(s\) not under the active key: run "npm run keys -- rotate"/);

      const rotated = await keys(['rotate', '--batch-size', '2'], env(`${KEY_B},${KEY_A}`));
      assert.equal(rotated.code, 0, rotated.stderr);
      assert.match(rotated.stdout, /active key: cli-b\nrows read: 5\nre-encrypted from older keys: 3\nplaintext encrypted: 2\n/);
      assert.match(rotated.stdout, /retired key ids \(no value uses them; they may be removed from OET_ENCRYPTION_KEYS\): cli-a/);
      assert.match(rotated.stderr, /rotating: 2 rows read/);
      assert.deepEqual((await status(KEY_B)).totals, { byKeyId: { 'cli-b': 5 }, plaintext: 0, total: 5 }, 'A removed: B alone reads the status');

      const onlyB = createStores(db, { cipher: testCipher(KEY_B) });
      const read = await onlyB.evaluations.findByIds(created.map((c) => c.id), { kind: 'all' });
      assert.deepEqual(read.map((r) => r?.submission), ['legacy letter', 'legacy letter', 'letter 2', 'letter 3', 'letter 4']);
    });

    test('a database from before encryption (no EncryptionKeyCheck table, plaintext rows): rotate migrates it and encrypts every row', async () => {
      const legacy = await createTestDatabase(provider, 'keys_legacy');
      const migrations = mkdtempSync(path.join(os.tmpdir(), 'oet-legacy-migrations-'));
      try {
        // The migrations as they were before this feature.
        for (const folder of ['sqlite', 'postgres']) {
          cpSync(path.join(repoRoot, 'prisma/migrations', folder), path.join(migrations, folder), { recursive: true, filter: (src) => !src.includes('encryption_key_checks') });
        }
        await migrateDatabase(legacy.url, { migrationsRoot: migrations });
        const old = await openDatabase(legacy.url);
        try {
          // Rows as that version wrote them: text in clear.
          const stores = createStores(old, { cipher: testCipher(KEY_A) });
          const evaluation = await stores.evaluations.create({ ownerId: 'u1', kind: 'WRITING', taskRef: 'task-3', submission: 'x' });
          const entity = await stores.medicalEntities.create({ ownerId: 'u1', text: 'x', category: 'SYMPTOM', startOffset: 0, endOffset: 1 });
          const report = await stores.safetyReports.create({ ownerId: 'u1', kind: 'OUTPUT', verdict: 'SAFE', findings: '[]' });
          await old.prisma.$executeRawUnsafe(`UPDATE "Evaluation" SET "submission" = 'Dear Dr Lee,', "taskRef" = 'task-3' WHERE id = '${evaluation.id}'`);
          await old.prisma.$executeRawUnsafe(`UPDATE "MedicalEntity" SET "text" = 'wheeze' WHERE id = '${entity.id}'`);
          await old.prisma.$executeRawUnsafe(`UPDATE "SafetyReport" SET "findings" = '[]' WHERE id = '${report.id}'`);
          await assert.rejects(old.prisma.encryptionKeyCheck.count(), 'no key-check table yet');
        } finally {
          await old.close();
        }
        const legacyEnv = { DATABASE_URL: legacy.url, OET_ENCRYPTION_KEYS: KEY_A };
        const rotated = await keys(['rotate'], legacyEnv);
        assert.equal(rotated.code, 0, rotated.stderr);
        assert.match(rotated.stdout, /re-encrypted from older keys: 0\nplaintext encrypted: 4\n/);
        const after = JSON.parse((await keys(['status', '--json'], legacyEnv)).stdout) as KeyStatusReport;
        assert.deepEqual(after.totals, { byKeyId: { 'cli-a': 4 }, plaintext: 0, total: 4 });
        assert.deepEqual(after.registeredKeyIds, ['cli-a']);
      } finally {
        rmSync(migrations, { recursive: true, force: true });
        await legacy.drop();
      }
    });

    test('rotate exits 2 on a wrong key and 1 when values cannot be decrypted (naming their rows)', async () => {
      const wrong = await keys(['rotate'], env(`cli-b:${randomBytes(32).toString('base64')}`));
      assert.equal(wrong.code, 2);
      assert.match(wrong.stderr, /the key configured as "cli-b" is not the key that encrypted/);

      const stores = createStores(db, { cipher: testCipher(testKeyEntry('cli-lost')) });
      const orphan = await stores.evaluations.create({ ownerId: 'u9', kind: 'WRITING', submission: 'under a lost key' });
      const failed = await keys(['rotate'], env(KEY_B));
      assert.equal(failed.code, 1);
      assert.match(failed.stderr, /1 value\(s\) are under key id "cli-lost", which is not configured/);
      assert.match(failed.stdout, new RegExp(`FAILED  Evaluation\\.submission row ${orphan.id}: UNKNOWN_KEY_ID`));
      const report = await status(KEY_B);
      assert.deepEqual(report.totals.byKeyId, { 'cli-b': 5, 'cli-lost': 1 });
      assert.match((await keys(['status'], env(KEY_B))).stdout, /cli-lost \(NOT CONFIGURED\)/);
    });
  });
}
