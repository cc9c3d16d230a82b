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

@ObjectType()
export class SummaryItemView {
  @Field(() => String) text!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String, { nullable: true }) code!: string | null;
}

@ObjectType({ description: 'Picked from the note itself: every item is a span of the source.' })
export class ExtractiveSummaryView {
  @Field(() => [SummaryItemView]) problems!: SummaryItemView[];
  @Field(() => [SummaryItemView]) medications!: SummaryItemView[];
  @Field(() => [SummaryItemView]) allergies!: SummaryItemView[];
  @Field(() => [SummaryItemView]) results!: SummaryItemView[];
  @Field(() => [SummaryItemView]) plan!: SummaryItemView[];
}

@ObjectType({ description: 'A drug, dose, number or condition in the generated summary that the note does not support.' })
export class UnsupportedClaimView {
  @Field(() => String, { description: 'drug, dose, number or condition.' }) kind!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'summary, problems, medications or plan.' }) field!: string;
  @Field(() => String) reason!: string;
}

@ObjectType({ description: 'Written by the instruction model under a JSON schema, then checked against the note.' })
export class AbstractiveSummaryView {
  @Field(() => String) summary!: string;
  @Field(() => [String]) problems!: string[];
  @Field(() => [String]) medications!: string[];
  @Field(() => [String]) plan!: string[];
  @Field(() => String) modelId!: string;
  @Field(() => [UnsupportedClaimView], { description: 'Flagged, never silently kept: show them marked.' }) unsupported!: UnsupportedClaimView[];
  @Field(() => Int) supportedCount!: number;
}

@ObjectType()
export class ClinicalSummary {
  @Field(() => ExtractiveSummaryView) extractive!: ExtractiveSummaryView;
  @Field(() => AbstractiveSummaryView, { nullable: true }) abstractive!: AbstractiveSummaryView | null;
  @Field(() => String, { nullable: true }) abstractiveSkipped!: string | null;
}

@InputType()
export class VitalsInput {
  @Field(() => Int, { nullable: true }) age?: number;
  @Field(() => Float, { nullable: true }) heartRate?: number;
  @Field(() => Float, { nullable: true }) systolicBp?: number;
  @Field(() => Float, { nullable: true }) diastolicBp?: number;
  @Field(() => Float, { nullable: true }) respiratoryRate?: number;
  @Field(() => Float, { nullable: true, description: '°C (values above 50 are read as °F).' }) temperature?: number;
  @Field(() => Float, { nullable: true }) spo2?: number;
}

@InputType({ description: 'A scenario as text (a role-play brief, case notes), as structured fields, or both.' })
export class ScenarioInput {
  @Field(() => String, { nullable: true }) text?: string;
  @Field(() => String, { nullable: true }) diagnosis?: string;
  @Field(() => [String], { nullable: true }) symptoms?: string[];
  @Field(() => [String], { nullable: true, description: 'Prescription lines: "amoxicillin 500 mg PO tds".' }) medications?: string[];
  @Field(() => [String], { nullable: true }) allergies?: string[];
  @Field(() => [String], { nullable: true }) conditions?: string[];
  @Field(() => String, { nullable: true }) plan?: string;
  @Field(() => VitalsInput, { nullable: true }) vitals?: VitalsInput;
}

@ObjectType()
export class FindingEvidence {
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true, description: 'Offsets into `text` when the evidence comes from it.' }) start!: number | null;
  @Field(() => Int, { nullable: true }) end!: number | null;
}

@ObjectType()
export class ScenarioFindingView {
  @Field(() => String, { description: 'IMPLAUSIBLE_VITAL, IMPLAUSIBLE_AGE, DOSE_OUT_OF_RANGE, DRUG_INTERACTION, DUPLICATE_THERAPY, ALLERGY_CONFLICT, CONDITION_CONTRAINDICATION, SYMPTOM_DIAGNOSIS_MISMATCH, RED_FLAG_NOT_ADDRESSED.' }) type!: string;
  @Field(() => String, { description: 'ERROR, WARNING or INFO.' }) severity!: string;
  @Field(() => String) message!: string;
  @Field(() => [FindingEvidence]) evidence!: FindingEvidence[];
  @Field(() => String, { nullable: true }) reference!: string | null;
}

@ObjectType()
export class ScenarioChecked {
  @Field(() => Int) symptoms!: number;
  @Field(() => Int) medications!: number;
  @Field(() => Int) allergies!: number;
  @Field(() => Int) conditions!: number;
  @Field(() => Int) vitals!: number;
}

@ObjectType()
export class ScenarioReport {
  @Field(() => [ScenarioFindingView], { description: 'Errors first.' }) findings!: ScenarioFindingView[];
  @Field(() => String, { nullable: true }) diagnosisCode!: string | null;
  @Field(() => ScenarioChecked) checked!: ScenarioChecked;
}
