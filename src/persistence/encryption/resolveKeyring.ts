import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDatabaseUrl } from '../databaseUrl.js';
import { EncryptionKeyError } from './EncryptionKeyError.js';
import { defaultKeyId, generateKeyEntry, Keyring, KeyringFormatError } from './Keyring.js';

export interface KeySettings {
  /** OET_ENCRYPTION_KEYS, parsed; undefined when unset. */
  keyring: Keyring | undefined;
  /** NODE_ENV=production: no development key, ever. */
  production: boolean;
  /** OET_DEV_KEY_FILE; undefined: `dev-encryption.key` beside the SQLite database, or in the data directory. */
  devKeyFile: string | undefined;
}

export type ResolvedKeyring =
  | { source: 'environment'; keyring: Keyring }
  | { source: 'development-key-file'; keyring: Keyring; file: string; created: boolean };

/** Where failed or noteworthy key resolution is reported (a pino Logger fits). */
export interface KeyLogger {
  warn(details: Record<string, unknown>, message: string): void;
}

const DEV_KEY_FILE_NAME = 'dev-encryption.key';

/**
 * The keyring the service runs with: OET_ENCRYPTION_KEYS when set. Otherwise, in production, an
 * EncryptionKeyError (NO_KEY_IN_PRODUCTION); in development the key in the development key file, generated on first
 * use (mode 0600), with a loud warning on every start. Never falls back to storing plaintext.
 */
export function resolveKeyring(settings: KeySettings, where: { databaseUrl: string; dataDir: string }, logger: KeyLogger): ResolvedKeyring {
  if (settings.keyring !== undefined) return { source: 'environment', keyring: settings.keyring };
  if (settings.production) {
    throw new EncryptionKeyError(
      'NO_KEY_IN_PRODUCTION',
      'OET_ENCRYPTION_KEYS is not set and NODE_ENV=production: refusing to run without an encryption key (stored text is ' +
        'encrypted at rest and a development key is never used in production). Generate one with "npm run keys -- generate" ' +
        'and set OET_ENCRYPTION_KEYS="<keyId>:<base64 key>" from your secret store.',
    );
  }
  const file = settings.devKeyFile ?? defaultDevKeyFile(where.databaseUrl, where.dataDir);
  const { keyring, created } = readOrCreateDevKey(file, logger);
  logger.warn(
    { keyFile: file, keyId: keyring.activeKeyId, created },
    'DEVELOPMENT ENCRYPTION KEY in use: OET_ENCRYPTION_KEYS is not set, so stored text is encrypted with a key kept in a local ' +
      'file. Fine on a laptop; never in production (NODE_ENV=production refuses to start without OET_ENCRYPTION_KEYS).',
  );
  return { source: 'development-key-file', keyring, file, created };
}

/** `dev-encryption.key` in the SQLite database's folder; for PostgreSQL, in the data directory. */
export function defaultDevKeyFile(databaseUrl: string, dataDir: string): string {
  let folder = dataDir;
  try {
    const target = parseDatabaseUrl(databaseUrl);
    if (target.provider === 'sqlite') folder = path.dirname(target.filename);
  } catch {
    // A bad DATABASE_URL is reported by the migrator with its own message; the key goes to the data directory.
  }
  return path.join(folder, DEV_KEY_FILE_NAME);
}

function readOrCreateDevKey(file: string, logger: KeyLogger): { keyring: Keyring; created: boolean } {
  let created = false;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const entry = generateKeyEntry(defaultKeyId('dev-'));
    const content =
      `# OET AI Engine DEVELOPMENT encryption key, generated ${new Date().toISOString()} because OET_ENCRYPTION_KEYS was not set.\n` +
      '# Not for production. To keep data encrypted with it after configuring real keys, add the line below AFTER the\n' +
      '# active key in OET_ENCRYPTION_KEYS and run "npm run keys -- rotate".\n' +
      `${entry}\n`;
    // Written whole to a private temporary file, then linked into place: link fails if the file exists, so two
    // processes starting at once keep one key (the loser reads the winner's), and no reader sees a half-written file.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temporary, content, { mode: 0o600, flag: 'wx' });
    try {
      chmodSync(temporary, 0o600);
      linkSync(temporary, file);
      created = true;
    } finally {
      rmSync(temporary, { force: true });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new EncryptionKeyError('DEV_KEY_FILE', `Could not create the development key file ${file}: ${(error as Error).message}. Set OET_ENCRYPTION_KEYS, or OET_DEV_KEY_FILE to a writable path.`, { cause: error });
    }
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      logger.warn({ keyFile: file, mode: mode.toString(8) }, 'the development key file is readable by other users: chmod 600 it');
    }
  } catch (error) {
    throw new EncryptionKeyError('DEV_KEY_FILE', `Could not read the development key file ${file}: ${(error as Error).message}.`, { cause: error });
  }
  const entries = text.split('\n').filter((line) => !line.trimStart().startsWith('#')).join('\n');
  try {
    return { keyring: Keyring.parse(entries, `the development key file ${file}`), created };
  } catch (error) {
    if (error instanceof KeyringFormatError) throw new EncryptionKeyError('DEV_KEY_FILE', `${error.message} Delete the file to generate a new key (data encrypted with the old one is then unreadable).`, { cause: error });
    throw error;
  }
}
