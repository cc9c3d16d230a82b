import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LetterTypeEnum {
  REFERRAL = 'REFERRAL',
  DISCHARGE = 'DISCHARGE',
  TRANSFER = 'TRANSFER',
  ADVICE = 'ADVICE',
  COMPLAINT_REPLY = 'COMPLAINT_REPLY',
  UPDATE = 'UPDATE',
}
export enum ReaderEnum {
  COLLEAGUE = 'COLLEAGUE',
  PATIENT = 'PATIENT',
  CARER = 'CARER',
  GROUP = 'GROUP',
}
export enum ProfessionEnum {
  MEDICINE = 'MEDICINE',
  NURSING = 'NURSING',
  PHARMACY = 'PHARMACY',
  DENTISTRY = 'DENTISTRY',
  PHYSIOTHERAPY = 'PHYSIOTHERAPY',
  OCCUPATIONAL_THERAPY = 'OCCUPATIONAL_THERAPY',
  DIETETICS = 'DIETETICS',
  RADIOGRAPHY = 'RADIOGRAPHY',
  SPEECH_PATHOLOGY = 'SPEECH_PATHOLOGY',
  PODIATRY = 'PODIATRY',
  OPTOMETRY = 'OPTOMETRY',
  VETERINARY_SCIENCE = 'VETERINARY_SCIENCE',
  OTHER = 'OTHER',
}
export enum SpeakerEnum {
  CANDIDATE = 'CANDIDATE',
  INTERLOCUTOR = 'INTERLOCUTOR',
}
export enum FeedbackKindEnum {
  POSITIVE = 'POSITIVE',
  ISSUE = 'ISSUE',
}
export enum MeanGroupingEnum {
  NONE = 'NONE',
  PROFESSION = 'PROFESSION',
  COHORT = 'COHORT',
  LETTER_TYPE = 'LETTER_TYPE',
  WEEK = 'WEEK',
}
export enum AgreementGroupingEnum {
  NONE = 'NONE',
  COHORT = 'COHORT',
  WEEK = 'WEEK',
}
registerEnumType(LetterTypeEnum, { name: 'LetterType', description: 'OET letter types.' });
registerEnumType(ReaderEnum, { name: 'Reader', description: "The letter's reader: a health professional, or a lay patient, carer or group." });
registerEnumType(ProfessionEnum, { name: 'Profession' });
registerEnumType(SpeakerEnum, { name: 'Speaker', description: 'CANDIDATE: the health professional; INTERLOCUTOR: the patient or carer.' });
registerEnumType(FeedbackKindEnum, { name: 'FeedbackKind' });
registerEnumType(MeanGroupingEnum, { name: 'MeanGrouping' });
registerEnumType(AgreementGroupingEnum, { name: 'AgreementGrouping' });

@InputType({ description: 'A letter, the case notes it answers and its task.' })
export class WritingEvaluationInput {
  @Field(() => String, { description: 'The letter as written, layout included (recipient, date, Re: line, salutation, body, closing).' }) letter!: string;
  @Field(() => String, { description: 'The case notes (a "Writing task:" section at the end is read as the task).' }) caseNotes!: string;
  @Field(() => LetterTypeEnum) letterType!: LetterTypeEnum;
  @Field(() => ProfessionEnum) profession!: ProfessionEnum;
  @Field(() => ReaderEnum) reader!: ReaderEnum;
  @Field(() => String, { nullable: true, description: 'The writing task, when it is not in the case notes.' }) task?: string | null;
  @Field(() => String, { nullable: true, description: 'Retrying with the same key returns the same evaluation instead of scoring again.' }) idempotencyKey?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also ask the instruction model (when loaded) for personalised tips; slow on CPU.' }) personalise?: boolean | null;
}

@InputType()
export class TranscriptWordInput {
  @Field(() => String) text!: string;
  @Field(() => Int) startMs!: number;
  @Field(() => Int) endMs!: number;
  @Field(() => Float, { nullable: true }) confidence?: number | null;
}

@InputType({ description: 'One turn of a role-play.' })
export class TranscriptTurnInput {
  @Field(() => SpeakerEnum) speaker!: SpeakerEnum;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true }) startMs?: number | null;
  @Field(() => Int, { nullable: true }) endMs?: number | null;
  @Field(() => Float, { nullable: true, description: 'ASR confidence for the turn, 0–1.' }) confidence?: number | null;
  @Field(() => [TranscriptWordInput], { nullable: true, description: 'Word timings (pauses, rate) and confidences, when the ASR gives them.' }) words?: TranscriptWordInput[] | null;
}

@InputType({ description: 'A role-play transcript with speaker turns.' })
export class SpeakingEvaluationInput {
  @Field(() => [TranscriptTurnInput]) transcript!: TranscriptTurnInput[];
  @Field(() => ProfessionEnum) profession!: ProfessionEnum;
  @Field(() => String, { nullable: true, description: 'The role-play card.' }) card?: string | null;
  @Field(() => String, { nullable: true }) idempotencyKey?: string | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also ask the instruction model (when loaded) for personalised tips; slow on CPU.' }) personalise?: boolean | null;
}

@InputType()
export class AssessorScoreInput {
  @Field(() => String, { description: 'Criterion name as OET writes it ("Genre & Style").' }) criterion!: string;
  @Field(() => Int) score!: number;
}

@InputType({ description: 'Which evaluations an analytics query covers; every field narrows, none widens what you may see.' })
export class EvaluationAnalyticsFilter {
  @Field(() => String, { description: 'WRITING or SPEAKING.' }) kind!: string;
  @Field(() => String, { nullable: true }) criterion?: string | null;
  @Field(() => ProfessionEnum, { nullable: true }) profession?: ProfessionEnum | null;
  @Field(() => ID, { nullable: true }) cohortId?: string | null;
  @Field(() => LetterTypeEnum, { nullable: true }) letterType?: LetterTypeEnum | null;
  @Field(() => ID, { nullable: true, description: "One learner's evaluations (their progress)." }) learnerId?: string | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
}

@ObjectType({ description: "A span of the learner's text; for speaking, offsets index the turns joined by newlines and `turn` says which." })
export class EvidenceSpan {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String) text!: string;
  @Field(() => Int, { nullable: true }) turn?: number | null;
}

@ObjectType({ description: 'One point an assessor would make: the problem or strength, where, and a better version when one is clear.' })
export class FeedbackItem {
  @Field(() => String, { description: 'Stable code, e.g. PURPOSE_NOT_IN_OPENING.' }) code!: string;
  @Field(() => FeedbackKindEnum) kind!: FeedbackKindEnum;
  @Field(() => String) message!: string;
  @Field(() => EvidenceSpan, { nullable: true }) evidence?: EvidenceSpan | null;
  @Field(() => String, { nullable: true }) suggestion?: string | null;
  @Field(() => String, { nullable: true, description: 'Speaking: the OET indicator (A1–E5).' }) indicator?: string | null;
}

@ObjectType('CriterionResult', { description: "One OET criterion: its score on OET's scale, evidence spans and feedback." })
export class CriterionResultType {
  @Field(() => String, { description: 'As OET writes it: "Purpose", "Genre & Style", "Information-gathering" …' }) name!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int) max!: number;
  @Field(() => [EvidenceSpan]) evidence!: EvidenceSpan[];
  @Field(() => [String], { description: 'The feedback messages, most costly first.' }) feedback!: string[];
  @Field(() => [FeedbackItem], { description: 'The same feedback with codes, evidence and suggestions.' }) feedbackItems!: FeedbackItem[];
}

@ObjectType({ description: 'A case-note item and what the letter did with it.' })
export class CaseNoteItem {
  @Field(() => String) text!: string;
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
  @Field(() => String) section!: string;
  @Field(() => String, { description: 'NEEDED, OPTIONAL or LEAVE_OUT for this reader and letter type.' }) relevance!: string;
  @Field(() => String) reason!: string;
  @Field(() => Boolean) used!: boolean;
  @Field(() => EvidenceSpan, { nullable: true, description: 'Where the letter uses it.' }) evidence?: EvidenceSpan | null;
}

@ObjectType({ description: 'A fact the letter states differently from the case notes.' })
export class ChangedFact {
  @Field(() => String, { description: 'DRUG, DOSE, NUMBER, DATE, CONDITION or NEGATION_FLIP.' }) type!: string;
  @Field(() => EvidenceSpan) letter!: EvidenceSpan;
  @Field(() => EvidenceSpan, { nullable: true, description: 'What the notes say.' }) notes?: EvidenceSpan | null;
  @Field(() => String) message!: string;
}

@ObjectType('SpeakingIndicator', { description: 'A clinical-communication indicator (A1–E5) and the evidence for it.' })
export class SpeakingIndicatorType {
  @Field(() => String) id!: string;
  @Field(() => Boolean, { nullable: true, description: 'Null when it did not arise in this role-play.' }) met!: boolean | null;
  @Field(() => [EvidenceSpan]) evidence!: EvidenceSpan[];
}

@ObjectType({ description: 'A measured quantity of a role-play.' })
export class Measure {
  @Field(() => String) name!: string;
  @Field(() => Float, { nullable: true }) value!: number | null;
}

@ObjectType('LanguageAssessment', { description: 'The six ELLIPSE analytic traits (1–5) predicted by the calibrated language model.' })
export class LanguageAssessmentType {
  @Field(() => Float) cohesion!: number;
  @Field(() => Float) syntax!: number;
  @Field(() => Float) vocabulary!: number;
  @Field(() => Float) phraseology!: number;
  @Field(() => Float) grammar!: number;
  @Field(() => Float) conventions!: number;
  @Field(() => String, { description: "'features+embedding' with the sentence encoder loaded, else 'features'." }) head!: string;
  @Field(() => Boolean, { description: 'False: trained on ELLIPSE (CC BY-NC-SA 4.0).' }) commercialUse!: boolean;
}

@ObjectType('ScoreCount')
export class ScoreCountType {
  @Field(() => String) criterion!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('GroupMean')
export class GroupMeanType {
  @Field(() => String) criterion!: string;
  @Field(() => String, { nullable: true }) group!: string | null;
  @Field(() => Float) mean!: number;
  @Field(() => Int) count!: number;
}

@ObjectType('CriterionAgreement', { description: "Engine–assessor agreement on one criterion (and group): quadratic weighted kappa, exact and adjacent agreement." })
export class AgreementType {
  @Field(() => String) criterion!: string;
  @Field(() => String, { nullable: true }) group!: string | null;
  @Field(() => Int) n!: number;
  @Field(() => Float, { nullable: true }) qwk!: number | null;
  @Field(() => Float, { nullable: true }) exact!: number | null;
  @Field(() => Float, { nullable: true }) adjacent!: number | null;
  @Field(() => Float, { nullable: true, description: 'Engine minus assessor, mean: positive = the engine is more lenient.' }) meanDifference!: number | null;
}

@ObjectType('PersonalTip', { description: "A tip from the instruction model, kept because it agrees with the rules' findings for its criterion." })
export class PersonalTipType {
  @Field(() => String) criterion!: string;
  @Field(() => String) text!: string;
}
