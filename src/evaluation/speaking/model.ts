/**
 * The speaking evaluator's own shapes: what it takes (a transcript and injected helpers) and what it returns
 * (nine criteria, the A1–E5 indicators with their evidence, and the raw measures the scores came from).
 */
import type { CriterionResult, LanguageTraits, Profession, SpeakingEvidence, TranscriptTurn } from '../types.js';

export interface SpeakingTranscript {
  turns: readonly TranscriptTurn[];
  profession: Profession;
}

export interface ProofreadIssue {
  code: string;
  start: number;
  end: number;
  message: string;
}

export interface ProofreadResult {
  errorsPer100Words: number;
  issues: readonly ProofreadIssue[];
}

export interface SpeakingEvaluationOptions {
  /** ELLIPSE traits (1–5) from a trained model; null or absent → the evaluator's own measures are used. */
  assessLanguage?: (text: string, signal?: AbortSignal) => Promise<LanguageTraits | null>;
  /** A grammar/spelling checker over the candidate's speech; null or absent → own learner-error patterns only. */
  proofread?: (text: string, signal?: AbortSignal) => Promise<ProofreadResult | null>;
  /** Backed by the knowledge packs (drug names, abbreviations): extra terms a lay listener may not know. */
  isMedicalTerm?: (word: string) => boolean;
  signal?: AbortSignal;
}

export const INDICATOR_IDS = [
  'A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export interface IndicatorResult {
  id: IndicatorId;
  /** true: shown; false: missing or contradicted; null: nothing in this role-play to judge it by (e.g. no cue given). */
  met: boolean | null;
  evidence: SpeakingEvidence[];
}

export interface QuestionCounts {
  total: number;
  open: number;
  closed: number;
  compound: number;
  leading: number;
}

export interface SpeakingMeasures {
  candidateTurns: number;
  candidateWords: number;
  interlocutorWords: number;
  /** Interlocutor words / all words: how much room the patient was given. */
  interlocutorWordShare: number;
  longestCandidateTurnWords: number;
  /** Candidate turns over the monologue limit (see scoring.ts). */
  monologues: number;
  interruptions: number;
  /** Candidate words per minute of candidate speech; null without word or turn timings. */
  speakingRateWpm: number | null;
  fillers: number;
  fillersPer100Words: number;
  repetitions: number;
  falseStarts: number;
  /** Silences of 2 s or more between words inside candidate turns; null without word timings. */
  pauses: number | null;
  pausesPerMinute: number | null;
  meanAsrConfidence: number | null;
  lowConfidenceWordShare: number | null;
  questions: QuestionCounts;
  jargonTerms: number;
  jargonUnexplained: number;
  casualExpressions: number;
  judgementalPhrases: number;
  learnerErrors: number;
  learnerErrorsPer100Words: number;
  /** Moving-average type/token ratio (window 50): lexical variety independent of length. */
  lexicalVariety: number;
  /** Share of candidate sentences with a subordinate or relative clause. */
  complexSentenceShare: number;
  proofreadErrorsPer100Words: number | null;
  languageTraits: LanguageTraits | null;
}

export interface SpeakingEvaluation {
  criteria: CriterionResult[];
  indicators: IndicatorResult[];
  measures: SpeakingMeasures;
}
