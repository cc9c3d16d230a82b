import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObject } from '../scalars.js';

export enum BackgroundJobStateEnum {
  WAITING = 'waiting',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  FAILED = 'failed',
}
registerEnumType(BackgroundJobStateEnum, { name: 'BackgroundJobState' });

@ObjectType({ description: 'How far a background job has come.' })
export class BackgroundJobProgress {
  @Field(() => Int) done!: number;
  @Field(() => Int) total!: number;
  @Field(() => Int) failed!: number;
}

@ObjectType({ description: 'A batch job run by a worker (or this instance, all-in-one), e.g. re-scoring evaluations.' })
export class BackgroundJob {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => BackgroundJobStateEnum) state!: BackgroundJobStateEnum;
  @Field(() => BackgroundJobProgress, { nullable: true }) progress!: BackgroundJobProgress | null;
  @Field(() => JSONObject, { nullable: true, description: 'What the job returned, once completed (rescoreEvaluations: { rescored: { oldId: newId }, failed: [id] }).' }) result!: Record<string, unknown> | null;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => String, { nullable: true }) requestedBy!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) finishedAt!: Date | null;
}

@InputType({ description: 'Exactly one of evaluationIds and cohortId.' })
export class RescoreEvaluationsInput {
  @Field(() => [ID], { nullable: true }) evaluationIds?: string[] | null;
  @Field(() => String, { nullable: true }) cohortId?: string | null;
}
