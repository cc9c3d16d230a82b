import type { PersonalTip } from './feedback/personalFeedback.js';
import type { ScoreEstimate } from './scale.js';
import type { CriterionResult, LanguageTraits, Profession, SpeakingEvidence, TranscriptTurn } from './types.js';
import type { WritingEvaluation, WritingInput } from './writing/evaluateWriting.js';

/** The calibrated language model's answer: ELLIPSE traits, and which head produced them. */
export interface LanguageAssessment extends LanguageTraits {
  /** 'features+embedding' with the sentence encoder loaded, 'features' without it. */
  head: string;
  /** Trained on ELLIPSE (CC BY-NC-SA 4.0): the parameters are non-commercial. */
  commercialUse: false;
}

export interface SpeakingInput {
  transcript: readonly TranscriptTurn[];
  profession: Profession;
  /** The role-play card, when given: what the candidate was asked to do. */
  card?: string | null;
}

export interface SpeakingIndicator {
  id: string;
  met: boolean | null;
  evidence: SpeakingEvidence[];
}

export interface SpeakingEvaluation extends ScoreEstimate {
  kind: 'SPEAKING';
  criteria: CriterionResult[];
  indicators: SpeakingIndicator[];
  /** Measured quantities (speaking rate, fillers per 100 words, pauses, question counts, ASR confidence …). */
  measures: Record<string, number | null>;
  languageTraits: LanguageTraits | null;
  scorerVersion: string;
  personalFeedback?: PersonalTip[];
}

export interface EvaluateOptions {
  signal?: AbortSignal;
  /** Ask the instruction model (when one is loaded) for personalised tips, kept where they agree with the rules. Slow on CPU. */
  personalise?: boolean;
}

/** What the API layer asks of the evaluation capability. */
export interface EvaluationService {
  evaluateWriting(input: WritingInput, options?: EvaluateOptions): Promise<WritingEvaluation & { personalFeedback?: PersonalTip[] }>;
  evaluateSpeaking(input: SpeakingInput, options?: EvaluateOptions): Promise<SpeakingEvaluation>;
  assessLanguage(text: string, signal?: AbortSignal): Promise<LanguageAssessment>;
  /** Versions of the models an evaluation used now (sha256 prefixes by model id), stored with each evaluation. */
  modelVersions(): Record<string, string>;
}
