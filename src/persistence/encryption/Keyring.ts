import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';

/** AES-256: every key is exactly this many random bytes. */
export const KEY_BYTES = 32;

/**
 * Key ids are labels written in clear into every stored value (`enc:v1:<keyId>:…`). Lower-case letters, digits and
 * hyphens only: no ":" (the separator), no LIKE wildcards ("_", "%") and no case folding, so a prefix query for one
 * key id can never match another on either database.
 */
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

// Standard or URL-safe base64, padding optional. Buffer.from(…, 'base64') silently skips anything else, so the
// characters are checked first.
const BASE64 = /^(?:[A-Za-z0-9+/]+|[A-Za-z0-9_-]+)={0,2}$/;

/** A key list that cannot be used: wrong format, wrong length, duplicate id. The message never contains key material. */
export class KeyringFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyringFormatError';
  }
}

/**
 * The encryption keys, by id; the first is the active key (new values are encrypted with it), the others only
 * decrypt. Key material lives in private fields: neither JSON.stringify nor util.inspect (hence no logger) can show it.
 */
export class Keyring {
  readonly activeKeyId: string;
  readonly #keys: ReadonlyMap<string, KeyObject>;

  private constructor(keys: ReadonlyMap<string, KeyObject>) {
    this.#keys = keys;
    this.activeKeyId = [...keys.keys()][0]!;
  }

  /**
   * Parses `<keyId>:<base64 of 32 bytes>` entries separated by commas or newlines, the active key first.
   * `source` names where the text came from (an environment variable, a file) in error messages.
   */
  static parse(text: string, source: string): Keyring {
    const entries = text
      .split(/[,\n]/)
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (entries.length === 0) throw new KeyringFormatError(`${source} holds no key: expected "<keyId>:<base64 of ${KEY_BYTES} bytes>", the active key first.`);
    const keys = new Map<string, KeyObject>();
    entries.forEach((entry, index) => {
      const where = `${source}, entry ${index + 1} of ${entries.length}`;
      const colon = entry.indexOf(':');
      // The id is echoed only once it is known to be an id: a pasted key without its id must not reach a log.
      if (colon < 0) throw new KeyringFormatError(`${where} has no key id: expected "<keyId>:<base64 of ${KEY_BYTES} bytes>".`);
      const id = entry.slice(0, colon);
      const encoded = entry.slice(colon + 1);
      if (!KEY_ID_PATTERN.test(id)) {
        throw new KeyringFormatError(`${where}: the key id must be 1–32 lower-case letters, digits or hyphens, starting with a letter or digit (e.g. "k2026a").`);
      }
      if (keys.has(id)) throw new KeyringFormatError(`${where}: key id "${id}" appears twice.`);
      if (!BASE64.test(encoded)) throw new KeyringFormatError(`${where} (key id "${id}"): the key is not base64.`);
      const bytes = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64');
      if (bytes.length !== KEY_BYTES) {
        throw new KeyringFormatError(
          `${where} (key id "${id}"): the key is ${bytes.length} bytes after base64 decoding; AES-256 needs exactly ${KEY_BYTES} random bytes. ` +
            'Generate one with "npm run keys -- generate".',
        );
      }
      keys.set(id, createSecretKey(bytes));
      bytes.fill(0);
    });
    return new Keyring(keys);
  }

  /** Every configured key id, the active one first. */
  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  /** The key for `keyId`, or undefined when it is not configured. For the cipher only. */
  key(keyId: string): KeyObject | undefined {
    return this.#keys.get(keyId);
  }

  toJSON(): { activeKeyId: string; keyIds: readonly string[] } {
    return { activeKeyId: this.activeKeyId, keyIds: this.keyIds };
  }

  [inspect.custom](): string {
    return `Keyring { active: ${this.activeKeyId}, keys: [${this.keyIds.join(', ')}] }`;
  }
}

/** A new random key as one keyring entry, `<keyId>:<base64>`: paste it first in OET_ENCRYPTION_KEYS to make it active. */
export function generateKeyEntry(keyId: string = defaultKeyId()): string {
  if (!KEY_ID_PATTERN.test(keyId)) throw new KeyringFormatError(`"${keyId}" is not a valid key id: 1–32 lower-case letters, digits or hyphens.`);
  return `${keyId}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

/** `k<yyyymmdd>-<4 hex>`: sorts by creation date, unlikely to collide. */
export function defaultKeyId(prefix = 'k', now = new Date()): string {
  return `${prefix}${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(2).toString('hex')}`;
}
