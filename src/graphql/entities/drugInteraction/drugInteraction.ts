import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InteractionSeverity {
  CONTRAINDICATED = 'CONTRAINDICATED',
  MAJOR = 'MAJOR',
  MODERATE = 'MODERATE',
  MINOR = 'MINOR',
}
registerEnumType(InteractionSeverity, { name: 'InteractionSeverity', description: 'How serious an interaction is, most serious first.' });

@ObjectType({ description: 'Another rule that matched the same pair (weaker, or from another pack).' })
export class OtherInteractionRule {
  @Field(() => String) packId!: string;
  @Field(() => String) ruleId!: string;
  @Field(() => InteractionSeverity) severity!: InteractionSeverity;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An interaction between two drugs, from a knowledge pack: the rule that matched, its severity, mechanism and management, and the licence of its source.' })
export class DrugInteraction {
  @Field(() => ID, { description: 'Stable: `<pack>:<rule>:<DrugBank id A>:<DrugBank id B>`.' }) id!: string;
  @Field(() => String, { description: 'Generic name of the first drug (the side the rule names first).' }) drugA!: string;
  @Field(() => String) drugB!: string;
  @Field(() => String) drugbankIdA!: string;
  @Field(() => String) drugbankIdB!: string;
  @Field(() => String, { description: 'The first drug as the caller wrote it.' }) inputA!: string;
  @Field(() => String) inputB!: string;
  @Field(() => InteractionSeverity) severity!: InteractionSeverity;
  @Field(() => String, { nullable: true, description: "The source's own severity word when it differs (DDInter's `Unknown` is reported as MINOR)." }) sourceSeverity!: string | null;
  @Field(() => String) description!: string;
  @Field(() => String) mechanism!: string;
  @Field(() => String) management!: string;
  @Field(() => [String]) references!: string[];
  @Field(() => String, { description: 'The rule (drug pair or drug-class rule) that matched.' }) ruleId!: string;
  @Field(() => [String], { description: 'What each side matched through: the drug itself or a class (`class:nsaid`).' }) matchedVia!: string[];
  @Field(() => String, { description: 'The knowledge pack the rule comes from.' }) source!: string;
  @Field(() => String) licence!: string;
  @Field(() => Boolean, { description: 'False when the source is non-commercial (DDInter): do not use in a commercial product.' }) commercialUse!: boolean;
  @Field(() => [OtherInteractionRule]) otherRules!: OtherInteractionRule[];
}
