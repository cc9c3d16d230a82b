/**
 * The shape every OET evaluation has, writing or speaking: criteria named as OET names them, each with its score
 * on OET's own scale, the spans of the learner's text that support it, and feedback an assessor would give.
 */

export const WRITING_CRITERIA = [
  { name: 'Purpose', max: 3 },
  { name: 'Content', max: 7 },
  { name: 'Conciseness & Clarity', max: 7 },
  { name: 'Genre & Style', max: 7 },
  { name: 'Organisation & Layout', max: 7 },
  { name: 'Language', max: 7 },
] as const;

export const SPEAKING_CRITERIA = [
  { name: 'Intelligibility', max: 6 },
  { name: 'Fluency', max: 6 },
  { name: 'Appropriateness of Language', max: 6 },
  { name: 'Resources of Grammar and Expression', max: 6 },
  { name: 'Relationship-building', max: 3 },
  { name: "Understanding & incorporating the patient's perspective", max: 3 },
  { name: 'Providing structure', max: 3 },
  { name: 'Information-gathering', max: 3 },
  { name: 'Information-giving', max: 3 },
] as const;

export type WritingCriterionName = (typeof WRITING_CRITERIA)[number]['name'];
export type SpeakingCriterionName = (typeof SPEAKING_CRITERIA)[number]['name'];
export type CriterionName = WritingCriterionName | SpeakingCriterionName;

/** A span of the learner's text: offsets are UTF-16 code units into the submitted letter or transcript text. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/** One concrete point an assessor would make: what is wrong (or right), where, and a better version when one is clear. */
export interface FeedbackItem {
  /** Stable machine code, e.g. "PURPOSE_NOT_IN_OPENING", "SPEAKING_D3_COMPOUND_QUESTION". */
  code: string;
  /** POSITIVE for a strength the learner should keep; ISSUE for something that costs marks. */
  kind: 'POSITIVE' | 'ISSUE';
  message: string;
  /** Where in the learner's text it is about; absent when it is about something missing. */
  evidence?: Evidence;
  /** A better version when one is clear. */
  suggestion?: string;
  /** Speaking only: the OET indicator it is evidence for ("A1" … "E5"). */
  indicator?: string;
}

export interface CriterionResult {
  name: CriterionName;
  score: number;
  max: number;
  evidence: Evidence[];
  feedback: FeedbackItem[];
}

export type Profession =
  | 'MEDICINE'
  | 'NURSING'
  | 'PHARMACY'
  | 'DENTISTRY'
  | 'PHYSIOTHERAPY'
  | 'OCCUPATIONAL_THERAPY'
  | 'DIETETICS'
  | 'RADIOGRAPHY'
  | 'SPEECH_PATHOLOGY'
  | 'PODIATRY'
  | 'OPTOMETRY'
  | 'VETERINARY_SCIENCE'
  | 'OTHER';

export const PROFESSIONS: readonly Profession[] = [
  'MEDICINE', 'NURSING', 'PHARMACY', 'DENTISTRY', 'PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY', 'DIETETICS',
  'RADIOGRAPHY', 'SPEECH_PATHOLOGY', 'PODIATRY', 'OPTOMETRY', 'VETERINARY_SCIENCE', 'OTHER',
];

/** One turn of a role-play transcript. The candidate is the health professional; the interlocutor plays the patient. */
export interface TranscriptTurn {
  speaker: 'CANDIDATE' | 'INTERLOCUTOR';
  text: string;
  /** Milliseconds from the start of the recording, when an ASR or a timed transcript gives them. */
  startMs?: number;
  endMs?: number;
  /** ASR confidence for the turn, 0–1, when given. */
  confidence?: number;
  /** Word-level timing and confidence, when the ASR gives them. */
  words?: readonly TranscriptWord[];
}

export interface TranscriptWord {
  text: string;
  startMs: number;
  endMs: number;
  confidence?: number;
}

/** The six ELLIPSE analytic traits, each on ELLIPSE's 1–5 scale. */
export interface LanguageTraits {
  cohesion: number;
  syntax: number;
  vocabulary: number;
  phraseology: number;
  grammar: number;
  conventions: number;
}

export const LANGUAGE_TRAITS = ['cohesion', 'syntax', 'vocabulary', 'phraseology', 'grammar', 'conventions'] as const satisfies readonly (keyof LanguageTraits)[];

/**
 * Speaking evidence offsets index the transcript as `transcriptText` renders it: the turns' texts joined by "\n", so
 * a page can show the whole role-play and highlight spans in it. `turn` (0-based) says which turn a span lies in.
 */
export interface SpeakingEvidence extends Evidence {
  turn: number;
}

export function transcriptText(turns: readonly Pick<TranscriptTurn, 'text'>[]): string {
  return turns.map((t) => t.text).join('\n');
}
