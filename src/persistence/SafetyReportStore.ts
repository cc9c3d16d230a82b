import type { SafetyReport as SafetyReportRow } from '.prisma/client-sqlite';
import { BadUserInputError } from '../errors.js';
import { scopeWhere, type AccessScope } from './AccessScope.js';
import type { Database } from './database.js';
import { encryptedColumn } from './encryption/encryptedColumns.js';
import type { FieldCipher } from './encryption/FieldCipher.js';
import { nonEmpty } from './fieldChecks.js';
import { alignByIds, distinct, NEWEST_FIRST, readPage, type PageArgs } from './pagination.js';
import type { PrismaStoreClient } from './prismaClients.js';

/** `findings` is JSON text (portable: SQLite has no JSON column type); parse it where it is used. */
export type SafetyReportRecord = SafetyReportRow;

export interface NewSafetyReport {
  ownerId: string;
  cohortId?: string | null;
  kind: string;
  verdict: string;
  /** JSON text; rejected unless it parses. */
  findings: string;
  modelId?: string | null;
}

const FINDINGS = encryptedColumn('SafetyReport', 'findings');

/** Outcomes of safety checks, visible through an AccessScope. `findings` (which quotes the checked text) is encrypted at rest. */
export class SafetyReportStore {
  readonly #prisma: PrismaStoreClient;
  readonly #cipher: FieldCipher;

  constructor(db: Database, cipher: FieldCipher) {
    this.#prisma = db.prisma;
    this.#cipher = cipher;
  }

  /** Aligned with `ids`: null where the report is missing or outside the scope. */
  async findByIds(ids: readonly string[], scope: AccessScope): Promise<(SafetyReportRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.#prisma.safetyReport.findMany({ where: { AND: [{ id: { in: distinct(ids) } }, scopeWhere(scope)] } });
    return alignByIds(ids, rows.map(this.#toRecord));
  }

  /** Newest first. */
  async list(scope: AccessScope, page: PageArgs = {}): Promise<SafetyReportRecord[]> {
    const where = scopeWhere(scope);
    const rows = await readPage(
      page,
      (id) => this.#prisma.safetyReport.findFirst({ where: { AND: [where, { id }] }, select: { id: true, createdAt: true } }),
      (older, take) => this.#prisma.safetyReport.findMany({ where: { AND: [where, older] }, orderBy: NEWEST_FIRST, take }),
    );
    return rows.map(this.#toRecord);
  }

  async create(input: NewSafetyReport): Promise<SafetyReportRecord> {
    try {
      JSON.parse(input.findings);
    } catch {
      throw new BadUserInputError('findings must be JSON text (e.g. JSON.stringify of the findings array).', { field: 'findings' });
    }
    const row = await this.#prisma.safetyReport.create({
      data: {
        ownerId: nonEmpty('ownerId', input.ownerId),
        cohortId: input.cohortId ?? null,
        kind: nonEmpty('kind', input.kind),
        verdict: nonEmpty('verdict', input.verdict),
        findings: this.#cipher.encrypt(FINDINGS, input.findings),
        modelId: input.modelId ?? null,
      },
    });
    return this.#toRecord(row);
  }

  readonly #toRecord = (row: SafetyReportRow): SafetyReportRecord => ({ ...row, findings: this.#cipher.decrypt(FINDINGS, row.findings, row.id) });
}
