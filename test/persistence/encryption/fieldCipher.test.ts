import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, test } from '@jest/globals';
import { loadConfig, ConfigError } from '../../../src/config.js';
import {
  DecryptionError,
  ENCRYPTED_COLUMNS,
  FieldCipher,
  generateKeyEntry,
  Keyring,
  KeyringFormatError,
  keyIdOf,
} from '../../../src/persistence/encryption/index.js';
import { testKeyEntry } from '../../support/encryptionKeys.js';

const [SUBMISSION, TASK_REF, ENTITY_TEXT, FINDINGS] = ENCRYPTED_COLUMNS;
const A = testKeyEntry('k-a');
const B = testKeyEntry('k-b');
const cipherOf = (keys: string) => new FieldCipher(Keyring.parse(keys, 'OET_ENCRYPTION_KEYS'));
const TEXT = 'Re: Mrs Amelia Hart, NHS 943 476 5919, DOB 14/07/1962 — “chest pain” ✓';

/** Flips one bit of the decoded body at `index` (negative: from the end) and re-encodes the envelope. */
function flip(stored: string, index: number): string {
  const cut = stored.lastIndexOf(':') + 1;
  const body = Buffer.from(stored.slice(cut), 'base64url');
  body[(index + body.length) % body.length]! ^= 0x01;
  return stored.slice(0, cut) + body.toString('base64url');
}

describe('FieldCipher: the enc:v1 format', () => {
  test('round-trips Unicode text, an empty string and long text under the active key', () => {
    const cipher = cipherOf(`${A},${B}`);
    for (const text of [TEXT, '', 'x'.repeat(20_000)]) {
      const stored = cipher.encrypt(SUBMISSION, text);
      assert.match(stored, /^enc:v1:k-a:[A-Za-z0-9_-]+$/);
      assert.equal(keyIdOf(stored), 'k-a');
      assert.equal(cipher.decrypt(SUBMISSION, stored), text);
    }
  });

  test('a fresh IV each time: the same text never encrypts the same way', () => {
    const cipher = cipherOf(A);
    const values = new Set(Array.from({ length: 50 }, () => cipher.encrypt(SUBMISSION, TEXT)));
    assert.equal(values.size, 50);
    const body = Buffer.from([...values][0]!.split(':')[3]!, 'base64url');
    assert.equal(body.length, 12 + Buffer.byteLength(TEXT) + 16, 'iv | ciphertext | tag');
    assert.ok(!body.includes(Buffer.from('Amelia')), 'no plaintext inside');
  });

  test('any flipped bit (iv, ciphertext or tag) fails authentication with a message naming column, row and key id only', () => {
    const cipher = cipherOf(A);
    const stored = cipher.encrypt(SUBMISSION, TEXT);
    for (const index of [0, 11, 12, 20, -17, -1]) {
      assert.throws(() => cipher.decrypt(SUBMISSION, flip(stored, index), 'row-1'), (error: unknown) => {
        assert.ok(error instanceof DecryptionError);
        assert.equal(error.reason, 'AUTHENTICATION_FAILED');
        assert.match(error.message, /Evaluation\.submission of row row-1 failed authentication under key id "k-a"/);
        assert.doesNotMatch(error.message, /Amelia|943/);
        return true;
      });
    }
  });

  test('a value moved to another column (or table) does not decrypt: the column is bound in', () => {
    const cipher = cipherOf(A);
    const stored = cipher.encrypt(SUBMISSION, TEXT);
    for (const other of [TASK_REF!, ENTITY_TEXT!, FINDINGS!]) {
      assert.throws(() => cipher.decrypt(other, stored), { name: 'DecryptionError', reason: 'AUTHENTICATION_FAILED' });
    }
  });

  test('a header rewritten to another configured key id fails; a truncated or foreign value is MALFORMED', () => {
    const cipher = cipherOf(`${A},${B}`);
    const stored = cipher.encrypt(SUBMISSION, TEXT);
    assert.throws(() => cipher.decrypt(SUBMISSION, stored.replace('enc:v1:k-a:', 'enc:v1:k-b:')), { reason: 'AUTHENTICATION_FAILED' });
    for (const broken of ['enc:v2:k-a:AAAA', 'enc:v1:k-a:', 'enc:v1:k-a:AAAA', 'enc:v1:k-a:not base64!', 'enc:v1:John Smith:AAAA', 'enc:']) {
      assert.throws(() => cipher.decrypt(SUBMISSION, broken, 'r'), (error: unknown) => {
        assert.ok(error instanceof DecryptionError && error.reason === 'MALFORMED', broken);
        assert.doesNotMatch(error.message, /John Smith/);
        return true;
      });
    }
  });

  test('a wrong key under the same id fails authentication; an id not configured is UNKNOWN_KEY_ID', () => {
    const stored = cipherOf(A).encrypt(SUBMISSION, TEXT);
    const impostor = cipherOf(`k-a:${randomBytes(32).toString('base64')}`);
    assert.throws(() => impostor.decrypt(SUBMISSION, stored), { reason: 'AUTHENTICATION_FAILED' });
    assert.throws(() => cipherOf(B).decrypt(SUBMISSION, stored, 'r9'), (error: unknown) => {
      assert.ok(error instanceof DecryptionError);
      assert.equal(error.reason, 'UNKNOWN_KEY_ID');
      assert.match(error.message, /key id "k-a", which is not configured.*OET_ENCRYPTION_KEYS.*keys -- rotate/);
      return true;
    });
  });

  test('old keys still decrypt; only the first encrypts', () => {
    const old = cipherOf(A).encrypt(SUBMISSION, TEXT);
    const rotated = cipherOf(`${B},${A}`);
    assert.equal(rotated.decrypt(SUBMISSION, old), TEXT);
    assert.equal(keyIdOf(rotated.encrypt(SUBMISSION, TEXT)), 'k-b');
    assert.equal(rotated.isCurrent(old), false);
    assert.equal(rotated.isCurrent(rotated.encrypt(SUBMISSION, TEXT)), true);
  });

  test('legacy plaintext (no enc: prefix) reads as is; null stays null', () => {
    const cipher = cipherOf(A);
    assert.equal(cipher.decrypt(SUBMISSION, 'Dear Dr Patel'), 'Dear Dr Patel');
    assert.equal(keyIdOf('Dear Dr Patel'), null);
    assert.equal(cipher.decryptNullable(TASK_REF!, null), null);
    assert.equal(cipher.encryptNullable(TASK_REF!, null), null);
    assert.equal(cipher.isCurrent('Dear Dr Patel'), false);
  });
});

describe('Keyring: OET_ENCRYPTION_KEYS', () => {
  const key = randomBytes(32);

  test('parses entries separated by commas or newlines, the first active; standard and URL-safe base64', () => {
    const keyring = Keyring.parse(` k2026b:${key.toString('base64')} ,\nk2026a:${randomBytes(32).toString('base64url').replace(/=+$/, '')}`, 'X');
    assert.equal(keyring.activeKeyId, 'k2026b');
    assert.deepEqual(keyring.keyIds, ['k2026b', 'k2026a']);
  });

  test('never shows key material: JSON, util.inspect and errors', () => {
    const secret = key.toString('base64');
    const keyring = Keyring.parse(`k1:${secret}`, 'X');
    assert.deepEqual(JSON.parse(JSON.stringify(keyring)), { activeKeyId: 'k1', keyIds: ['k1'] });
    assert.doesNotMatch(inspect(keyring, { showHidden: true, depth: 5 }), new RegExp(secret.slice(0, 12).replace(/[+/]/g, '.')));
    assert.doesNotMatch(inspect({ config: { keyring } }, { depth: 5 }), /[A-Za-z0-9+/]{40}/);
  });

  const bad: [string, string, RegExp][] = [
    ['', 'empty', /holds no key/],
    [key.toString('base64'), 'a key without its id', /entry 1 of 1 has no key id/],
    [`K1:${key.toString('base64')}`, 'upper case id', /key id must be 1–32 lower-case/],
    [`k_1:${key.toString('base64')}`, 'underscore (a LIKE wildcard)', /key id must be/],
    [`k1:${key.toString('base64')},k1:${key.toString('base64')}`, 'a duplicate id', /"k1" appears twice/],
    [`k1:${randomBytes(31).toString('base64')}`, '31 bytes', /is 31 bytes after base64 decoding; AES-256 needs exactly 32/],
    [`k1:${randomBytes(33).toString('base64')}`, '33 bytes', /is 33 bytes/],
    [`k1:${key.toString('hex')}`, 'hex', /is 48 bytes|not base64/],
    [`k1:not*base64*at*all`, 'not base64', /the key is not base64/],
  ];
  for (const [text, label, message] of bad) {
    test(`rejects ${label} without echoing the key`, () => {
      assert.throws(() => Keyring.parse(text, 'OET_ENCRYPTION_KEYS'), (error: unknown) => {
        assert.ok(error instanceof KeyringFormatError);
        assert.match(error.message, /^OET_ENCRYPTION_KEYS/);
        assert.match(error.message, message);
        const material = text.split(',')[0]!.split(':').pop()!;
        if (material.length >= 16) assert.ok(!error.message.includes(material), 'no key material in the message');
        return true;
      });
    });
  }

  test('loadConfig: a malformed key is a ConfigError naming the variable, not the key', () => {
    const short = randomBytes(16).toString('base64');
    assert.throws(() => loadConfig({ OET_ENCRYPTION_KEYS: `k1:${short}` }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /OET_ENCRYPTION_KEYS, entry 1 of 1 \(key id "k1"\): the key is 16 bytes/);
      assert.ok(!error.message.includes(short));
      return true;
    });
    assert.equal(loadConfig({}).encryption.keyring, undefined);
    assert.equal(loadConfig({ OET_ENCRYPTION_KEYS: '  ' }).encryption.keyring, undefined, 'blank is unset');
    assert.equal(loadConfig({ NODE_ENV: 'production' }).encryption.production, true);
    assert.equal(loadConfig({ OET_ENCRYPTION_KEYS: A }).encryption.keyring?.activeKeyId, 'k-a');
  });

  test('generateKeyEntry: a fresh 32-byte key under a valid id, accepted by the parser', () => {
    const entry = generateKeyEntry();
    assert.match(entry, /^k\d{8}-[0-9a-f]{4}:[A-Za-z0-9+/]{43}=$/);
    assert.equal(Keyring.parse(entry, 'X').keyIds.length, 1);
    assert.notEqual(generateKeyEntry('x').split(':')[1], generateKeyEntry('x').split(':')[1]);
    assert.throws(() => generateKeyEntry('Bad Id'), KeyringFormatError);
  });
});
