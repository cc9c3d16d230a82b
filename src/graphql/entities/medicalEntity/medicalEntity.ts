import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A context cue that set one of an entity’s flags: the evidence (“denies”, “? ”, “mother”).' })
export class ContextCueEvidence {
  @Field(() => String, { description: 'NEGATED, UNCERTAIN, HISTORICAL, FAMILY or HYPOTHETICAL.' }) kind!: string;
  @Field(() => String) text!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A clinical entity found in a text (medication, condition, symptom, procedure, test, anatomy) with its context. Offsets are UTF-16 indices into the analysed text, `end` exclusive.' })
export class MedicalEntity {
  @Field(() => ID, { description: 'Stored entities resolve through `medicalEntity` and `_entities`; entities of an unstored analysis do not.' }) id!: string;
  @Field(() => String, { description: 'The span as written.' }) text!: string;
  @Field(() => String, { description: 'MEDICATION, CONDITION, SYMPTOM, PROCEDURE, TEST or ANATOMY.' }) category!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => Int, { deprecationReason: 'Use start.' }) startOffset!: number;
  @Field(() => Int, { deprecationReason: 'Use end.' }) endOffset!: number;
  @Field(() => Boolean) negated!: boolean;
  @Field(() => Boolean, { description: 'Possible, suspected, queried, to be ruled out.' }) uncertain!: boolean;
  @Field(() => Boolean, { description: 'In the past and over (a resolved episode, a stopped medicine).' }) historical!: boolean;
  @Field(() => Boolean, { description: 'About a family member or another person, not the patient.' }) family!: boolean;
  @Field(() => Boolean, { description: 'Conditional or future ("return if", "risk of").' }) hypothetical!: boolean;
  @Field(() => String, { nullable: true, description: 'ICD-10-CM code, DrugBank id (`+`-joined for a combination) or MeSH id.' }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'ICD10CM, DRUGBANK or MESH.' }) codeSystem!: string | null;
  @Field(() => Float) confidence!: number;
  @Field(() => String, { nullable: true, description: 'The note section it was found in (medications, allergies, plan…).' }) section!: string | null;
  @Field(() => [ContextCueEvidence], { description: 'Cues behind the context flags (empty for stored entities).' }) contextCues!: ContextCueEvidence[];
  @Field(() => Date) createdAt!: Date;
}
