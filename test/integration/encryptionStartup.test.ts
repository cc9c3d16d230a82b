import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { createEngine } from '../../src/composition/createEngine.js';
import { runKeysCli } from '../../src/cli/keys.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { EncryptionKeyError } from '../../src/persistence/index.js';
import { testKeyEntry } from '../support/encryptionKeys.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { repoRoot, sharedModelsDir } from '../support/paths.js';
import { startTestEngine } from '../support/startTestEngine.js';
import { roleTokens, TEST_JWT_SECRET } from '../support/tokens.js';
import { createTestDatabase, providersUnderTest } from '../persistence/support/testDatabases.js';

const run = promisify(execFile);
const KEY_A = testKeyEntry('start-a');
const KEY_B = testKeyEntry('start-b');
const SUBMIT = 'mutation($s: String!) { submitEvaluation(input: { kind: WRITING, submission: $s }) { id } }';

/** A logger whose JSON lines are kept in memory. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger('info', stream) };
}

/** createEngine's rejection for these settings (it must not start). */
async function startFailure(env: Record<string, string>): Promise<unknown> {
  const config = loadConfig({ PORT: '0', JWT_SECRET: TEST_JWT_SECRET, OET_MODELS_DIR: sharedModelsDir, OET_KNOWLEDGE_PRELOAD: 'false', LOG_LEVEL: 'silent', ...env });
  return createEngine(config, { logger: createLogger('silent') }).then(
    async (engine) => {
      await engine.stop();
      assert.fail('the engine started');
    },
    (error: unknown) => error,
  );
}

describe('start-up without keys', () => {
  it('development: generates a key beside the SQLite database (0600), warns, and reads its data back after a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-devstart-'));
    const databaseUrl = `file:${path.join(dir, 'engine.db')}`;
    const tokens = await roleTokens();
    try {
      const log = capturedLogger();
      const first = await startTestEngine({ DATABASE_URL: databaseUrl, OET_ENCRYPTION_KEYS: '' }, { logger: log.logger });
      let id: string;
      try {
        const created = await postGraphQL<{ submitEvaluation: { id: string } }>(first.graphqlUrl, SUBMIT, { token: tokens.LEARNER, variables: { s: 'Dear Dr Rao,' } });
        id = created.data!.submitEvaluation.id;
      } finally {
        await first.stop();
      }
      const keyFile = path.join(dir, 'dev-encryption.key');
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      const warning = log.lines.map((l) => JSON.parse(l) as { level: number; msg: string; keyFile?: string }).find((l) => /DEVELOPMENT ENCRYPTION KEY/.test(l.msg));
      assert.equal(warning?.level, 40, 'a warning');
      assert.equal(warning?.keyFile, keyFile);

      const second = await startTestEngine({ DATABASE_URL: databaseUrl, OET_ENCRYPTION_KEYS: '' });
      try {
        const read = await postGraphQL<{ evaluation: { submission: string } }>(second.graphqlUrl, `{ evaluation(id: "${id}") { submission } }`, { token: tokens.LEARNER });
        assert.equal(read.data?.evaluation.submission, 'Dear Dr Rao,');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('production: refuses before touching the database, and `npm start` exits 2 with a message naming the variable', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-prodstart-'));
    try {
      const databaseUrl = `file:${path.join(dir, 'engine.db')}`;
      const error = await startFailure({ NODE_ENV: 'production', DATABASE_URL: databaseUrl });
      assert.ok(error instanceof EncryptionKeyError && error.reason === 'NO_KEY_IN_PRODUCTION');
      assert.equal(existsSync(path.join(dir, 'engine.db')), false, 'no database created');
      assert.equal(existsSync(path.join(dir, 'dev-encryption.key')), false, 'no development key in production');

      const main = path.join(repoRoot, 'dist/src/main.js');
      const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, OET_ENCRYPTION_KEYS: '', PORT: '0', LOG_LEVEL: 'silent' };
      const refused = await run(process.execPath, [main], { env }).then(() => assert.fail('main started'), (e: { code: number; stderr: string }) => e);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /^OET_ENCRYPTION_KEYS is not set and NODE_ENV=production: refusing to run without an encryption key/);
      assert.doesNotMatch(refused.stderr, /\n\s+at /, 'a message, not a stack');
      const short = randomBytes(24).toString('base64');
      const malformed = await run(process.execPath, [main], { env: { ...env, OET_ENCRYPTION_KEYS: `k1:${short}` } }).then(() => assert.fail('main started'), (e: { code: number; stderr: string }) => e);
      assert.equal(malformed.code, 2);
      assert.match(malformed.stderr, /OET_ENCRYPTION_KEYS, entry 1 of 1 \(key id "k1"\): the key is 24 bytes/);
      assert.ok(!malformed.stderr.includes(short), 'the key is never printed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const provider of providersUnderTest) {
  describe(`start-up key checks (${provider})`, () => {
    it('a wrong key or a removed key stops the start; rotation with both keys, then the new key alone, reads everything', async () => {
      const db = await createTestDatabase(provider, 'keystart');
      const tokens = await roleTokens();
      try {
        const first = await startTestEngine({ DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: KEY_A });
        const ids: string[] = [];
        try {
          for (const s of ['Dear Dr Adeyemi,', 'Dear Nurse Byrne,']) {
            ids.push((await postGraphQL<{ submitEvaluation: { id: string } }>(first.graphqlUrl, SUBMIT, { token: tokens.LEARNER, variables: { s } })).data!.submitEvaluation.id);
          }
        } finally {
          await first.stop();
        }

        const wrong = await startFailure({ DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: `start-a:${randomBytes(32).toString('base64')}` });
        assert.ok(wrong instanceof EncryptionKeyError, String(wrong));
        assert.equal(wrong.reason, 'WRONG_KEY');
        assert.match(wrong.message, /the key configured as "start-a" is not the key that encrypted/);

        const removed = await startFailure({ DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: KEY_B });
        assert.ok(removed instanceof EncryptionKeyError);
        assert.equal(removed.reason, 'MISSING_KEY');
        assert.match(removed.message, /does not hold key id "start-a" \(2 values\)/);

        // The procedure: new key first with the old one kept, restart, rotate, then drop the old key.
        const both = await startTestEngine({ DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}` });
        try {
          ids.push((await postGraphQL<{ submitEvaluation: { id: string } }>(both.graphqlUrl, SUBMIT, { token: tokens.LEARNER, variables: { s: 'Dear Dr Chen,' } })).data!.submitEvaluation.id);
        } finally {
          await both.stop();
        }
        let out = '';
        const code = await runKeysCli(['rotate'], { stdout: { write: (t: string) => (out += t) }, stderr: { write: () => true }, env: { DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: `${KEY_B},${KEY_A}` }, cwd: process.cwd() });
        assert.equal(code, 0, out);
        assert.match(out, /re-encrypted from older keys: 2\n/);

        const onlyB = await startTestEngine({ DATABASE_URL: db.url, OET_ENCRYPTION_KEYS: KEY_B });
        try {
          const mine = await postGraphQL<{ evaluations: { id: string; submission: string }[] }>(onlyB.graphqlUrl, '{ evaluations { id submission } }', { token: tokens.LEARNER });
          assert.equal(mine.errors, undefined);
          expect(mine.data?.evaluations.map((e) => e.submission).sort()).toEqual(['Dear Dr Adeyemi,', 'Dear Dr Chen,', 'Dear Nurse Byrne,']);
        } finally {
          await onlyB.stop();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
