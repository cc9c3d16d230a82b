import type { Evaluation as EvaluationRow } from '.prisma/client-sqlite';
import { randomUUID } from 'node:crypto';
import { BadUserInputError, NotFoundError } from '../errors.js';
import { timeBuckets } from './weekOf.js';
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
  profession: string | null;
  letterType: string | null;
  reader: string | null;
  /** JSON of the scored criteria (decrypted). */
  criteria: string | null;
  /** JSON of the rest of the result (decrypted). */
  details: string | null;
  scorerVersion: string | null;
  modelVersions: string | null;
  idempotencyKey: string | null;
  rescoredFromId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A submission scored as it is stored (evaluateWriting / evaluateSpeaking). */
export interface NewScoredEvaluation {
  ownerId: string;
  cohortId: string | null;
  kind: string;
  submission: string;
  taskRef: string | null;
  profession: string | null;
  letterType: string | null;
  reader: string | null;
  overallScore: number;
  grade: string;
  criteria: readonly { name: string; score: number; max: number }[];
  /** The criteria as JSON, with evidence and feedback. */
  criteriaJson: string;
  detailsJson: string;
  scorerVersion: string;
  modelVersions: string;
  idempotencyKey: string | null;
  rescoredFromId?: string | null;
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
const CRITERIA = encryptedColumn('Evaluation', 'criteria');
const DETAILS = encryptedColumn('Evaluation', 'details');
const MAX_IDEMPOTENCY_KEY = 200;

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

  /**
   * Stores a scored submission and its criterion rows in one transaction. With an idempotency key, a second call by
   * the same owner returns the first evaluation unchanged (also when two race: the unique index decides).
   */
  async createScored(input: NewScoredEvaluation): Promise<{ record: EvaluationRecord; replayed: boolean }> {
    const key = input.idempotencyKey;
    if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) throw new BadUserInputError(`idempotencyKey must be 1–${MAX_IDEMPOTENCY_KEY} characters.`, { field: 'idempotencyKey' });
    if (key !== null) {
      const existing = await this.findByIdempotencyKey(input.ownerId, key);
      if (existing) return { record: existing, replayed: true };
    }
    const id = randomUUID();
    const now = new Date();
    const { week, day } = timeBuckets(now);
    const kind = oneOf('kind', input.kind, EVALUATION_KINDS);
    const evaluation = this.#prisma.evaluation.create({
      data: {
        id,
        ownerId: nonEmpty('ownerId', input.ownerId),
        cohortId: input.cohortId,
        kind,
        status: 'SCORED',
        taskRef: this.#cipher.encryptNullable(TASK_REF, input.taskRef),
        submission: this.#cipher.encrypt(SUBMISSION, nonEmpty('submission', input.submission)),
        overallScore: nonNegativeInt('overallScore', input.overallScore),
        grade: input.grade,
        profession: input.profession,
        letterType: input.letterType,
        reader: input.reader,
        criteria: this.#cipher.encrypt(CRITERIA, input.criteriaJson),
        details: this.#cipher.encrypt(DETAILS, input.detailsJson),
        scorerVersion: input.scorerVersion,
        modelVersions: input.modelVersions,
        idempotencyKey: key,
        rescoredFromId: input.rescoredFromId ?? null,
        createdAt: now,
      },
    });
    const scores = this.#prisma.criterionScore.createMany({
      data: input.criteria.map((c) => ({
        evaluationId: id,
        ownerId: input.ownerId,
        cohortId: input.cohortId,
        kind,
        profession: input.profession,
        letterType: input.letterType,
        criterion: c.name,
        score: c.score,
        max: c.max,
        source: 'ENGINE',
        raterId: 'engine',
        scorerVersion: input.scorerVersion,
        week,
        day,
        createdAt: now,
      })),
    });
    // A re-score supersedes the old engine rows in analytics; the old evaluation itself stays as it was.
    const supersede = input.rescoredFromId
      ? [this.#prisma.criterionScore.updateMany({ where: { evaluationId: input.rescoredFromId, source: 'ENGINE' }, data: { current: false } })]
      : [];
    try {
      const [row] = await this.#prisma.$transaction([evaluation, scores, ...supersede]);
      return { record: this.#toRecord(row), replayed: false };
    } catch (error) {
      if (key !== null && (error as { code?: string }).code === 'P2002') {
        const existing = await this.findByIdempotencyKey(input.ownerId, key);
        if (existing) return { record: existing, replayed: true };
      }
      throw error;
    }
  }

  async findByIdempotencyKey(ownerId: string, idempotencyKey: string): Promise<EvaluationRecord | null> {
    const row = await this.#prisma.evaluation.findUnique({ where: { ownerId_idempotencyKey: { ownerId, idempotencyKey } } });
    return row ? this.#toRecord(row) : null;
  }

  readonly #toRecord = (row: EvaluationRow): EvaluationRecord => ({
    ...row,
    kind: stored('Evaluation', 'kind', row.kind, EVALUATION_KINDS),
    status: stored('Evaluation', 'status', row.status, EVALUATION_STATUSES),
    taskRef: this.#cipher.decryptNullable(TASK_REF, row.taskRef, row.id),
    submission: this.#cipher.decrypt(SUBMISSION, row.submission, row.id),
    criteria: this.#cipher.decryptNullable(CRITERIA, row.criteria, row.id),
    details: this.#cipher.decryptNullable(DETAILS, row.details, row.id),
  });
}
