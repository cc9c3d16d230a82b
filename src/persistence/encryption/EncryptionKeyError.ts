export type EncryptionKeyProblem =
  /** NODE_ENV=production and OET_ENCRYPTION_KEYS is unset. */
  | 'NO_KEY_IN_PRODUCTION'
  /** A configured key id decrypts nothing it wrote: the key material under that id is not the original. */
  | 'WRONG_KEY'
  /** Stored values are encrypted under a key id that is not configured. */
  | 'MISSING_KEY'
  /** The development key file cannot be read, written or parsed. */
  | 'DEV_KEY_FILE';

/**
 * The service cannot use its encryption keys: a start-up error (main prints the message and exits 2), never shown
 * to API clients. Messages name variables, files and key ids, never key material or stored text.
 */
export class EncryptionKeyError extends Error {
  readonly reason: EncryptionKeyProblem;

  constructor(reason: EncryptionKeyProblem, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EncryptionKeyError';
    this.reason = reason;
  }
}
