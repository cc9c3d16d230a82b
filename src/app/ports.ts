import type { AccessScope } from '../auth/viewer.js';
import type { CriterionScoreStore } from '../persistence/CriterionScoreStore.js';
import type { NewScoredEvaluation } from '../persistence/EvaluationStore.js';

/**
 * What the API layer needs from persistence. The Prisma stores in src/persistence satisfy these structurally;
 * keeping the ports here lets resolvers and tests depend on shapes, not on an ORM.
 */
export interface EvaluationRecord {
  id: string;
  ownerId: string;
  cohortId: string | null;
  kind: string;
  status: string;
  taskRef: string | null;
  submission: string;
  overallScore: number | null;
  grade: string | null;
  modelId: string | null;
  variant: string | null;
  profession: string | null;
  letterType: string | null;
  reader: string | null;
  criteria: string | null;
  details: string | null;
  scorerVersion: string | null;
  modelVersions: string | null;
  idempotencyKey: string | null;
  rescoredFromId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface MedicalEntityRecord {
  id: string;
  ownerId: string;
  cohortId: string | null;
  text: string;
  category: string;
  startOffset: number;
  endOffset: number;
  negated: boolean;
  uncertain: boolean;
  family: boolean;
  historical: boolean;
  hypothetical: boolean;
  code: string | null;
  codeSystem: string | null;
  confidence: number;
  section: string | null;
  sourceRef: string | null;
  createdAt: Date;
}

export interface SafetyReportRecord {
  id: string;
  ownerId: string;
  cohortId: string | null;
  kind: string;
  verdict: string;
  findings: string;
  modelId: string | null;
  createdAt: Date;
}

export interface AuditEntryInput {
  actorId: string | null;
  actorRoles: string;
  operation: string;
  kind: 'MUTATION' | 'AI_OPERATION' | 'ACCESS_DENIED';
  modelId?: string | null;
  variant?: string | null;
  durationMs: number;
  outcome: 'SUCCESS' | 'FAILURE' | 'DENIED';
  errorCode?: string | null;
}

export interface AuditLogRecord extends Required<AuditEntryInput> {
  id: string;
  createdAt: Date;
}

export interface OperationSummary {
  operation: string;
  total: number;
  success: number;
  failure: number;
  denied: number;
  avgDurationMs: number;
  p95DurationMs: number;
}

export interface Page {
  first?: number;
  after?: string | null;
}

/** A store reachable only through an access scope (admins all, assessors their cohorts, learners their own). */
export interface ScopedStore<T> {
  findByIds(ids: readonly string[], scope: ScopeArg): Promise<(T | null)[]>;
  list(scope: ScopeArg, page?: Page): Promise<T[]>;
}

/** The persistence layer's scope has no 'none': anonymous viewers never reach a store. */
export type ScopeArg = Exclude<AccessScope, { kind: 'none' }>;

export interface Stores {
  evaluations: ScopedStore<EvaluationRecord> & {
    create(input: {
      ownerId: string;
      cohortId: string | null;
      kind: string;
      taskRef: string | null;
      submission: string;
    }): Promise<EvaluationRecord>;
    createScored(input: NewScoredEvaluation): Promise<{ record: EvaluationRecord; replayed: boolean }>;
    findByIdempotencyKey(ownerId: string, idempotencyKey: string): Promise<EvaluationRecord | null>;
  };
  criterionScores: Pick<CriterionScoreStore, 'distribution' | 'means' | 'agreementCells' | 'recordAssessorScores' | 'forEvaluation'>;
  medicalEntities: ScopedStore<MedicalEntityRecord> & {
    createMany(inputs: readonly {
      ownerId: string;
      cohortId?: string | null;
      text: string;
      category: string;
      startOffset: number;
      endOffset: number;
      negated?: boolean;
      uncertain?: boolean;
      family?: boolean;
      historical?: boolean;
      hypothetical?: boolean;
      code?: string | null;
      codeSystem?: string | null;
      confidence?: number;
      section?: string | null;
      sourceRef?: string | null;
    }[]): Promise<MedicalEntityRecord[]>;
  };
  safetyReports: ScopedStore<SafetyReportRecord> & {
    create(input: { ownerId: string; cohortId?: string | null; kind: string; verdict: string; findings: string; modelId?: string | null }): Promise<SafetyReportRecord>;
  };
  generations: {
    create(input: {
      ownerId: string;
      modelId: string;
      alias: string | null;
      variant: string;
      promptTokens: number;
      completionTokens: number;
      finishReason: string;
      durationMs: number;
    }): Promise<unknown>;
  };
  auditLog: {
    record(entry: AuditEntryInput): Promise<void>;
    list(filter: { since?: Date; operation?: string; actorId?: string; first?: number }): Promise<AuditLogRecord[]>;
    summary(filter: { since?: Date }): Promise<OperationSummary[]>;
  };
}
