import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One audited mutation or AI operation. Never holds the text that was processed.' })
export class AuditLogEntry {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'Comma-separated roles of the actor.' }) actorRoles!: string;
  @Field(() => String) operation!: string;
  @Field(() => String, { description: 'MUTATION, AI_OPERATION or ACCESS_DENIED.' }) kind!: string;
  @Field(() => String, { nullable: true }) modelId!: string | null;
  @Field(() => String, { nullable: true }) variant!: string | null;
  @Field(() => Float) durationMs!: number;
  @Field(() => String, { description: 'SUCCESS, FAILURE or DENIED.' }) outcome!: string;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType()
export class OperationStats {
  @Field(() => String) operation!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int) success!: number;
  @Field(() => Int) failure!: number;
  @Field(() => Int) denied!: number;
  @Field(() => Float) avgDurationMs!: number;
  @Field(() => Float) p95DurationMs!: number;
}

@ObjectType()
export class InferenceStatsView {
  @Field(() => Int) queueDepth!: number;
  @Field(() => Int) activeSequences!: number;
  @Field(() => Float) memoryBudgetBytes!: number;
  @Field(() => Float) memoryUsedBytes!: number;
  @Field(() => String) backend!: string;
  @Field(() => Int) threads!: number;
}
