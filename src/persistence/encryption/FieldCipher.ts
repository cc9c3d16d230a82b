import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { columnName, type ColumnRef } from './encryptedColumns.js';
import { KEY_ID_PATTERN, type Keyring } from './Keyring.js';

/**
 * The stored format, version 1:
 *
 *     enc:v1:<keyId>:<base64url( iv (12 bytes) | ciphertext | tag (16 bytes) )>
 *
 * AES-256-GCM (node:crypto), a fresh random 96-bit IV per value, a 128-bit tag. The associated data is
 * `oet-ai-engine/enc:v1/<keyId>/<Table>.<column>`: a value decrypts only in the column it was written to and only
 * under the key id its header names. A value without the `enc:` prefix is a plaintext row written before
 * encryption existed: it is read as is and encrypted by `keys rotate`.
 */
export const ENVELOPE_PREFIX = 'enc:';
export const ENVELOPE_V1 = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ALGORITHM = 'aes-256-gcm';

export type DecryptionFailure =
  /** The header names a key id this process has not been given. */
  | 'UNKNOWN_KEY_ID'
  /** The tag did not verify: the value was altered or moved, or the key under that id is not the one that wrote it. */
  | 'AUTHENTICATION_FAILED'
  /** Not a v1 envelope (truncated, bad base64, unknown version). */
  | 'MALFORMED';

/**
 * A stored value that cannot be decrypted. Internal (clients see INTERNAL_SERVER_ERROR); the message names the
 * column, the row and the key id, never the value.
 */
export class DecryptionError extends Error {
  readonly reason: DecryptionFailure;
  readonly column: string;
  readonly rowId: string | undefined;
  readonly keyId: string | undefined;

  constructor(reason: DecryptionFailure, column: string, rowId: string | undefined, keyId: string | undefined) {
    const where = `${column}${rowId === undefined ? '' : ` of row ${rowId}`}`;
    const messages: Record<DecryptionFailure, string> = {
      UNKNOWN_KEY_ID:
        `${where} is encrypted under key id "${keyId}", which is not configured: add that key back to ` +
        'OET_ENCRYPTION_KEYS (after the active key), then run "npm run keys -- rotate" to re-encrypt under the active key.',
      AUTHENTICATION_FAILED:
        `${where} failed authentication under key id "${keyId}": either the key configured as "${keyId}" is not the ` +
        'key that encrypted it, or the stored value was altered or copied from another column.',
      MALFORMED: `${where} is not a valid encrypted value (expected "${ENVELOPE_V1}<keyId>:<base64url>"): it was altered or truncated.`,
    };
    super(messages[reason]);
    this.name = 'DecryptionError';
    this.reason = reason;
    this.column = column;
    this.rowId = rowId;
    this.keyId = keyId;
  }
}

/** Encrypts and decrypts column values with a keyring. Stateless apart from the keys; safe to share. */
export class FieldCipher {
  readonly #keyring: Keyring;

  constructor(keyring: Keyring) {
    this.#keyring = keyring;
  }

  get activeKeyId(): string {
    return this.#keyring.activeKeyId;
  }

  get keyring(): Keyring {
    return this.#keyring;
  }

  /** The envelope of `plaintext` for `column`, under the active key. */
  encrypt(column: ColumnRef, plaintext: string): string {
    const keyId = this.#keyring.activeKeyId;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#keyring.key(keyId)!, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(keyId, column));
    const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return `${ENVELOPE_V1}${keyId}:${body.toString('base64url')}`;
  }

  encryptNullable(column: ColumnRef, plaintext: string | null): string | null {
    return plaintext === null ? null : this.encrypt(column, plaintext);
  }

  /**
   * The plaintext of a stored value. Legacy plaintext (no `enc:` prefix) is returned unchanged; anything that
   * claims to be encrypted and does not verify throws DecryptionError.
   */
  decrypt(column: ColumnRef, stored: string, rowId?: string): string {
    const name = columnName(column);
    const envelope = parseEnvelope(stored);
    if (envelope === null) return stored;
    if (envelope === 'malformed') throw new DecryptionError('MALFORMED', name, rowId, undefined);
    const key = this.#keyring.key(envelope.keyId);
    if (key === undefined) throw new DecryptionError('UNKNOWN_KEY_ID', name, rowId, envelope.keyId);
    const { body } = envelope;
    if (body.length < IV_BYTES + TAG_BYTES) throw new DecryptionError('MALFORMED', name, rowId, envelope.keyId);
    const decipher = createDecipheriv(ALGORITHM, key, body.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    decipher.setAAD(associatedData(envelope.keyId, column));
    const ciphertext = body.subarray(IV_BYTES, body.length - TAG_BYTES);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('AUTHENTICATION_FAILED', name, rowId, envelope.keyId);
    }
  }

  decryptNullable(column: ColumnRef, stored: string | null, rowId?: string): string | null {
    return stored === null ? null : this.decrypt(column, stored, rowId);
  }

  /** True when `stored` is already an envelope under the active key (rotation skips it). */
  isCurrent(stored: string | null): boolean {
    return stored === null || stored.startsWith(`${ENVELOPE_V1}${this.#keyring.activeKeyId}:`);
  }
}

/** The key id in a stored value's header; null for legacy plaintext; 'malformed' for a broken envelope. */
export function keyIdOf(stored: string): string | null | 'malformed' {
  const envelope = parseEnvelope(stored);
  return envelope === null || envelope === 'malformed' ? envelope : envelope.keyId;
}

/** The prefix every value encrypted under `keyId` starts with (prefix queries in status and rotation). */
export function envelopePrefix(keyId: string): string {
  return `${ENVELOPE_V1}${keyId}:`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

function parseEnvelope(stored: string): { keyId: string; body: Buffer } | null | 'malformed' {
  if (!stored.startsWith(ENVELOPE_PREFIX)) return null;
  if (!stored.startsWith(ENVELOPE_V1)) return 'malformed';
  const rest = stored.slice(ENVELOPE_V1.length);
  const colon = rest.indexOf(':');
  if (colon <= 0) return 'malformed';
  const keyId = rest.slice(0, colon);
  const encoded = rest.slice(colon + 1);
  // A header that is not a key id is not echoed into error messages: it could be anything.
  if (!KEY_ID_PATTERN.test(keyId) || !BASE64URL.test(encoded)) return 'malformed';
  return { keyId, body: Buffer.from(encoded, 'base64url') };
}

function associatedData(keyId: string, column: ColumnRef): Buffer {
  return Buffer.from(`oet-ai-engine/${ENVELOPE_V1.slice(0, -1)}/${keyId}/${columnName(column)}`, 'utf8');
}
