import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SafetyUseEnum {
  LEARNER_INPUT = 'LEARNER_INPUT',
  MODEL_OUTPUT = 'MODEL_OUTPUT',
  STORED_CONTENT = 'STORED_CONTENT',
}
registerEnumType(SafetyUseEnum, { name: 'SafetyUse', description: 'What the text is: a learner\'s input, a model\'s output, or content about to be stored. The policy differs per use.' });

export enum RedactionStrategyEnum {
  MASK = 'MASK',
  PLACEHOLDER = 'PLACEHOLDER',
  SURROGATE = 'SURROGATE',
  HASH = 'HASH',
}
registerEnumType(RedactionStrategyEnum, {
  name: 'RedactionStrategy',
  description: 'MASK: asterisks; PLACEHOLDER: [NAME]; SURROGATE: realistic fakes, consistent within the document, dates shifted by one offset; HASH: [NAME:keyed-hash].',
});

export enum ClaimLabelEnum {
  SUPPORTS = 'SUPPORTS',
  REFUTES = 'REFUTES',
  NEUTRAL = 'NEUTRAL',
}
registerEnumType(ClaimLabelEnum, { name: 'ClaimLabel' });

@ObjectType({ description: 'One safety finding: where it is, what it is, why, and a fix where there is one.' })
export class SafetyFinding {
  @Field(() => String, { description: 'PHI, CONTENT, BIAS, FACT or HALLUCINATION.' }) category!: string;
  @Field(() => String, { description: 'PHI: NAME DATE AGE PHONE EMAIL ADDRESS MRN INSURANCE_ID NATIONAL_ID URL IP DEVICE_ID ACCOUNT. CONTENT: SELF_HARM VIOLENCE SEXUAL HARASSMENT DANGEROUS_CLINICAL. BIAS: JUDGEMENTAL GENDERED STEREOTYPE DISABILITY OTHER_INSENSITIVE. FACT and HALLUCINATION: the check that fired.' }) type!: string;
  @Field(() => String, { description: 'LOW, MEDIUM or HIGH.' }) severity!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'Why: the rule, the knowledge-pack entry, or the source passage.' }) evidence!: string | null;
  @Field(() => String, { nullable: true }) suggestion!: string | null;
  @Field(() => String, { description: 'What this finding makes the verdict under the policy: ALLOW, WARN or BLOCK.' }) verdict!: string;
}

@ObjectType()
export class RedactedSpan {
  @Field(() => String) type!: string;
  @Field(() => Int, { description: 'Offsets in the original text.' }) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => Int, { description: 'Offsets in the redacted text.' }) redactedStart!: number;
  @Field(() => Int) redactedEnd!: number;
  @Field(() => String, { description: 'What now stands in the redacted text.' }) replacement!: string;
}

@ObjectType({ description: 'A text with its PHI replaced; `findings` map each replacement between the original and the redacted offsets.' })
export class Redaction {
  @Field(() => String) text!: string;
  @Field(() => RedactionStrategyEnum) strategy!: RedactionStrategyEnum;
  @Field(() => [RedactedSpan]) findings!: RedactedSpan[];
  @Field(() => Int, { nullable: true, description: 'SURROGATE: the days every date moved by.' }) dateShiftDays!: number | null;
}

@ObjectType()
export class ClaimScores {
  @Field(() => Float) supports!: number;
  @Field(() => Float) refutes!: number;
  @Field(() => Float) neutral!: number;
}

@ObjectType({ description: 'Whether the evidence supports or refutes the claim, from the trained claim verifier.' })
export class ClaimVerdict {
  @Field(() => ClaimLabelEnum) label!: ClaimLabelEnum;
  @Field(() => Float, { description: 'Probability of the label.' }) score!: number;
  @Field(() => ClaimScores) scores!: ClaimScores;
}
