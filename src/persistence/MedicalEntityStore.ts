import type { MedicalEntity as MedicalEntityRow } from '.prisma/client-sqlite';
import { BadUserInputError } from '../errors.js';
import { scopeWhere, type AccessScope } from './AccessScope.js';
import type { Database } from './database.js';
import { encryptedColumn } from './encryption/encryptedColumns.js';
import type { FieldCipher } from './encryption/FieldCipher.js';
import { nonEmpty, nonNegativeInt } from './fieldChecks.js';
import { alignByIds, distinct, NEWEST_FIRST, readPage, type PageArgs } from './pagination.js';
import type { PrismaStoreClient } from './prismaClients.js';

export type MedicalEntityRecord = MedicalEntityRow;

export interface NewMedicalEntity {
  ownerId: string;
  cohortId?: string | null;
  text: string;
  category: string;
  /** Character offsets into the analysed text; endOffset is exclusive. */
  startOffset: number;
  endOffset: number;
  negated?: boolean;
  uncertain?: boolean;
  family?: boolean;
  historical?: boolean;
  hypothetical?: boolean;
  code?: string | null;
  /** ICD10CM, DRUGBANK, MESH… */
  codeSystem?: string | null;
  /** 0–1. Default 1. */
  confidence?: number;
  /** The note section it was found in. */
  section?: string | null;
  sourceRef?: string | null;
}

const TEXT = encryptedColumn('MedicalEntity', 'text');

/** Clinical concepts extracted from learners' texts, visible through an AccessScope. `text` is encrypted at rest. */
export class MedicalEntityStore {
  readonly #prisma: PrismaStoreClient;
  readonly #cipher: FieldCipher;

  constructor(db: Database, cipher: FieldCipher) {
    this.#prisma = db.prisma;
    this.#cipher = cipher;
  }

  /** Aligned with `ids`: null where the entity is missing or outside the scope. */
  async findByIds(ids: readonly string[], scope: AccessScope): Promise<(MedicalEntityRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.#prisma.medicalEntity.findMany({ where: { AND: [{ id: { in: distinct(ids) } }, scopeWhere(scope)] } });
    return alignByIds(ids, rows.map(this.#toRecord));
  }

  /** Newest first. */
  async list(scope: AccessScope, page: PageArgs = {}): Promise<MedicalEntityRecord[]> {
    const where = scopeWhere(scope);
    const rows = await readPage(
      page,
      (id) => this.#prisma.medicalEntity.findFirst({ where: { AND: [where, { id }] }, select: { id: true, createdAt: true } }),
      (older, take) => this.#prisma.medicalEntity.findMany({ where: { AND: [where, older] }, orderBy: NEWEST_FIRST, take }),
    );
    return rows.map(this.#toRecord);
  }

  async create(input: NewMedicalEntity): Promise<MedicalEntityRecord> {
    return this.#toRecord(await this.#prisma.medicalEntity.create({ data: this.#toData(input) }));
  }

  /** All entities of one analysed text in one statement. */
  async createMany(inputs: readonly NewMedicalEntity[]): Promise<MedicalEntityRecord[]> {
    if (inputs.length === 0) return [];
    const rows = await this.#prisma.medicalEntity.createManyAndReturn({ data: inputs.map(this.#toData) });
    return rows.map(this.#toRecord);
  }

  readonly #toData = (input: NewMedicalEntity) => {
    const data = toData(input);
    return { ...data, text: this.#cipher.encrypt(TEXT, data.text) };
  };

  readonly #toRecord = (row: MedicalEntityRow): MedicalEntityRecord => ({ ...row, text: this.#cipher.decrypt(TEXT, row.text, row.id) });
}

function toData(input: NewMedicalEntity) {
  const startOffset = nonNegativeInt('startOffset', input.startOffset);
  const endOffset = nonNegativeInt('endOffset', input.endOffset);
  if (endOffset < startOffset) {
    throw new BadUserInputError(`endOffset (${endOffset}) must not be before startOffset (${startOffset}).`, { field: 'endOffset' });
  }
  return {
    ownerId: nonEmpty('ownerId', input.ownerId),
    cohortId: input.cohortId ?? null,
    text: nonEmpty('text', input.text),
    category: nonEmpty('category', input.category),
    startOffset,
    endOffset,
    negated: input.negated ?? false,
    uncertain: input.uncertain ?? false,
    family: input.family ?? false,
    historical: input.historical ?? false,
    hypothetical: input.hypothetical ?? false,
    code: input.code ?? null,
    codeSystem: input.codeSystem ?? null,
    confidence: input.confidence ?? 1,
    section: input.section ?? null,
    sourceRef: input.sourceRef ?? null,
  };
}
