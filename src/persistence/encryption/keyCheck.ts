import type { PrismaStoreClient } from '../prismaClients.js';
import { EncryptionKeyError } from './EncryptionKeyError.js';
import { DecryptionError, keyIdOf, type FieldCipher } from './FieldCipher.js';
import { columnName, ENCRYPTED_COLUMNS, encryptedTables, type ColumnRef } from './encryptedColumns.js';
import { rowsOf, selectColumns, underKey } from './encryptedRows.js';

/** The canary column: its values are bound to it like any encrypted column, but rotation leaves it alone. */
export const KEY_CHECK_COLUMN: ColumnRef = { table: 'EncryptionKeyCheck', column: 'checkValue' };
const KEY_CHECK_TEXT = 'oet-ai-engine key check v1';
/** Newest rows per encrypted table decrypted at start-up. */
export const DEFAULT_SAMPLE_SIZE = 20;

export interface KeyCheckReport {
  /** Configured key ids whose check row decrypted. */
  verifiedKeyIds: string[];
  /** The active key's check row was written by this check (a new key, or a new database). */
  activeKeyRegistered: boolean;
  /** Key ids that stored values (or a check row) use but that are not configured, with how many values use each. */
  missingKeys: { keyId: string; values: number }[];
  /** Check rows of unconfigured keys that no stored value uses any more: removed. */
  retiredKeyIds: string[];
  sample: {
    /** Stored values decrypted. */
    checked: number;
    /** Values still in plaintext (written before encryption): `keys rotate` encrypts them. */
    plaintext: number;
    /** Values that did not verify under a key whose check row did: those rows were altered. */
    damaged: { column: string; rowId: string; reason: string }[];
  };
}

export interface CheckKeysOptions {
  /** Newest rows per table to decrypt. Default 20; 0 skips the sample. */
  sampleSize?: number;
}

/**
 * Proves the keyring fits this database before anything is served:
 * 1. every configured key with a check row must decrypt it (else WRONG_KEY: the key under that id changed);
 * 2. the newest values of each encrypted column are decrypted (a key with no check row that fails them is WRONG_KEY);
 * 3. key ids that check rows or sampled values name but the keyring lacks are counted over all rows: data under
 *    them is reported in `missingKeys` (`assertKeysUsable` refuses it), an unused check row is removed;
 * 4. the active key's check row is written if it is new.
 * Throws EncryptionKeyError only for WRONG_KEY; the caller decides what the rest means (the service refuses
 * missing keys, `keys rotate` reports them per row).
 */
export async function checkEncryptionKeys(prisma: PrismaStoreClient, cipher: FieldCipher, options: CheckKeysOptions = {}): Promise<KeyCheckReport> {
  const keyring = cipher.keyring;
  const checks = await prisma.encryptionKeyCheck.findMany({ orderBy: { createdAt: 'asc' } });
  const verified = new Set<string>();
  const suspectIds = new Set<string>();
  for (const check of checks) {
    if (!keyring.has(check.keyId)) {
      suspectIds.add(check.keyId);
      continue;
    }
    verifyCheckRow(cipher, check.keyId, check.checkValue);
    verified.add(check.keyId);
  }

  const sample = { checked: 0, plaintext: 0, damaged: [] as KeyCheckReport['sample']['damaged'] };
  const failedUnverified = new Map<string, string>();
  const sampleSize = options.sampleSize ?? DEFAULT_SAMPLE_SIZE;
  if (sampleSize > 0) {
    for (const { table, columns } of encryptedTables()) {
      const rows = await rowsOf(prisma, table).findMany({ select: selectColumns(columns), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: sampleSize });
      for (const row of rows) {
        for (const column of columns) {
          const stored = row[column.column];
          if (stored === null || stored === undefined) continue;
          const keyId = keyIdOf(stored);
          if (keyId === null) {
            sample.plaintext++;
            continue;
          }
          if (keyId !== 'malformed' && !keyring.has(keyId)) {
            suspectIds.add(keyId);
            continue;
          }
          sample.checked++;
          try {
            cipher.decrypt(column, stored, row.id);
          } catch (error) {
            if (!(error instanceof DecryptionError)) throw error;
            if (keyId !== 'malformed' && !verified.has(keyId)) failedUnverified.set(keyId, error.message);
            else sample.damaged.push({ column: columnName(column), rowId: row.id, reason: error.reason });
          }
        }
      }
    }
  }
  for (const [keyId, message] of failedUnverified) {
    throw new EncryptionKeyError(
      'WRONG_KEY',
      `OET_ENCRYPTION_KEYS: the key configured as "${keyId}" does not decrypt the data stored under that id (${message}). ` +
        `Configure the original key for "${keyId}"; a new key needs a new id.`,
    );
  }

  const missingKeys: KeyCheckReport['missingKeys'] = [];
  const retiredKeyIds: string[] = [];
  for (const keyId of suspectIds) {
    const values = await countValuesUnderKey(prisma, keyId);
    if (values > 0) missingKeys.push({ keyId, values });
    else if (checks.some((c) => c.keyId === keyId)) {
      await prisma.encryptionKeyCheck.deleteMany({ where: { keyId } });
      retiredKeyIds.push(keyId);
    }
  }

  const activeKeyRegistered = !verified.has(keyring.activeKeyId) && (await registerActiveKey(prisma, cipher));
  verified.add(keyring.activeKeyId);
  return { verifiedKeyIds: keyring.keyIds.filter((id) => verified.has(id)), activeKeyRegistered, missingKeys, retiredKeyIds, sample };
}

/** Throws MISSING_KEY when stored values use key ids that are not configured (the service refuses to start). */
export function assertKeysUsable(report: KeyCheckReport): void {
  if (report.missingKeys.length === 0) return;
  const list = report.missingKeys.map((m) => `"${m.keyId}" (${m.values} value${m.values === 1 ? '' : 's'})`).join(', ');
  throw new EncryptionKeyError(
    'MISSING_KEY',
    `OET_ENCRYPTION_KEYS does not hold key id ${list}, under which stored data is encrypted: those rows cannot be read. ` +
      'Add the key back after the active key and run "npm run keys -- rotate" to re-encrypt them under the active key; ' +
      'only remove a key once "npm run keys -- status" shows no value under it.',
  );
}

/** How many stored values, over every encrypted column, are encrypted under `keyId`. */
export async function countValuesUnderKey(prisma: PrismaStoreClient, keyId: string): Promise<number> {
  let total = 0;
  for (const column of ENCRYPTED_COLUMNS) total += await rowsOf(prisma, column.table).count({ where: underKey(column, keyId) });
  return total;
}

/** Removes the check row of `keyId` if no stored value uses that key any more; true when removed. */
export async function retireKeyIfUnused(prisma: PrismaStoreClient, keyId: string): Promise<boolean> {
  if ((await countValuesUnderKey(prisma, keyId)) > 0) return false;
  const { count } = await prisma.encryptionKeyCheck.deleteMany({ where: { keyId } });
  return count > 0;
}

function verifyCheckRow(cipher: FieldCipher, keyId: string, checkValue: string): void {
  let text: string | undefined;
  try {
    text = cipher.decrypt(KEY_CHECK_COLUMN, checkValue, keyId);
  } catch (error) {
    if (!(error instanceof DecryptionError)) throw error;
  }
  if (text !== KEY_CHECK_TEXT) {
    throw new EncryptionKeyError(
      'WRONG_KEY',
      `OET_ENCRYPTION_KEYS: the key configured as "${keyId}" is not the key that encrypted this database's data under that id ` +
        `(its key-check row in EncryptionKeyCheck does not decrypt). Configure the original key for "${keyId}"; a new key needs a new id.`,
    );
  }
}

/** Writes the active key's check row; false when another instance wrote it first (then it is verified). */
async function registerActiveKey(prisma: PrismaStoreClient, cipher: FieldCipher): Promise<boolean> {
  const keyId = cipher.activeKeyId;
  try {
    await prisma.encryptionKeyCheck.create({ data: { keyId, checkValue: cipher.encrypt(KEY_CHECK_COLUMN, KEY_CHECK_TEXT) } });
    return true;
  } catch (error) {
    // Two instances starting with a new key at once: the loser finds the winner's row, which must verify too.
    const existing = await prisma.encryptionKeyCheck.findUnique({ where: { keyId } });
    if (existing === null) throw error;
    verifyCheckRow(cipher, keyId, existing.checkValue);
    return false;
  }
}
