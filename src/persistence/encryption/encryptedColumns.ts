/**
 * Every column that holds user or generated text, encrypted at rest by the stores. None of them is used in a WHERE
 * or ORDER BY by the stores (lookups go by id, owner, cohort and time), which is what makes encrypting them possible;
 * a future filter on one of them would need a keyed hash column beside it, not the ciphertext.
 *
 * The table and column names are bound into each value's authentication (associated data), so a ciphertext copied
 * into another column or table fails to decrypt. Adding a column here: encrypt it in its store, and `keys rotate`
 * encrypts the rows written before.
 */
export const ENCRYPTED_COLUMNS = [
  { table: 'Evaluation', column: 'submission', nullable: false },
  // Free text typed by the learner (meant to name a task, but nothing stops a name or a note).
  { table: 'Evaluation', column: 'taskRef', nullable: true },
  // JSON whose evidence and feedback quote the submission; the case-note coverage quotes the notes.
  { table: 'Evaluation', column: 'criteria', nullable: true },
  { table: 'Evaluation', column: 'details', nullable: true },
  { table: 'MedicalEntity', column: 'text', nullable: false },
  // JSON whose findings quote spans of the checked text.
  { table: 'SafetyReport', column: 'findings', nullable: false },
] as const;

export type EncryptedColumn = (typeof ENCRYPTED_COLUMNS)[number];
export type EncryptedTable = EncryptedColumn['table'];

/** The encrypted columns grouped by table, in ENCRYPTED_COLUMNS order. */
export function encryptedTables(): { table: EncryptedTable; columns: EncryptedColumn[] }[] {
  const byTable = new Map<EncryptedTable, EncryptedColumn[]>();
  for (const column of ENCRYPTED_COLUMNS) byTable.set(column.table, [...(byTable.get(column.table) ?? []), column]);
  return [...byTable].map(([table, columns]) => ({ table, columns }));
}

/** A column whose values are encrypted: its name is bound into each value's associated data. */
export interface ColumnRef {
  readonly table: string;
  readonly column: string;
}

export function columnName(column: ColumnRef): string {
  return `${column.table}.${column.column}`;
}

/** Looks a column up by table and name (typed, so a typo in a store does not compile). */
export function encryptedColumn<T extends EncryptedTable>(table: T, column: Extract<EncryptedColumn, { table: T }>['column']): EncryptedColumn {
  return ENCRYPTED_COLUMNS.find((c) => c.table === table && c.column === column)!;
}
