import type { PrismaStoreClient } from '../prismaClients.js';
import { envelopePrefix, ENVELOPE_PREFIX } from './FieldCipher.js';
import type { EncryptedColumn, EncryptedTable } from './encryptedColumns.js';

/** A row of an encrypted table as the key tools read it: its id and its encrypted columns (null where empty). */
export type EncryptedRow = { id: string } & Record<string, string | null>;

/**
 * The part of a Prisma model delegate the key tools use, typed loosely because they address columns by name from
 * ENCRYPTED_COLUMNS. The stores keep their fully typed delegates.
 */
export interface EncryptedRowDelegate {
  count(args: { where?: object }): Promise<number>;
  findMany(args: { where?: object; select: object; orderBy?: object | object[]; take?: number }): Promise<EncryptedRow[]>;
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
}

export function rowsOf(prisma: PrismaStoreClient, table: EncryptedTable): EncryptedRowDelegate {
  switch (table) {
    case 'Evaluation':
      return prisma.evaluation as unknown as EncryptedRowDelegate;
    case 'MedicalEntity':
      return prisma.medicalEntity as unknown as EncryptedRowDelegate;
    case 'SafetyReport':
      return prisma.safetyReport as unknown as EncryptedRowDelegate;
  }
}

/** `select` of the id and the given columns. */
export function selectColumns(columns: readonly EncryptedColumn[]): Record<string, true> {
  return Object.fromEntries([['id', true], ...columns.map((c) => [c.column, true])]);
}

/** Values of `column` encrypted under `keyId` (key ids hold no LIKE wildcards and no upper case: see KEY_ID_PATTERN). */
export function underKey(column: EncryptedColumn, keyId: string): object {
  return { [column.column]: { startsWith: envelopePrefix(keyId) } };
}

/** Values of `column` NOT encrypted under `keyId`: plaintext, or another key (nulls excluded). */
export function notUnderKey(column: EncryptedColumn, keyId: string): object {
  return { AND: [presentIn(column), { NOT: underKey(column, keyId) }] };
}

/** Legacy plaintext values of `column` (nulls excluded). */
export function plaintextIn(column: EncryptedColumn): object {
  return { AND: [presentIn(column), { NOT: { [column.column]: { startsWith: ENVELOPE_PREFIX } } }] };
}

/** Non-null values of `column` (Prisma refuses `not: null` on a required column: no condition there). */
export function presentIn(column: EncryptedColumn): object {
  return column.nullable ? { [column.column]: { not: null } } : {};
}
