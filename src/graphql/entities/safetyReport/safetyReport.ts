import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'The result of a safety check (PHI, fact check, hallucination, bias, content filter) on a text.' })
export class SafetyReport {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'ALLOW, WARN or BLOCK: the most severe verdict among the findings under the policy.' }) verdict!: string;
  @Field(() => String, { description: 'The use the policy judged the text for: LEARNER_INPUT, MODEL_OUTPUT or STORED_CONTENT (older reports: free text).' }) kind!: string;
  @Field(() => String, { nullable: true }) modelId!: string | null;
  @Field(() => Date) createdAt!: Date;
}
