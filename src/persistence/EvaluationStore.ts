import type { Evaluation as EvaluationRow } from '.prisma/client-sqlite';
import { NotFoundError } from '../errors.js';
import { scopeWhere, type AccessScope } from './AccessScope.js';
import type { Database } from './database.js';
import { encryptedColumn } from './encryption/encryptedColumns.js';
import type { FieldCipher } from './encryption/FieldCipher.js';
import { nonEmpty, nonNegativeInt, oneOf, stored } from './fieldChecks.js';
import { alignByIds, distinct, NEWEST_FIRST, readPage, type PageArgs } from './pagination.js';
import type { PrismaStoreClient } from './prismaClients.js';

export const EVALUATION_KINDS = ['WRITING', 'SPEAKING'] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];
export const EVALUATION_STATUSES = ['PENDING', 'SCORED', 'FAILED'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export interface EvaluationRecord {
  id: string;
  ownerId: string;
  cohortId: string | null;
  kind: EvaluationKind;
  status: EvaluationStatus;
  taskRef: string | null;
  /** The learner's text. Never log it. Encrypted at rest. */
  submission: string;
  overallScore: number | null;
  grade: string | null;
  modelId: string | null;
  variant: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewEvaluation {
  ownerId: string;
  cohortId?: string | null;
  /** An EvaluationKind; typed as string so callers holding API enums need no cast: anything else is BAD_USER_INPUT. */
  kind: string;
  taskRef?: string | null;
  submission: string;
}

/** The outcome of scoring; fields left out are left unchanged. */
export interface EvaluationResult {
  status: EvaluationStatus;
  overallScore?: number | null;
  grade?: string | null;
  modelId?: string | null;
  variant?: string | null;
}

const SUBMISSION = encryptedColumn('Evaluation', 'submission');
const TASK_REF = encryptedColumn('Evaluation', 'taskRef');

/** OET writing/speaking submissions, visible through an AccessScope. `submission` and `taskRef` are encrypted at rest. */
export class EvaluationStore {
  readonly #prisma: PrismaStoreClient;
  readonly #cipher: FieldCipher;

  constructor(db: Database, cipher: FieldCipher) {
    this.#prisma = db.prisma;
    this.#cipher = cipher;
  }

  /** Aligned with `ids`: null where the record is missing or outside the scope (the two are indistinguishable). */
  async findByIds(ids: readonly string[], scope: AccessScope): Promise<(EvaluationRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.#prisma.evaluation.findMany({ where: { AND: [{ id: { in: distinct(ids) } }, scopeWhere(scope)] } });
    return alignByIds(ids, rows.map(this.#toRecord));
  }

  /** Newest first. */
  async list(scope: AccessScope, page: PageArgs = {}): Promise<EvaluationRecord[]> {
    const where = scopeWhere(scope);
    const rows = await readPage(
      page,
      (id) => this.#prisma.evaluation.findFirst({ where: { AND: [where, { id }] }, select: { id: true, createdAt: true } }),
      (older, take) => this.#prisma.evaluation.findMany({ where: { AND: [where, older] }, orderBy: NEWEST_FIRST, take }),
    );
    return rows.map(this.#toRecord);
  }

  /** Stores a submission with status PENDING. */
  async create(input: NewEvaluation): Promise<EvaluationRecord> {
    const row = await this.#prisma.evaluation.create({
      data: {
        ownerId: nonEmpty('ownerId', input.ownerId),
        cohortId: input.cohortId ?? null,
        kind: oneOf('kind', input.kind, EVALUATION_KINDS),
        status: 'PENDING',
        taskRef: this.#cipher.encryptNullable(TASK_REF, input.taskRef ?? null),
        submission: this.#cipher.encrypt(SUBMISSION, nonEmpty('submission', input.submission)),
      },
    });
    return this.#toRecord(row);
  }

  /** Records the scoring outcome. Internal (the scoring pipeline): no scope. Throws NotFoundError for an unknown id. */
  async setResult(id: string, result: EvaluationResult): Promise<EvaluationRecord> {
    const data = {
      status: oneOf('status', result.status, EVALUATION_STATUSES),
      overallScore:
        result.overallScore === undefined || result.overallScore === null
          ? result.overallScore
          : nonNegativeInt('overallScore', result.overallScore),
      grade: result.grade,
      modelId: result.modelId,
      variant: result.variant,
    };
    // updateMany reports a missing row as count 0 instead of throwing Prisma's P2025, which we would have to decode.
    const { count } = await this.#prisma.evaluation.updateMany({ where: { id }, data });
    if (count === 0) throw new NotFoundError('Evaluation', id);
    const row = await this.#prisma.evaluation.findUniqueOrThrow({ where: { id } });
    return this.#toRecord(row);
  }

  readonly #toRecord = (row: EvaluationRow): EvaluationRecord => ({
    ...row,
    kind: stored('Evaluation', 'kind', row.kind, EVALUATION_KINDS),
    status: stored('Evaluation', 'status', row.status, EVALUATION_STATUSES),
    taskRef: this.#cipher.decryptNullable(TASK_REF, row.taskRef, row.id),
    submission: this.#cipher.decrypt(SUBMISSION, row.submission, row.id),
  });
}
