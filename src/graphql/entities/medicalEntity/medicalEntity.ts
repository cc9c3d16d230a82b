import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A clinical entity found in a text (drug, condition, symptom, procedure, test, anatomy) with its context.' })
export class MedicalEntity {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The span as written.' }) text!: string;
  @Field(() => String, { description: 'DRUG, CONDITION, SYMPTOM, PROCEDURE, TEST or ANATOMY.' }) category!: string;
  @Field(() => Int) startOffset!: number;
  @Field(() => Int) endOffset!: number;
  @Field(() => Boolean) negated!: boolean;
  @Field(() => Boolean) uncertain!: boolean;
  @Field(() => Boolean, { description: 'About a family member, not the patient.' }) family!: boolean;
  @Field(() => Boolean) historical!: boolean;
  @Field(() => String, { nullable: true, description: 'ICD-10-CM or drug vocabulary code.' }) code!: string | null;
  @Field(() => Date) createdAt!: Date;
}
