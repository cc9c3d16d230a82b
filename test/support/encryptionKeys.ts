import { createHash } from 'node:crypto';
import { FieldCipher, Keyring } from '../../src/persistence/encryption/index.js';

/** A fixed, obviously fake key for tests (32 bytes derived from a label): never use outside tests. */
export function testKeyEntry(keyId: string): string {
  return `${keyId}:${createHash('sha256').update(`oet-ai-engine test key ${keyId}`).digest('base64')}`;
}

/** OET_ENCRYPTION_KEYS for tests: one key, `test-a`. */
export const TEST_ENCRYPTION_KEYS = testKeyEntry('test-a');

/** A cipher over TEST_ENCRYPTION_KEYS, or over the given keyring text. */
export function testCipher(keys: string = TEST_ENCRYPTION_KEYS): FieldCipher {
  return new FieldCipher(Keyring.parse(keys, 'test keys'));
}
