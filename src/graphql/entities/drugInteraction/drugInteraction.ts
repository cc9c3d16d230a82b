import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A known drug–drug interaction from the reference data.' })
export class DrugInteraction {
  @Field(() => ID) id!: string;
  @Field(() => String) drugA!: string;
  @Field(() => String) drugB!: string;
  @Field(() => String, { description: 'MAJOR, MODERATE, MINOR or UNKNOWN.' }) severity!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Reference data set the pair comes from.' }) source!: string;
}
