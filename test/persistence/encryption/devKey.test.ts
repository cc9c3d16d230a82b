import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, test } from '@jest/globals';
import { EncryptionKeyError, FieldCipher, Keyring, resolveKeyring, defaultDevKeyFile } from '../../../src/persistence/index.js';
import { testKeyEntry } from '../../support/encryptionKeys.js';

const COLUMN = { table: 'Evaluation', column: 'submission' } as const;

describe('resolveKeyring: where the keys come from', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-devkey-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const capture = () => {
    const lines: { details: Record<string, unknown>; message: string }[] = [];
    return { lines, logger: { warn: (details: Record<string, unknown>, message: string) => lines.push({ details, message }) } };
  };

  test('development, no key: generates one beside the SQLite database (0600), warns loudly, and reuses it next time', () => {
    const dir = tempDir();
    const where = { databaseUrl: `file:${path.join(dir, 'db', 'engine.db')}`, dataDir: path.join(dir, 'data') };
    const first = capture();
    const created = resolveKeyring({ keyring: undefined, production: false, devKeyFile: undefined }, where, first.logger);
    assert.equal(created.source, 'development-key-file');
    assert.ok(created.source === 'development-key-file' && created.created);
    const file = path.join(dir, 'db', 'dev-encryption.key');
    assert.equal(created.source === 'development-key-file' && created.file, file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^# OET AI Engine DEVELOPMENT encryption key/);
    assert.match(text, /\ndev-\d{8}-[0-9a-f]{4}:[A-Za-z0-9+/]{43}=\n$/);
    assert.equal(first.lines.length, 1);
    assert.match(first.lines[0]!.message, /^DEVELOPMENT ENCRYPTION KEY in use/);
    assert.deepEqual(first.lines[0]!.details, { keyFile: file, keyId: created.keyring.activeKeyId, created: true });
    assert.ok(!JSON.stringify(first.lines).includes(text.trim().split('\n').pop()!.split(':')[1]!), 'the key itself is never logged');

    const second = capture();
    const reused = resolveKeyring({ keyring: undefined, production: false, devKeyFile: undefined }, where, second.logger);
    assert.equal(reused.source === 'development-key-file' && reused.created, false);
    assert.equal(reused.keyring.activeKeyId, created.keyring.activeKeyId);
    const stored = new FieldCipher(created.keyring).encrypt(COLUMN, 'Dear Dr Patel');
    assert.equal(new FieldCipher(reused.keyring).decrypt(COLUMN, stored), 'Dear Dr Patel', 'the same key');
    assert.match(second.lines[0]!.message, /DEVELOPMENT ENCRYPTION KEY/, 'warned on every start, not only the first');
  });

  test('production without OET_ENCRYPTION_KEYS refuses, even when a development key file exists', () => {
    const dir = tempDir();
    const where = { databaseUrl: `file:${path.join(dir, 'engine.db')}`, dataDir: dir };
    resolveKeyring({ keyring: undefined, production: false, devKeyFile: undefined }, where, capture().logger);
    assert.throws(() => resolveKeyring({ keyring: undefined, production: true, devKeyFile: undefined }, where, capture().logger), (error: unknown) => {
      assert.ok(error instanceof EncryptionKeyError);
      assert.equal(error.reason, 'NO_KEY_IN_PRODUCTION');
      assert.match(error.message, /^OET_ENCRYPTION_KEYS is not set and NODE_ENV=production: refusing to run/);
      assert.match(error.message, /npm run keys -- generate/);
      return true;
    });
  });

  test('OET_ENCRYPTION_KEYS wins and no file is written; OET_DEV_KEY_FILE and PostgreSQL (data directory) locations', () => {
    const dir = tempDir();
    const keyring = Keyring.parse(testKeyEntry('env-a'), 'OET_ENCRYPTION_KEYS');
    const fromEnv = resolveKeyring({ keyring, production: true, devKeyFile: undefined }, { databaseUrl: `file:${path.join(dir, 'x.db')}`, dataDir: dir }, capture().logger);
    assert.equal(fromEnv.source, 'environment');
    assert.equal(existsSync(path.join(dir, 'dev-encryption.key')), false);

    const custom = path.join(dir, 'secrets', 'my.key');
    const configured = resolveKeyring({ keyring: undefined, production: false, devKeyFile: custom }, { databaseUrl: 'file:./ignored.db', dataDir: dir }, capture().logger);
    assert.equal(configured.source === 'development-key-file' && configured.file, custom);
    assert.equal(statSync(custom).mode & 0o777, 0o600);
    assert.equal(defaultDevKeyFile('postgresql://u@h/db?schema=s', '/srv/oet/data'), '/srv/oet/data/dev-encryption.key');
    assert.equal(defaultDevKeyFile('file:/var/lib/oet/engine.db', '/srv/oet/data'), '/var/lib/oet/dev-encryption.key');
  });

  test('a damaged development key file is a DEV_KEY_FILE error that does not echo its content; a readable-by-all file is warned about', () => {
    const dir = tempDir();
    const file = path.join(dir, 'dev-encryption.key');
    writeFileSync(file, 'dev-1:c2hvcnQ=\n', { mode: 0o600 });
    assert.throws(() => resolveKeyring({ keyring: undefined, production: false, devKeyFile: file }, { databaseUrl: 'file:x.db', dataDir: dir }, capture().logger), (error: unknown) => {
      assert.ok(error instanceof EncryptionKeyError);
      assert.equal(error.reason, 'DEV_KEY_FILE');
      assert.match(error.message, /the development key file .*dev-encryption\.key, entry 1 of 1 \(key id "dev-1"\): the key is 5 bytes/);
      assert.doesNotMatch(error.message, /c2hvcnQ/);
      return true;
    });
    writeFileSync(file, `${testKeyEntry('dev-2')}\n`);
    chmodSync(file, 0o644);
    const log = capture();
    resolveKeyring({ keyring: undefined, production: false, devKeyFile: file }, { databaseUrl: 'file:x.db', dataDir: dir }, log.logger);
    assert.ok(log.lines.some((l) => /readable by other users: chmod 600/.test(l.message) && l.details.mode === '644'));
  });
});
