import type { PrismaStoreClient } from '../prismaClients.js';
import { DecryptionError, keyIdOf, type FieldCipher } from './FieldCipher.js';
import { columnName, ENCRYPTED_COLUMNS, encryptedTables, type EncryptedColumn } from './encryptedColumns.js';
import { notUnderKey, plaintextIn, presentIn, rowsOf, selectColumns, underKey, type EncryptedRow } from './encryptedRows.js';
import { retireKeyIfUnused } from './keyCheck.js';

export interface RotateOptions {
  /** Rows read and rewritten per transaction. Default 200. */
  batchSize?: number;
  /** Stops after the current batch; what is done stays done (run again to continue). */
  signal?: AbortSignal;
  /** Called after each batch with the counts so far. */
  onBatch?: (progress: RotationReport) => void;
}

export interface RotationReport {
  activeKeyId: string;
  /** Rows read that had at least one value to rewrite. */
  rowsScanned: number;
  /** Values re-encrypted from another key to the active one. */
  reencrypted: number;
  /** Legacy plaintext values encrypted. */
  encrypted: number;
  /** Rows left as they were because another writer changed them meanwhile (the next run takes them). */
  skipped: number;
  /** Values that cannot be decrypted (unknown key id, failed authentication): row ids, to investigate. */
  failed: { column: string; rowId: string; reason: string }[];
  /** Check rows removed because no value uses their key any more: those keys may now be removed from the configuration. */
  retiredKeyIds: string[];
  /** True when the signal stopped the run early. */
  interrupted: boolean;
}

const DEFAULT_BATCH = 200;

/**
 * Re-encrypts every value not under the active key (another key, or plaintext from before encryption) to the
 * active key, table by table in id order, one transaction per batch. Each row is rewritten only if its values are
 * still the ones read (compare-and-set), so a concurrent writer is never overwritten. Resumable by nature: values
 * already under the active key are never selected again, so an interrupted run continues where it stopped.
 * The caller checks the keys first (checkEncryptionKeys): this does not verify check rows.
 */
export async function rotateKeys(prisma: PrismaStoreClient, cipher: FieldCipher, options: RotateOptions = {}): Promise<RotationReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const active = cipher.activeKeyId;
  const report: RotationReport = { activeKeyId: active, rowsScanned: 0, reencrypted: 0, encrypted: 0, skipped: 0, failed: [], retiredKeyIds: [], interrupted: false };
  for (const { table, columns } of encryptedTables()) {
    const rows = rowsOf(prisma, table);
    // Rows with at least one value to rewrite, after the last id seen (failed rows stay behind the cursor).
    const needsWork = { OR: columns.map((c) => notUnderKey(c, active)) };
    let after: string | undefined;
    for (;;) {
      if (options.signal?.aborted) {
        report.interrupted = true;
        return report;
      }
      const batch = await rows.findMany({
        where: after === undefined ? needsWork : { AND: [needsWork, { id: { gt: after } }] },
        select: selectColumns(columns),
        orderBy: { id: 'asc' },
        take: batchSize,
      });
      if (batch.length === 0) break;
      after = batch[batch.length - 1]!.id;
      const updates = batch.flatMap((row) => {
        report.rowsScanned++;
        const rewritten = rewriteRow(cipher, columns, row, report);
        return rewritten === null ? [] : [rows.updateMany({ where: rewritten.where, data: rewritten.data })];
      });
      if (updates.length > 0) {
        const results = await prisma.$transaction(updates as never[]) as { count: number }[];
        report.skipped += results.filter((r) => r.count === 0).length;
      }
      options.onBatch?.({ ...report, failed: [...report.failed] });
      if (batch.length < batchSize) break;
    }
  }
  if (report.failed.length === 0 && report.skipped === 0) {
    // Keys nothing uses any more lose their check row, so the service stops insisting they be configured.
    const others = await prisma.encryptionKeyCheck.findMany({ where: { keyId: { not: active } }, select: { keyId: true } });
    for (const { keyId } of others) if (await retireKeyIfUnused(prisma, keyId)) report.retiredKeyIds.push(keyId);
  }
  return report;
}

function rewriteRow(cipher: FieldCipher, columns: readonly EncryptedColumn[], row: EncryptedRow, report: RotationReport) {
  const data: Record<string, string> = {};
  const where: Record<string, string | null> = { id: row.id };
  let plaintexts = 0;
  let others = 0;
  for (const column of columns) {
    const stored = row[column.column] ?? null;
    where[column.column] = stored;
    if (cipher.isCurrent(stored)) continue;
    try {
      data[column.column] = cipher.encrypt(column, cipher.decrypt(column, stored!, row.id));
    } catch (error) {
      // Left as it is; the row's other values are still rotated.
      if (!(error instanceof DecryptionError)) throw error;
      report.failed.push({ column: columnName(column), rowId: row.id, reason: error.reason });
      continue;
    }
    if (keyIdOf(stored!) === null) plaintexts++;
    else others++;
  }
  if (Object.keys(data).length === 0) return null;
  report.encrypted += plaintexts;
  report.reencrypted += others;
  return { where, data };
}

export interface ColumnKeyStatus {
  column: string;
  /** Non-null values. */
  total: number;
  /** Values per key id (configured or not). */
  byKeyId: Record<string, number>;
  /** Legacy plaintext values. */
  plaintext: number;
}

export interface KeyStatusReport {
  activeKeyId: string;
  configuredKeyIds: readonly string[];
  /** Key ids with a check row (keys that encrypted data here and have not been retired). */
  registeredKeyIds: string[];
  columns: ColumnKeyStatus[];
  /** Sum over the columns, per key id. */
  totals: { byKeyId: Record<string, number>; plaintext: number; total: number };
}

/** Values per key id and plaintext values, per encrypted column (counts, plus a scan of values under unexpected ids). */
export async function keyStatus(prisma: PrismaStoreClient, cipher: FieldCipher): Promise<KeyStatusReport> {
  const registered = (await prisma.encryptionKeyCheck.findMany({ orderBy: { createdAt: 'asc' }, select: { keyId: true } })).map((c) => c.keyId);
  const known = [...new Set([...cipher.keyring.keyIds, ...registered])];
  const columns: ColumnKeyStatus[] = [];
  for (const column of ENCRYPTED_COLUMNS) {
    const rows = rowsOf(prisma, column.table);
    const total = await rows.count({ where: presentIn(column) });
    const plaintext = await rows.count({ where: plaintextIn(column) });
    const byKeyId: Record<string, number> = {};
    let counted = plaintext;
    for (const keyId of known) {
      const n = await rows.count({ where: underKey(column, keyId) });
      if (n > 0) byKeyId[keyId] = n;
      counted += n;
    }
    if (counted < total) {
      // Values under ids neither configured nor registered: name them (rare; only those rows are read).
      const where = { AND: [presentIn(column), { NOT: plaintextIn(column) }, ...known.map((id) => ({ NOT: underKey(column, id) }))] };
      let after: string | undefined;
      for (;;) {
        const batch = await rows.findMany({ where: after === undefined ? where : { AND: [where, { id: { gt: after } }] }, select: selectColumns([column]), orderBy: { id: 'asc' }, take: 500 });
        for (const row of batch) {
          const id = keyIdOf(row[column.column]!) ?? 'plaintext';
          byKeyId[id] = (byKeyId[id] ?? 0) + 1;
        }
        if (batch.length < 500) break;
        after = batch[batch.length - 1]!.id;
      }
    }
    columns.push({ column: columnName(column), total, byKeyId, plaintext });
  }
  const totals = { byKeyId: {} as Record<string, number>, plaintext: 0, total: 0 };
  for (const c of columns) {
    totals.plaintext += c.plaintext;
    totals.total += c.total;
    for (const [id, n] of Object.entries(c.byKeyId)) totals.byKeyId[id] = (totals.byKeyId[id] ?? 0) + n;
  }
  return { activeKeyId: cipher.activeKeyId, configuredKeyIds: cipher.keyring.keyIds, registeredKeyIds: registered, columns, totals };
}
