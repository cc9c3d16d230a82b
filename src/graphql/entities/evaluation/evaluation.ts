import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EvaluationKind {
  WRITING = 'WRITING',
  SPEAKING = 'SPEAKING',
}
export enum EvaluationStatus {
  PENDING = 'PENDING',
  SCORED = 'SCORED',
  FAILED = 'FAILED',
}
registerEnumType(EvaluationKind, { name: 'EvaluationKind', description: 'OET sub-test being assessed.' });
registerEnumType(EvaluationStatus, { name: 'EvaluationStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: "An OET writing or speaking submission and, once scored, its result. Visible to its owner, the owner's cohort assessors, and admins." })
export class Evaluation {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { description: 'The learner (token subject) who submitted it.' })
  ownerId!: string;

  @Field(() => ID, { nullable: true })
  cohortId!: string | null;

  @Field(() => EvaluationKind)
  kind!: EvaluationKind;

  @Field(() => EvaluationStatus)
  status!: EvaluationStatus;

  @Field(() => String, { nullable: true, description: 'The case notes or role-play card the submission answers.' })
  taskRef!: string | null;

  @Field(() => String, { description: "The learner's letter or transcript." })
  submission!: string;

  @Field(() => Int, { nullable: true, description: 'Overall result on the 0–500 scale.' })
  overallScore!: number | null;

  @Field(() => String, { nullable: true, description: 'OET grade (A, B, C+, C, D, E).' })
  grade!: string | null;

  @Field(() => String, { nullable: true })
  modelId!: string | null;

  @Field(() => String, { nullable: true, description: 'Model variant that scored it (A/B testing).' })
  variant!: string | null;

  @Field(() => String, { nullable: true }) profession!: string | null;
  @Field(() => String, { nullable: true }) letterType!: string | null;
  @Field(() => String, { nullable: true }) reader!: string | null;

  @Field(() => String, { nullable: true, description: 'The rules version that scored it ("writing-rules-1"); re-scoring with a new one keeps both.' })
  scorerVersion!: string | null;

  @Field(() => ID, { nullable: true, description: 'The evaluation this one re-scored.' })
  rescoredFromId!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}
