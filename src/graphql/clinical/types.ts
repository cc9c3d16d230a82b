import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MedicalEntity } from '../entities/medicalEntity/medicalEntity.js';

@InputType()
export class ClinicalAnalysisOptions {
  @Field(() => Boolean, { defaultValue: true, description: 'Run the trained recogniser when it is loaded (merged with the dictionary).' }) useModel!: boolean;
  @Field(() => Boolean, { defaultValue: false, description: 'Store the entities under your account (then they resolve by id and through _entities).' }) store!: boolean;
}

@ObjectType()
export class ClinicalSection {
  @Field(() => String, { description: 'chief_complaint, history_of_present_illness, past_history, medications, allergies, social_history, family_history, examination, results, assessment, plan, patient_details.' }) kind!: string;
  @Field(() => String) heading!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType({ description: 'A drug with what the note says about it.' })
export class MedicationDetail {
  @Field(() => ID) entityId!: string;
  @Field(() => String, { description: 'As written.' }) drug!: string;
  @Field(() => String, { nullable: true, description: 'Generic name (DrugBank).' }) generic!: string | null;
  @Field(() => String, { nullable: true }) drugbankId!: string | null;
  @Field(() => String, { description: 'current, allergy, historical, negated or hypothetical.' }) status!: string;
  @Field(() => String, { nullable: true }) dose!: string | null;
  @Field(() => Float, { nullable: true }) doseValue!: number | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { nullable: true }) route!: string | null;
  @Field(() => String, { nullable: true }) frequency!: string | null;
  @Field(() => String, { nullable: true }) duration!: string | null;
  @Field(() => Boolean) asNeeded!: boolean;
  @Field(() => String, { nullable: true }) indication!: string | null;
  @Field(() => Int, { description: 'Where the details start (after the drug name).' }) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType()
export class AllergyEntry {
  @Field(() => String) substance!: string;
  @Field(() => String, { nullable: true }) drugbankId!: string | null;
  @Field(() => ID) entityId!: string;
}

@ObjectType({ description: "One of the patient's conditions coded to ICD-10-CM (negated, family, hypothetical and uncertain mentions are not coded)." })
export class CodedCondition {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
  @Field(() => Float) score!: number;
  @Field(() => [ID]) entityIds!: string[];
  @Field(() => String) text!: string;
}

@ObjectType()
export class RecognizersUsed {
  @Field(() => Boolean) dictionary!: boolean;
  @Field(() => Boolean, { description: 'The trained recogniser ran (it is skipped when not loaded).' }) model!: boolean;
}

@ObjectType()
export class ClinicalAnalysis {
  @Field(() => ID, { description: 'The analysis; stored entities carry it as their source.' }) id!: string;
  @Field(() => [MedicalEntity]) entities!: MedicalEntity[];
  @Field(() => [ClinicalSection]) sections!: ClinicalSection[];
  @Field(() => [MedicationDetail]) medications!: MedicationDetail[];
  @Field(() => [AllergyEntry]) allergies!: AllergyEntry[];
  @Field(() => Boolean) noKnownAllergies!: boolean;
  @Field(() => [CodedCondition]) conditions!: CodedCondition[];
  @Field(() => Boolean, { description: 'False when the text does not read as English (few entities will be found).' }) likelyEnglish!: boolean;
  @Field(() => RecognizersUsed) recognizers!: RecognizersUsed;
  @Field(() => Boolean) stored!: boolean;
}
