export { evaluateSpeaking } from './evaluateSpeaking.js';
export { CLINICAL_ABBREVIATIONS, CLINICAL_JARGON } from './jargon.js';
export {
  INDICATOR_IDS,
  type IndicatorId,
  type IndicatorResult,
  type ProofreadIssue,
  type ProofreadResult,
  type QuestionCounts,
  type SpeakingEvaluation,
  type SpeakingEvaluationOptions,
  type SpeakingMeasures,
  type SpeakingTranscript,
} from './model.js';
export { MAX_TRANSCRIPT_CHARS } from './transcript.js';
