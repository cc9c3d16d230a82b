import { Arg, Args, Ctx, Field, InputType, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
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
