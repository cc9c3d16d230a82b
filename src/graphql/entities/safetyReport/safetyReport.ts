import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'The result of a safety check (PHI, fact check, hallucination, bias, content filter) on a text.' })
export class SafetyReport {
  @Field(() => ID) id!: string;
  @Field(() => String) kind!: string;
  @Field(() => String, { description: 'PASS, WARN or BLOCK.' }) verdict!: string;
  @Field(() => String, { description: 'Findings as a JSON document.' }) findings!: string;
  @Field(() => String, { nullable: true }) modelId!: string | null;
  @Field(() => Date) createdAt!: Date;
}
