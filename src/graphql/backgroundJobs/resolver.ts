import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { BadUserInputError, DomainError, ErrorCode } from '../../errors.js';
import type { BackgroundJobInfo, BackgroundJobs } from '../../queue/batchJobs.js';
import type { GraphQLContext } from '../context.js';
import { BackgroundJob, BackgroundJobStateEnum, RescoreEvaluationsInput } from './types.js';

function jobsOf(ctx: GraphQLContext): BackgroundJobs {
  const jobs = ctx.services.backgroundJobs;
  if (!jobs) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'This instance runs no background jobs (OET_ROLE=worker); ask an API instance.');
  return jobs;
}

const toGraphQL = (job: BackgroundJobInfo): BackgroundJob => ({ ...job, state: job.state as BackgroundJobStateEnum });

/** ADMIN: start batch jobs and follow them. Thin: src/queue runs them, src/app defines them. */
@Resolver()
export class BackgroundJobResolver {
  @Mutation(() => BackgroundJob, { description: 'Re-scores evaluations (by id, or every scored one of a cohort) with the current scorer, in the background. ADMIN.' })
  async rescoreEvaluations(@Arg('input', () => RescoreEvaluationsInput) input: RescoreEvaluationsInput, @Ctx() ctx: GraphQLContext): Promise<BackgroundJob> {
    const byIds = input.evaluationIds != null;
    if (byIds === (input.cohortId != null)) throw new BadUserInputError('Give exactly one of evaluationIds and cohortId.', { field: 'input' });
    const viewer = ctx.viewer.kind === 'user' ? ctx.viewer.id : null;
    return toGraphQL(await jobsOf(ctx).start('rescoreEvaluations', byIds ? { evaluationIds: input.evaluationIds } : { cohortId: input.cohortId }, viewer));
  }

  @Query(() => BackgroundJob, { nullable: true, description: 'A background job by id, with its progress; null when unknown (or forgotten). ADMIN.' })
  async backgroundJob(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<BackgroundJob | null> {
    const job = await jobsOf(ctx).get(id);
    return job === null ? null : toGraphQL(job);
  }
}
