import { Arg, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EvaluationRecord } from '../../app/ports.js';
import { detailsJson, rescoreEvaluation } from '../../app/rescoreEvaluation.js';
import { primaryCohortOf, Role, hasRole, type Viewer } from '../../auth/viewer.js';
import { agreement } from '../../evaluation/agreement/agreement.js';
import { SPEAKING_CRITERIA, WRITING_CRITERIA } from '../../evaluation/types.js';
import type { SpeakingEvaluation } from '../../evaluation/EvaluationService.js';
import type { WritingEvaluation } from '../../evaluation/writing/evaluateWriting.js';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../errors.js';
import type { AccessScope } from '../../persistence/AccessScope.js';
import type { ScoreFilter } from '../../persistence/CriterionScoreStore.js';
import type { GraphQLContext } from '../context.js';
import { Evaluation } from '../entities/evaluation/evaluation.js';
import { requireUser } from '../requireUser.js';
import type { StoredDetails } from './toGraphQL.js';
import {
  AgreementGroupingEnum,
  AgreementType,
  AssessorScoreInput,
  EvaluationAnalyticsFilter,
  GroupMeanType,
  LanguageAssessmentType,
  MeanGroupingEnum,
  ScoreCountType,
  SpeakingEvaluationInput,
  WritingEvaluationInput,
} from './types.js';

type User = Extract<Viewer, { kind: 'user' }>;

function userOf(ctx: GraphQLContext): { viewer: User; scope: AccessScope } {
  const scope = requireUser(ctx);
  const viewer = ctx.viewer;
  if (viewer.kind !== 'user') throw new Error('unreachable: requireUser admits users only');
  return { viewer, scope };
}

/** Wall time of a scoring run, for the operators' evaluation-latency panel. */
async function timed<T>(ctx: GraphQLContext, kind: 'WRITING' | 'SPEAKING', run: () => Promise<T>): Promise<T> {
  const stop = ctx.services.metrics.evaluationDuration.startTimer({ kind });
  try {
    const result = await run();
    stop({ outcome: 'scored' });
    return result;
  } catch (error) {
    stop({ outcome: 'failed' });
    throw error;
  }
}

@ObjectType({ description: 'Aggregates over criterion scores you may see, computed in the database.' })
export class EvaluationAnalytics {
  filter!: ScoreFilter;
  scope!: AccessScope;
}

/** Thin: src/evaluation scores, the stores persist and aggregate. */
@Resolver()
export class EvaluationScoringResolver {
  @Mutation(() => Evaluation, { description: 'Scores a letter on the six OET writing criteria against its case notes and stores the result under your account.' })
  async evaluateWriting(@Arg('input', () => WritingEvaluationInput) input: WritingEvaluationInput, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord> {
    const { viewer } = userOf(ctx);
    const existing = await this.#replay(ctx, viewer, input.idempotencyKey);
    if (existing) return existing;
    const result = await timed(ctx, 'WRITING', () => ctx.services.evaluation.evaluateWriting({ letter: input.letter, caseNotes: input.caseNotes, letterType: input.letterType, reader: input.reader, profession: input.profession, task: input.task ?? null }, { personalise: input.personalise ?? false, signal: ctx.signal }));
    return this.#store(ctx, viewer, result, {
      submission: input.letter,
      taskRef: input.caseNotes,
      profession: input.profession,
      letterType: input.letterType,
      reader: input.reader,
      idempotencyKey: input.idempotencyKey ?? null,
      task: { letterType: input.letterType, reader: input.reader, task: input.task ?? null },
    });
  }

  @Mutation(() => Evaluation, { description: 'Scores a role-play transcript on the four language and five clinical-communication criteria and stores the result.' })
  async evaluateSpeaking(@Arg('input', () => SpeakingEvaluationInput) input: SpeakingEvaluationInput, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord> {
    const { viewer } = userOf(ctx);
    const existing = await this.#replay(ctx, viewer, input.idempotencyKey);
    if (existing) return existing;
    const transcript = input.transcript.map((t) => ({
      speaker: t.speaker,
      text: t.text,
      ...(t.startMs != null ? { startMs: t.startMs } : {}),
      ...(t.endMs != null ? { endMs: t.endMs } : {}),
      ...(t.confidence != null ? { confidence: t.confidence } : {}),
      ...(t.words ? { words: t.words.map((w) => ({ text: w.text, startMs: w.startMs, endMs: w.endMs, ...(w.confidence != null ? { confidence: w.confidence } : {}) })) } : {}),
    }));
    const result = await timed(ctx, 'SPEAKING', () => ctx.services.evaluation.evaluateSpeaking({ transcript, profession: input.profession, card: input.card ?? null }, { personalise: input.personalise ?? false, signal: ctx.signal }));
    return this.#store(ctx, viewer, result, {
      submission: JSON.stringify(transcript),
      taskRef: input.card ?? null,
      profession: input.profession,
      letterType: null,
      reader: null,
      idempotencyKey: input.idempotencyKey ?? null,
      task: { card: input.card ?? null },
    });
  }

  @Mutation(() => Evaluation, { description: 'Scores a stored evaluation again with the current scorer; both are kept (the new one names the old in rescoredFromId) and analytics read the new one.' })
  async rescoreEvaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord> {
    userOf(ctx);
    // Through the loader: only an evaluation the caller may see can be re-scored.
    const old = await ctx.loaders.evaluation.load(id);
    if (!old || old.status !== 'SCORED') throw new NotFoundError('Evaluation', id);
    return rescoreEvaluation(ctx.services, old, ctx.signal);
  }

  @Mutation(() => Evaluation, { description: "Records your scores as an assessor for an evaluation you may see, beside the engine's (agreement analytics read them). Scoring a criterion again replaces your earlier score." })
  async recordAssessorScores(@Arg('evaluationId', () => ID) evaluationId: string, @Arg('scores', () => [AssessorScoreInput]) scores: AssessorScoreInput[], @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord> {
    const { viewer, scope } = userOf(ctx);
    if (!hasRole(viewer, Role.ASSESSOR, Role.ADMIN)) throw new ForbiddenError('Recording assessor scores needs the ASSESSOR or ADMIN role.');
    await ctx.services.stores.criterionScores.recordAssessorScores(evaluationId, viewer.id, scores, scope);
    const record = await ctx.loaders.evaluation.load(evaluationId);
    if (!record) throw new NotFoundError('Evaluation', evaluationId);
    return record;
  }

  @Query(() => LanguageAssessmentType, { description: 'The six ELLIPSE analytic traits (1–5) of an English text, from the calibrated language model (trained on CC BY-NC-SA data: commercialUse false).' })
  async assessLanguage(@Arg('text', () => String) text: string, @Ctx() ctx: GraphQLContext): Promise<LanguageAssessmentType> {
    userOf(ctx);
    return ctx.services.evaluation.assessLanguage(text, ctx.signal);
  }

  @Query(() => EvaluationAnalytics, { description: 'Criterion distributions, means by group, progress over time and engine–assessor agreement over the evaluations you may see (learners: their own).' })
  evaluationAnalytics(@Arg('filter', () => EvaluationAnalyticsFilter) filter: EvaluationAnalyticsFilter, @Ctx() ctx: GraphQLContext): EvaluationAnalytics {
    const { scope } = userOf(ctx);
    const kind = filter.kind.toUpperCase();
    if (kind !== 'WRITING' && kind !== 'SPEAKING') throw new BadUserInputError('filter.kind must be WRITING or SPEAKING.', { field: 'kind' });
    if (filter.from && filter.to && filter.from >= filter.to) throw new BadUserInputError('filter.from must be before filter.to.', { field: 'from' });
    return { scope, filter: { kind, criterion: filter.criterion, profession: filter.profession, cohortId: filter.cohortId, letterType: filter.letterType, ownerId: filter.learnerId, from: filter.from, to: filter.to } };
  }

  async #replay(ctx: GraphQLContext, viewer: User, key: string | null | undefined): Promise<EvaluationRecord | null> {
    return key ? ctx.services.stores.evaluations.findByIdempotencyKey(viewer.id, key) : null;
  }

  #store(ctx: GraphQLContext, viewer: User, result: WritingEvaluation | SpeakingEvaluation, rest: StoreFields): Promise<EvaluationRecord> {
    return this.#storeFor(ctx, { id: viewer.id, cohortId: primaryCohortOf(viewer) }, result, rest);
  }

  async #storeFor(ctx: GraphQLContext, owner: { id: string; cohortId: string | null }, result: WritingEvaluation | SpeakingEvaluation, rest: StoreFields): Promise<EvaluationRecord> {
    const { record } = await ctx.services.stores.evaluations.createScored({
      ownerId: owner.id,
      cohortId: owner.cohortId,
      kind: result.kind,
      submission: rest.submission,
      taskRef: rest.taskRef,
      profession: rest.profession,
      letterType: rest.letterType,
      reader: rest.reader,
      overallScore: result.estimatedScore,
      grade: result.grade,
      criteria: result.criteria,
      criteriaJson: JSON.stringify(result.criteria),
      detailsJson: detailsJson(result, rest.task),
      scorerVersion: result.scorerVersion,
      modelVersions: JSON.stringify(ctx.services.evaluation.modelVersions()),
      idempotencyKey: rest.idempotencyKey,
      rescoredFromId: rest.rescoredFromId ?? null,
    });
    ctx.services.events.publish('EVALUATION_UPDATED', { id: record.id, ownerId: record.ownerId, cohortId: record.cohortId, status: record.status });
    return record;
  }
}

interface StoreFields {
  submission: string;
  taskRef: string | null;
  profession: string | null;
  letterType: string | null;
  reader: string | null;
  idempotencyKey: string | null;
  task: StoredDetails['task'];
  rescoredFromId?: string | null;
}

@Resolver(() => EvaluationAnalytics)
export class EvaluationAnalyticsResolver {
  @FieldResolver(() => [ScoreCountType], { description: 'How many evaluations got each score, per criterion.' })
  distribution(@Root() a: EvaluationAnalytics, @Ctx() ctx: GraphQLContext): Promise<ScoreCountType[]> {
    return ctx.services.stores.criterionScores.distribution(a.filter, a.scope);
  }

  @FieldResolver(() => [GroupMeanType], { description: 'Mean score per criterion, by profession, cohort, letter type or ISO week.' })
  means(@Root() a: EvaluationAnalytics, @Arg('groupBy', () => MeanGroupingEnum, { defaultValue: MeanGroupingEnum.NONE }) groupBy: MeanGroupingEnum, @Ctx() ctx: GraphQLContext): Promise<GroupMeanType[]> {
    return ctx.services.stores.criterionScores.means(a.filter, groupBy, a.scope);
  }

  @FieldResolver(() => [GroupMeanType], { description: "Mean per criterion per ISO week: a learner's progress (with filter.learnerId) or the engine's drift over time." })
  progress(@Root() a: EvaluationAnalytics, @Ctx() ctx: GraphQLContext): Promise<GroupMeanType[]> {
    return ctx.services.stores.criterionScores.means(a.filter, 'WEEK', a.scope);
  }

  @FieldResolver(() => [AgreementType], { description: 'Engine–assessor agreement per criterion (quadratic weighted kappa, exact, adjacent), overall, by cohort or by week (drift).' })
  async agreement(@Root() a: EvaluationAnalytics, @Arg('groupBy', () => AgreementGroupingEnum, { defaultValue: AgreementGroupingEnum.NONE }) groupBy: AgreementGroupingEnum, @Ctx() ctx: GraphQLContext): Promise<AgreementType[]> {
    const cells = await ctx.services.stores.criterionScores.agreementCells(a.filter, groupBy, a.scope);
    const groups = new Map<string, { criterion: string; group: string | null; cells: typeof cells }>();
    for (const c of cells) {
      const key = `${c.criterion}\u0000${c.group ?? ''}`;
      (groups.get(key) ?? groups.set(key, { criterion: c.criterion, group: c.group, cells: [] }).get(key)!).cells.push(c);
    }
    const scales = new Map<string, number>([...WRITING_CRITERIA, ...SPEAKING_CRITERIA].map((c) => [c.name, c.max]));
    const maxOf = (criterion: string): number => scales.get(criterion) ?? Math.max(...cells.filter((c) => c.criterion === criterion).flatMap((c) => [c.engine, c.assessor]));
    return [...groups.values()]
      .map((g) => ({ criterion: g.criterion, group: g.group, ...agreement(g.cells, maxOf(g.criterion)) }))
      .sort((x, y) => x.criterion.localeCompare(y.criterion) || (x.group ?? '').localeCompare(y.group ?? ''));
  }
}
