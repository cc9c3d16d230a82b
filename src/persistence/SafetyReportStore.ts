import type { SafetyReport as SafetyReportRow } from '.prisma/client-sqlite';
import { BadUserInputError } from '../errors.js';
import { scopeWhere, type AccessScope } from './AccessScope.js';
import type { Database } from './database.js';
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

/** Outcomes of safety checks, visible through an AccessScope. */
export class SafetyReportStore {
  readonly #prisma: PrismaStoreClient;

  constructor(db: Database) {
    this.#prisma = db.prisma;
  }

  /** Aligned with `ids`: null where the report is missing or outside the scope. */
  async findByIds(ids: readonly string[], scope: AccessScope): Promise<(SafetyReportRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.#prisma.safetyReport.findMany({ where: { AND: [{ id: { in: distinct(ids) } }, scopeWhere(scope)] } });
    return alignByIds(ids, rows);
  }

  /** Newest first. */
  async list(scope: AccessScope, page: PageArgs = {}): Promise<SafetyReportRecord[]> {
    const where = scopeWhere(scope);
    return readPage(
      page,
      (id) => this.#prisma.safetyReport.findFirst({ where: { AND: [where, { id }] }, select: { id: true, createdAt: true } }),
      (older, take) => this.#prisma.safetyReport.findMany({ where: { AND: [where, older] }, orderBy: NEWEST_FIRST, take }),
    );
  }

  async create(input: NewSafetyReport): Promise<SafetyReportRecord> {
    try {
      JSON.parse(input.findings);
    } catch {
      throw new BadUserInputError('findings must be JSON text (e.g. JSON.stringify of the findings array).', { field: 'findings' });
    }
    return this.#prisma.safetyReport.create({
      data: {
        ownerId: nonEmpty('ownerId', input.ownerId),
        cohortId: input.cohortId ?? null,
        kind: nonEmpty('kind', input.kind),
        verdict: nonEmpty('verdict', input.verdict),
        findings: input.findings,
        modelId: input.modelId ?? null,
      },
    });
  }
}
