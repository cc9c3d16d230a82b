import type { ClinicalAnalysis } from '../../clinical/ClinicalAnalyzer.js';
import { BadUserInputError } from '../../errors.js';
import { detectUnsupported, type UnsupportedFinding } from '../../safety/grounding/detectUnsupported.js';
import { estimateScore, WRITING_B_PROFILE, type ScoreEstimate } from '../scale.js';
import type { CriterionResult, LanguageTraits, Profession } from '../types.js';
import { parseCaseNotes } from './caseNotes.js';
import { judgeConciseness, judgeContent } from './content.js';
import { coverage, type CoveredItem, type DrugNamer } from './coverage.js';
import { judgeGenreStyle } from './genreStyle.js';
import { judgeLanguage, type ProofreadSummary } from './languageCriterion.js';
import { letterParts } from './letterParts.js';
import { judgeOrganisation } from './organisation.js';
import { judgePurpose } from './purpose.js';
import { judgeRelevance } from './relevance.js';
import { LETTER_TYPES, READERS, type LetterType, type Reader } from './writingTask.js';

/** Bumped whenever a rule or threshold changes: stored with every evaluation, so re-scoring keeps both. */
export const WRITING_SCORER_VERSION = 'writing-rules-1';

export interface WritingInput {
  letter: string;
  caseNotes: string;
  letterType: string;
  reader: string;
  profession: Profession;
  /** The writing task, when it is not already at the end of the case notes. */
  task?: string | null;
}

/** What the evaluation needs from the rest of the engine, injected so the rules can be tested on their own. */
export interface WritingServices {
  /** Clinical analysis by the dictionary recogniser (entities, negation, medications with doses). */
  analyze(text: string, signal?: AbortSignal): Promise<ClinicalAnalysis>;
  drugName: DrugNamer;
  expandAbbreviation(token: string): string | null;
  proofread(text: string, signal?: AbortSignal): Promise<ProofreadSummary>;
  /** The calibrated ELLIPSE model; null when it is not loaded. */
  assessLanguage?(text: string, signal?: AbortSignal): Promise<LanguageTraits | null>;
}

export interface WritingEvaluation extends ScoreEstimate {
  kind: 'WRITING';
  criteria: CriterionResult[];
  /** Case-note items with what the letter did with them: the coverage a teacher reviews. */
  notes: CoveredItem[];
  factsChanged: UnsupportedFinding[];
  bodyWords: number;
  languageTraits: LanguageTraits | null;
  scorerVersion: string;
}

function validated(input: WritingInput): { letterType: LetterType; reader: Reader } {
  if (input.letter.trim() === '') throw new BadUserInputError('letter is empty.');
  if (input.caseNotes.trim() === '') throw new BadUserInputError('caseNotes is empty: the letter is judged against them.');
  const letterType = input.letterType.toUpperCase() as LetterType;
  const reader = input.reader.toUpperCase() as Reader;
  if (!LETTER_TYPES.includes(letterType)) throw new BadUserInputError(`letterType must be one of ${LETTER_TYPES.join(', ')}.`);
  if (!READERS.includes(reader)) throw new BadUserInputError(`reader must be one of ${READERS.join(', ')}.`);
  return { letterType, reader };
}

/**
 * An OET letter judged on the six criteria as OET_ASSESSMENT.md describes them: the letter's parts, what it took from
 * the case notes for this reader, facts changed on the way (through the clinical analyser and the grounding check, so
 * "Lipitor" for atorvastatin is the same drug and 50 mg for 5 mg is not), register, layout and language.
 */
export async function evaluateWriting(input: WritingInput, services: WritingServices, signal?: AbortSignal): Promise<WritingEvaluation> {
  const { letterType, reader } = validated(input);
  const { letter, caseNotes } = input;
  const parts = letterParts(letter);
  const notes = parseCaseNotes(caseNotes);
  const taskText = [input.task ?? '', notes.task?.text ?? ''].join(' ').trim() || null;
  const judged = judgeRelevance(notes.items, { letterType, reader, taskText });
  const covered = coverage(judged, letter, parts.body, services.drugName);

  const body = parts.body.text;
  const [notesAnalysis, bodyAnalysis, proof, traits] = await Promise.all([
    services.analyze(caseNotes, signal),
    services.analyze(body, signal),
    services.proofread(body, signal),
    services.assessLanguage ? services.assessLanguage(body, signal) : Promise.resolve(null),
  ]);
  signal?.throwIfAborted();
  // Names are the letter's own business (the recipient, the writer): only clinical facts are compared.
  const factsChanged = detectUnsupported({ source: caseNotes, output: body, sourceAnalysis: notesAnalysis, outputAnalysis: bodyAnalysis })
    .filter((f) => f.type !== 'NAME')
    .map((f) => ({ ...f, start: f.start + parts.body.start, end: f.end + parts.body.start }));

  const purpose = judgePurpose(letter, parts, letterType);
  const purposeInOpening = !purpose.feedback.some((f) => f.code === 'PURPOSE_NOT_STATED' || f.code === 'PURPOSE_NOT_IN_OPENING');
  const criteria: CriterionResult[] = [
    purpose,
    judgeContent(letter, parts, covered, factsChanged),
    judgeConciseness(caseNotes, parts, covered),
    judgeGenreStyle(letter, parts, notes, reader, { expandAbbreviation: services.expandAbbreviation }),
    judgeOrganisation(parts, covered, purposeInOpening),
    judgeLanguage(letter, parts, proof, traits),
  ];
  return {
    kind: 'WRITING',
    criteria,
    ...estimateScore(criteria, WRITING_B_PROFILE),
    notes: covered,
    factsChanged,
    bodyWords: parts.bodyWords,
    languageTraits: traits,
    scorerVersion: WRITING_SCORER_VERSION,
  };
}
