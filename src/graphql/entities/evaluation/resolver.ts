import { Arg, Args, Ctx, Field, FieldResolver, InputType, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { CaseNoteItem, ChangedFact, CriterionResultType, LanguageAssessmentType, Measure, PersonalTipType, SpeakingIndicatorType } from '../../evaluation/types.js';
import { caseNotesOf, criteriaOf, detailsOf, factsOf, indicatorsOf, measuresOf, parseJson } from '../../evaluation/toGraphQL.js';
import type { GraphQLContext } from '../../context.js';
import { primaryCohortOf, type Viewer } from '../../../auth/viewer.js';
import { scopeAllows } from '../../../auth/scopeAllows.js';
import { Evaluation, EvaluationKind } from './evaluation.js';
import type { EvaluationRecord } from '../../../app/ports.js';
import type { EventPayloads } from '../../../pubsub/createEventBus.js';
import { requireUser } from '../../requireUser.js';
import { clampPage, PageArgs } from '../../pagination.js';

@InputType({ description: 'A learner submission to be scored.' })
class SubmitEvaluationInput {
  @Field(() => EvaluationKind)
  kind!: EvaluationKind;

  @Field(() => String, { nullable: true })
  taskRef?: string | null;

  @Field(() => String, { description: 'Letter or transcript text; size-limited (INPUT_TOO_LARGE).' })
  submission!: string;
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: 'An evaluation you may see, or null.' })
  evaluation(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord | null> {
    return ctx.loaders.evaluation.load(id);
  }

  @Query(() => [Evaluation], { description: 'Evaluations you may see, newest first.' })
  evaluations(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord[]> {
    const scope = requireUser(ctx);
    return ctx.services.stores.evaluations.list(scope, { first: clampPage(page.first), after: page.after });
  }

  @Mutation(() => Evaluation, { description: 'Stores a submission for scoring (status PENDING).' })
  async submitEvaluation(@Arg('input', () => SubmitEvaluationInput) input: SubmitEvaluationInput, @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord> {
    requireUser(ctx);
    const viewer = ctx.viewer as Extract<Viewer, { kind: 'user' }>;
    const record = await ctx.services.stores.evaluations.create({
      ownerId: viewer.id,
      cohortId: primaryCohortOf(viewer),
      kind: input.kind,
      taskRef: input.taskRef ?? null,
      submission: input.submission,
    });
    ctx.services.events.publish('EVALUATION_UPDATED', { id: record.id, ownerId: record.ownerId, cohortId: record.cohortId, status: record.status });
    return record;
  }

  @FieldResolver(() => [CriterionResultType], { description: 'The six (writing) or nine (speaking) OET criteria; empty until scored.' })
  criteria(@Root() e: EvaluationRecord): CriterionResultType[] {
    return criteriaOf(e);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'ESTIMATED 0–500 score: OET publishes no conversion; the mapping is documented in the README (Evaluation).' })
  estimatedScore(@Root() e: EvaluationRecord): number | null {
    return e.overallScore;
  }

  @FieldResolver(() => Boolean, { description: 'True when estimatedScore and grade are the engine\'s estimate, not an OET result (always, for scored evaluations).' })
  scoreIsEstimate(@Root() e: EvaluationRecord): boolean {
    return e.overallScore !== null;
  }

  @FieldResolver(() => [CaseNoteItem], { description: 'Writing: each case-note item, its relevance for this reader, and whether the letter used it.' })
  caseNoteCoverage(@Root() e: EvaluationRecord): CaseNoteItem[] {
    return caseNotesOf(detailsOf(e));
  }

  @FieldResolver(() => [ChangedFact], { description: 'Writing: facts the letter states differently from the notes.' })
  factsChanged(@Root() e: EvaluationRecord): ChangedFact[] {
    return factsOf(detailsOf(e));
  }

  @FieldResolver(() => [SpeakingIndicatorType], { description: 'Speaking: the clinical-communication indicators A1–E5 with evidence.' })
  indicators(@Root() e: EvaluationRecord): SpeakingIndicatorType[] {
    return indicatorsOf(detailsOf(e));
  }

  @FieldResolver(() => [Measure], { description: 'Speaking: measured rate, fillers, pauses, question counts, ASR confidence.' })
  measures(@Root() e: EvaluationRecord): Measure[] {
    return measuresOf(detailsOf(e));
  }

  @FieldResolver(() => LanguageAssessmentType, { nullable: true, description: 'The calibrated language model\'s traits for the text, when it ran.' })
  languageTraits(@Root() e: EvaluationRecord): LanguageAssessmentType | null {
    const traits = detailsOf(e).languageTraits;
    return traits ? ({ head: 'features', commercialUse: false, ...traits } as unknown as LanguageAssessmentType) : null;
  }

  @FieldResolver(() => [PersonalTipType], { description: 'Tips from the instruction model (asked for with personalise), kept where they agree with the findings.' })
  personalFeedback(@Root() e: EvaluationRecord): PersonalTipType[] {
    return detailsOf(e).personalFeedback ?? [];
  }

  @FieldResolver(() => String, { nullable: true, description: 'JSON: the models (sha256 prefixes) the evaluation used.' })
  modelVersions(@Root() e: EvaluationRecord): string | null {
    return e.modelVersions === null ? null : JSON.stringify(parseJson<Record<string, string>>(e.modelVersions, {}));
  }

  @Subscription(() => Evaluation, {
    topics: 'EVALUATION_UPDATED',
    // Only events the subscriber may see; the payload carries ids, never the text.
    filter: ({ payload, context }: { payload: EventPayloads['EVALUATION_UPDATED']; context: GraphQLContext }) => scopeAllows(context.scope, payload),
    description: 'Evaluations you may see as they are created or scored.',
  })
  async evaluationUpdated(@Root() payload: EventPayloads['EVALUATION_UPDATED'], @Ctx() ctx: GraphQLContext): Promise<EvaluationRecord | null> {
    return ctx.loaders.evaluation.load(payload.id);
  }
}
