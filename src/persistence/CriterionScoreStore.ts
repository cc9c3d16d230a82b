import { BadUserInputError, NotFoundError } from '../errors.js';
import { scopeWhere, type AccessScope } from './AccessScope.js';
import type { Database } from './database.js';
import { timeBuckets } from './weekOf.js';
import type { PrismaStoreClient } from './prismaClients.js';

/** Which current criterion rows an analytics query reads. Every field narrows; none widens the caller's scope. */
export interface ScoreFilter {
  kind: 'WRITING' | 'SPEAKING';
  criterion?: string | null;
  profession?: string | null;
  cohortId?: string | null;
  letterType?: string | null;
  ownerId?: string | null;
  from?: Date | null;
  to?: Date | null;
}

export type MeanGrouping = 'NONE' | 'PROFESSION' | 'COHORT' | 'LETTER_TYPE' | 'WEEK';

export interface ScoreCount {
  criterion: string;
  score: number;
  count: number;
}

export interface GroupMean {
  criterion: string;
  /** The group's value (profession, cohort id, letter type, ISO week); null for NONE or rows without one. */
  group: string | null;
  mean: number;
  count: number;
}

export interface PairCell {
  criterion: string;
  group: string | null;
  engine: number;
  assessor: number;
  count: number;
}

export interface AssessorScoreInput {
  criterion: string;
  score: number;
}

const round = (x: number | null): number => Math.round((x ?? 0) * 1000) / 1000;

/**
 * Criterion scores by the engine and by assessors, and the grouped queries dashboards read. Every aggregate is one
 * GROUP BY in the database (Prisma groupBy: the same on SQLite and PostgreSQL); only the groups come back.
 */
export class CriterionScoreStore {
  readonly #prisma: PrismaStoreClient;

  constructor(db: Database) {
    this.#prisma = db.prisma;
  }

  #where(filter: ScoreFilter, scope: AccessScope, source: 'ENGINE' | 'ASSESSOR') {
    return {
      AND: [
        scopeWhere(scope),
        {
          kind: filter.kind,
          source,
          current: true,
          ...(filter.criterion ? { criterion: filter.criterion } : {}),
          ...(filter.profession ? { profession: filter.profession } : {}),
          ...(filter.cohortId ? { cohortId: filter.cohortId } : {}),
          ...(filter.letterType ? { letterType: filter.letterType } : {}),
          ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
          ...(filter.from || filter.to ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) } } : {}),
        },
      ],
    };
  }

  /** How many evaluations got each score, per criterion (the engine's current scores). */
  async distribution(filter: ScoreFilter, scope: AccessScope): Promise<ScoreCount[]> {
    const rows = await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'score'], where: this.#where(filter, scope, 'ENGINE'), _count: { _all: true }, orderBy: [{ criterion: 'asc' }, { score: 'asc' }] });
    return rows.map((r) => ({ criterion: r.criterion, score: r.score, count: r._count._all }));
  }

  /** Mean engine score per criterion and group. */
  async means(filter: ScoreFilter, grouping: MeanGrouping, scope: AccessScope): Promise<GroupMean[]> {
    const where = this.#where(filter, scope, 'ENGINE');
    const agg = { _avg: { score: true }, _count: { _all: true } } as const;
    const out = (criterion: string, group: string | null, avg: number | null, count: number): GroupMean => ({ criterion, group, mean: round(avg), count });
    switch (grouping) {
      case 'NONE':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion'], where, ...agg })).map((r) => out(r.criterion, null, r._avg.score, r._count._all));
      case 'PROFESSION':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'profession'], where, ...agg })).map((r) => out(r.criterion, r.profession, r._avg.score, r._count._all));
      case 'COHORT':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'cohortId'], where, ...agg })).map((r) => out(r.criterion, r.cohortId, r._avg.score, r._count._all));
      case 'LETTER_TYPE':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'letterType'], where, ...agg })).map((r) => out(r.criterion, r.letterType, r._avg.score, r._count._all));
      case 'WEEK':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'week'], where, ...agg, orderBy: [{ week: 'asc' }, { criterion: 'asc' }] })).map((r) => out(r.criterion, r.week, r._avg.score, r._count._all));
    }
  }

  /** Engine × assessor score pairs counted per criterion (and per cohort or week): the input of kappa. */
  async agreementCells(filter: ScoreFilter, grouping: 'NONE' | 'COHORT' | 'WEEK', scope: AccessScope): Promise<PairCell[]> {
    const where = { AND: [this.#where(filter, scope, 'ASSESSOR'), { engineScore: { not: null } }] };
    const cell = (criterion: string, group: string | null, engine: number | null, assessor: number, count: number): PairCell => ({ criterion, group, engine: engine ?? 0, assessor, count });
    switch (grouping) {
      case 'NONE':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'engineScore', 'score'], where, _count: { _all: true } })).map((r) => cell(r.criterion, null, r.engineScore, r.score, r._count._all));
      case 'COHORT':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'cohortId', 'engineScore', 'score'], where, _count: { _all: true } })).map((r) => cell(r.criterion, r.cohortId, r.engineScore, r.score, r._count._all));
      case 'WEEK':
        return (await this.#prisma.criterionScore.groupBy({ by: ['criterion', 'week', 'engineScore', 'score'], where, _count: { _all: true } })).map((r) => cell(r.criterion, r.week, r.engineScore, r.score, r._count._all));
    }
  }

  /**
   * An assessor's scores for a visible evaluation, beside the engine's current score for each criterion. Scoring
   * again replaces the assessor's earlier score for that criterion.
   */
  async recordAssessorScores(evaluationId: string, assessorId: string, scores: readonly AssessorScoreInput[], scope: AccessScope): Promise<number> {
    const evaluation = await this.#prisma.evaluation.findFirst({ where: { AND: [{ id: evaluationId }, scopeWhere(scope)] } });
    if (!evaluation) throw new NotFoundError('Evaluation', evaluationId);
    const engineRows = await this.#prisma.criterionScore.findMany({ where: { evaluationId, source: 'ENGINE' } });
    const byCriterion = new Map(engineRows.map((r) => [r.criterion, r]));
    if (scores.length === 0) throw new BadUserInputError('scores is empty.', { field: 'scores' });
    const { week, day } = timeBuckets(evaluation.createdAt);
    const writes = scores.map((s) => {
      const engine = byCriterion.get(s.criterion);
      if (!engine) throw new BadUserInputError(`"${s.criterion}" is not a criterion of this ${evaluation.kind.toLowerCase()} evaluation.`, { field: 'criterion' });
      if (!Number.isInteger(s.score) || s.score < 0 || s.score > engine.max) throw new BadUserInputError(`${s.criterion} is scored 0–${engine.max}, got ${s.score}.`, { field: 'score' });
      const data = {
        score: s.score,
        engineScore: engine.score,
        difference: engine.score - s.score,
        scorerVersion: engine.scorerVersion,
        current: engine.current,
      };
      return this.#prisma.criterionScore.upsert({
        where: { evaluationId_criterion_raterId: { evaluationId, criterion: s.criterion, raterId: assessorId } },
        update: data,
        create: { ...data, evaluationId, ownerId: evaluation.ownerId, cohortId: evaluation.cohortId, kind: evaluation.kind, profession: evaluation.profession, letterType: evaluation.letterType, criterion: s.criterion, max: engine.max, source: 'ASSESSOR', raterId: assessorId, week, day, createdAt: evaluation.createdAt },
      });
    });
    await this.#prisma.$transaction(writes);
    return writes.length;
  }

  /** The criterion rows of one evaluation (engine and assessors), for its page. */
  async forEvaluation(evaluationId: string): Promise<{ criterion: string; score: number; max: number; source: string; raterId: string }[]> {
    return this.#prisma.criterionScore.findMany({ where: { evaluationId }, select: { criterion: true, score: true, max: true, source: true, raterId: true }, orderBy: [{ source: 'asc' }, { raterId: 'asc' }] });
  }
}
