import type { AuditLog as AuditLogRow } from '.prisma/client-sqlite';
import { BadUserInputError } from '../errors.js';
import type { Database } from './database.js';
import { oneOf, stored } from './fieldChecks.js';
import type { PrismaStoreClient } from './prismaClients.js';

export const AUDIT_KINDS = ['MUTATION', 'AI_OPERATION', 'ACCESS_DENIED'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const AUDIT_OUTCOMES = ['SUCCESS', 'FAILURE', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who did what, with which model, how long it took and how it ended. There is no field for user text, by design. */
export interface AuditEntryInput {
  actorId: string | null;
  /** Comma-joined role names, e.g. "ASSESSOR,LEARNER". */
  actorRoles: string;
  operation: string;
  kind: AuditKind;
  modelId?: string | null;
  variant?: string | null;
  durationMs: number;
  outcome: AuditOutcome;
  errorCode?: string | null;
}

export interface AuditLogRecord {
  id: string;
  actorId: string | null;
  actorRoles: string;
  operation: string;
  kind: AuditKind;
  modelId: string | null;
  variant: string | null;
  durationMs: number;
  outcome: AuditOutcome;
  errorCode: string | null;
  createdAt: Date;
}

export interface AuditLogFilter {
  /** Entries at or after this instant. */
  since?: Date;
  operation?: string;
  actorId?: string;
  /** Newest entries to return, 1–1000. Default 100. */
  first?: number;
}

/** Per-operation aggregates over a period. */
export interface OperationSummary {
  operation: string;
  total: number;
  success: number;
  failure: number;
  denied: number;
  avgDurationMs: number;
  /** Nearest-rank 95th percentile: the smallest duration that at least 95 % of the calls did not exceed. */
  p95DurationMs: number;
}

/** Where failed audit writes are reported (a pino Logger fits). */
export interface AuditFailureLogger {
  error(details: Record<string, unknown>, message: string): void;
}

export interface AuditLogStoreOptions {
  /** Receives audit writes that failed. Default: console.error. */
  logger?: AuditFailureLogger;
}

const MAX_LIST = 1000;
const DEFAULT_LIST = 100;
// Identifiers, not text: anything longer is a caller bug, and truncating keeps a stray payload out of the table.
const MAX_LABEL_CHARS = 200;

const consoleLogger: AuditFailureLogger = {
  error: (details, message) => console.error(message, details),
};

export class AuditLogStore {
  readonly #prisma: PrismaStoreClient;
  readonly #logger: AuditFailureLogger;
  readonly #pending = new Set<Promise<void>>();

  constructor(db: Database, options: AuditLogStoreOptions = {}) {
    this.#prisma = db.prisma;
    this.#logger = options.logger ?? consoleLogger;
  }

  /**
   * Writes an entry. Never rejects: auditing must not fail (or slow down, if not awaited) the request it
   * describes, so a failed write is logged (without the entry's values beyond the operation) and swallowed.
   */
  record(entry: AuditEntryInput): Promise<void> {
    const write = this.#write(entry).catch((error: unknown) => {
      this.#logger.error(
        { operation: label(entry?.operation), err: error instanceof Error ? error.message : String(error) },
        'audit log write failed',
      );
    });
    this.#pending.add(write);
    void write.finally(() => this.#pending.delete(write));
    return write;
  }

  /** Resolves when every record() started so far has settled (graceful shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.#pending]);
  }

  /** Newest first. */
  async list(filter: AuditLogFilter = {}): Promise<AuditLogRecord[]> {
    const first = filter.first ?? DEFAULT_LIST;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) {
      throw new BadUserInputError(`first must be an integer from 1 to ${MAX_LIST}, got ${String(first)}.`, { field: 'first' });
    }
    const rows = await this.#prisma.auditLog.findMany({
      where: {
        createdAt: filter.since === undefined ? undefined : { gte: filter.since },
        operation: filter.operation,
        actorId: filter.actorId,
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: first,
    });
    return rows.map(toRecord);
  }

  /**
   * Per-operation counts by outcome, mean and p95 duration since `since` (all time if absent), by operation name.
   * The p95 is computed with portable queries (a count, then one OFFSET lookup per operation) rather than
   * percentile_cont, which SQLite lacks.
   */
  async summary(filter: { since?: Date } = {}): Promise<OperationSummary[]> {
    const since = filter.since === undefined ? undefined : { gte: filter.since };
    const groups = await this.#prisma.auditLog.groupBy({
      by: ['operation', 'outcome'],
      where: { createdAt: since },
      _count: { _all: true },
      _sum: { durationMs: true },
    });
    const byOperation = new Map<string, OperationSummary & { durationSum: number }>();
    for (const group of groups) {
      const summary = byOperation.get(group.operation) ?? {
        operation: group.operation,
        total: 0,
        success: 0,
        failure: 0,
        denied: 0,
        avgDurationMs: 0,
        p95DurationMs: 0,
        durationSum: 0,
      };
      const count = group._count._all;
      summary.total += count;
      summary.durationSum += group._sum.durationMs ?? 0;
      if (group.outcome === 'SUCCESS') summary.success += count;
      else if (group.outcome === 'FAILURE') summary.failure += count;
      else if (group.outcome === 'DENIED') summary.denied += count;
      byOperation.set(group.operation, summary);
    }
    const summaries = [...byOperation.values()].sort((a, b) => (a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0));
    return Promise.all(
      summaries.map(async ({ durationSum, ...summary }) => {
        const rank = Math.ceil(0.95 * summary.total);
        const [p95] = await this.#prisma.auditLog.findMany({
          where: { operation: summary.operation, createdAt: since },
          orderBy: [{ durationMs: 'asc' }, { id: 'asc' }],
          skip: rank - 1,
          take: 1,
          select: { durationMs: true },
        });
        return { ...summary, avgDurationMs: durationSum / summary.total, p95DurationMs: p95?.durationMs ?? 0 };
      }),
    );
  }

  async #write(entry: AuditEntryInput): Promise<void> {
    await this.#prisma.auditLog.create({
      data: {
        actorId: entry.actorId === null ? null : label(entry.actorId),
        actorRoles: label(entry.actorRoles),
        operation: label(entry.operation),
        kind: oneOf('kind', entry.kind, AUDIT_KINDS),
        modelId: entry.modelId == null ? null : label(entry.modelId),
        variant: entry.variant == null ? null : label(entry.variant),
        durationMs: Number.isFinite(entry.durationMs) ? Math.max(0, Math.round(entry.durationMs)) : 0,
        outcome: oneOf('outcome', entry.outcome, AUDIT_OUTCOMES),
        errorCode: entry.errorCode == null ? null : label(entry.errorCode),
      },
    });
  }
}

function label(value: unknown): string {
  return String(value).slice(0, MAX_LABEL_CHARS);
}

function toRecord(row: AuditLogRow): AuditLogRecord {
  return {
    ...row,
    kind: stored('AuditLog', 'kind', row.kind, AUDIT_KINDS),
    outcome: stored('AuditLog', 'outcome', row.outcome, AUDIT_OUTCOMES),
  };
}
