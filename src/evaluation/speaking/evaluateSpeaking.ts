/**
 * evaluateSpeaking: one OET speaking role-play → the nine criteria on OET's scales, the A1–E5 indicators with their
 * evidence, and the measures behind them. Deterministic and synchronous apart from the injected helpers.
 */
import { BadUserInputError } from '../../errors.js';
import { PROFESSIONS, SPEAKING_CRITERIA, type CriterionResult, type FeedbackItem, type LanguageTraits, type SpeakingCriterionName, type SpeakingEvidence } from '../types.js';
import { measureFluency } from './fluency.js';
import { complexSentenceShare, findLearnerErrors, lexicalVariety } from './grammarResources.js';
import { detectIndicators, findInterruptions, MONOLOGUE_WORDS, type IndicatorFinding } from './indicators.js';
import { measureIntelligibility } from './intelligibility.js';
import { findJargon } from './jargon.js';
import { appropriatenessFeedback, fluencyFeedback, grammarFeedback, intelligibilityFeedback } from './languageCriteria.js';
import type { IndicatorResult, SpeakingEvaluation, SpeakingEvaluationOptions, SpeakingMeasures, SpeakingTranscript } from './model.js';
import { findPresumptions, findQuestions, isQuestionSentence } from './questions.js';
import { findCasual, findDismissive, findJudgemental } from './register.js';
import { appropriatenessScore, communicationScore, fluencyScore, grammarScore, intelligibilityScore, type FluencyInputs } from './scoring.js';
import { indexTranscript, validateTurns, type IndexedTranscript } from './transcript.js';

const per100 = (n: number, words: number): number => (words === 0 ? 0 : (n * 100) / words);

/** Which indicator letters make up each clinical-communication criterion. */
const LETTER: Partial<Record<SpeakingCriterionName, string>> = {
  'Relationship-building': 'A',
  "Understanding & incorporating the patient's perspective": 'B',
  'Providing structure': 'C',
  'Information-gathering': 'D',
  'Information-giving': 'E',
};

function validTraits(t: LanguageTraits | null | undefined): LanguageTraits | null {
  if (!t) return null;
  const values = [t.cohesion, t.syntax, t.vocabulary, t.phraseology, t.grammar, t.conventions];
  return values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 5) ? t : null;
}

/** Proofreader offsets index the candidate-only text we sent; map them back onto the transcript. */
function proofSpans(tx: IndexedTranscript, issues: readonly { start: number; end: number; message: string }[]): { evidence?: SpeakingEvidence; message: string }[] {
  const bases: { base: number; turn: (typeof tx.candidate)[number] }[] = [];
  let base = 0;
  for (const turn of tx.candidate) {
    bases.push({ base, turn });
    base += turn.text.length + 1;
  }
  return issues.map((issue) => {
    const home = bases.find((b) => issue.start >= b.base && issue.end <= b.base + b.turn.text.length && issue.end > issue.start);
    if (!home) return { message: issue.message };
    const start = issue.start - home.base;
    const end = issue.end - home.base;
    return { message: issue.message, evidence: { start: home.turn.offset + start, end: home.turn.offset + end, text: home.turn.text.slice(start, end), turn: home.turn.index } };
  });
}

function dedupe(evidence: readonly SpeakingEvidence[]): SpeakingEvidence[] {
  const seen = new Set<string>();
  return evidence
    .filter((e) => {
      const key = `${e.start}:${e.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

export async function evaluateSpeaking(transcript: SpeakingTranscript, options: SpeakingEvaluationOptions = {}): Promise<SpeakingEvaluation> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (!PROFESSIONS.includes(transcript.profession)) {
    throw new BadUserInputError(`Unknown profession "${String(transcript.profession)}"; expected one of ${PROFESSIONS.join(', ')}.`);
  }
  validateTurns(transcript.turns);
  const tx = indexTranscript(transcript.turns);
  const candidateText = tx.candidate.map((t) => t.text).join('\n');

  // The helpers run while we measure; their failures (and aborts) propagate to the caller.
  const helpers = Promise.all([
    options.assessLanguage ? options.assessLanguage(candidateText, signal) : Promise.resolve(null),
    options.proofread ? options.proofread(candidateText, signal) : Promise.resolve(null),
  ]);
  helpers.catch(() => undefined); // observed below; avoids an unhandled rejection while we measure

  const candidateWords = tx.candidate.reduce((s, t) => s + t.words.length, 0);
  const interlocutorWords = tx.interlocutor.reduce((s, t) => s + t.words.length, 0);

  const questions = findQuestions(tx);
  const presumptions = findPresumptions(tx);
  const judgemental = findJudgemental(tx);
  const dismissive = findDismissive(tx);
  const casual = findCasual(tx);
  const jargon = findJargon(tx, options.isMedicalTerm);
  const fluency = measureFluency(tx);
  const intelligibility = measureIntelligibility(tx);
  const learnerErrors = findLearnerErrors(tx);
  const variety = lexicalVariety(tx);
  const complexShare = complexSentenceShare(tx);
  const indicators = detectIndicators(tx, { questions, presumptions, judgemental, dismissive, profession: transcript.profession });

  const [rawTraits, proof] = await helpers;
  signal?.throwIfAborted();
  const traits = validTraits(rawTraits);
  const proofRate = proof && Number.isFinite(proof.errorsPer100Words) ? Math.max(0, proof.errorsPer100Words) : null;

  const fluencyInputs: FluencyInputs = {
    fillersPer100: per100(fluency.fillers.length, candidateWords),
    repetitionsPer100: per100(fluency.repetitions.length + fluency.falseStarts.length, candidateWords),
    pausesPerMinute: fluency.pauses && fluency.speakingMinutes ? fluency.pauses.length / fluency.speakingMinutes : null,
    rateWpm: fluency.rateWpm,
  };
  const fluencyPoints = fluencyScore(fluencyInputs);
  const intelligibilityPoints = intelligibilityScore(intelligibility.meanConfidence, intelligibility.lowConfidenceShare, fluencyPoints);
  const unexplained = jargon.filter((j) => !j.explained).length;
  const tone = [...judgemental, ...dismissive];
  const appropriatenessPoints = appropriatenessScore(unexplained, casual.length, tone.length);
  const learnerRate = per100(learnerErrors.length, candidateWords);
  const grammarPoints = grammarScore({ traits, errorsPer100: Math.max(learnerRate, proofRate ?? 0), lexicalVariety: variety, complexShare });

  const language: Partial<Record<SpeakingCriterionName, { score: number; feedback: FeedbackItem[] }>> = {
    Intelligibility: { score: intelligibilityPoints, feedback: intelligibilityFeedback(intelligibility, intelligibilityPoints) },
    Fluency: { score: fluencyPoints, feedback: fluencyFeedback(fluency, fluencyInputs, fluencyPoints) },
    'Appropriateness of Language': { score: appropriatenessPoints, feedback: appropriatenessFeedback(jargon, casual, tone) },
    'Resources of Grammar and Expression': {
      score: grammarPoints,
      feedback: grammarFeedback({ errors: learnerErrors, proofIssues: proofSpans(tx, proof?.issues ?? []), traits, lexicalVariety: variety, complexShare, score: grammarPoints }),
    },
  };

  const criteria: CriterionResult[] = SPEAKING_CRITERIA.map(({ name, max }) => {
    const letter = LETTER[name];
    if (letter) {
      const own: IndicatorFinding[] = indicators.filter((i) => i.id.startsWith(letter));
      return { name, max, score: communicationScore(own), evidence: dedupe(own.flatMap((i) => i.evidence)), feedback: own.flatMap((i) => i.feedback) };
    }
    const l = language[name]!;
    return { name, max, score: l.score, evidence: dedupe(l.feedback.flatMap((f) => (f.evidence ? [f.evidence as SpeakingEvidence] : []))), feedback: l.feedback };
  });

  const realQuestions = questions.filter((q) => isQuestionSentence(q.turn, q.sentence));
  const measures: SpeakingMeasures = {
    candidateTurns: tx.candidate.length,
    candidateWords,
    interlocutorWords,
    interlocutorWordShare: interlocutorWords / Math.max(1, candidateWords + interlocutorWords),
    longestCandidateTurnWords: Math.max(...tx.candidate.map((t) => t.words.length)),
    monologues: tx.candidate.filter((t) => t.words.length > MONOLOGUE_WORDS).length,
    interruptions: findInterruptions(tx).length,
    speakingRateWpm: fluency.rateWpm,
    fillers: fluency.fillers.length,
    fillersPer100Words: fluencyInputs.fillersPer100,
    repetitions: fluency.repetitions.length,
    falseStarts: fluency.falseStarts.length,
    pauses: fluency.pauses ? fluency.pauses.length : null,
    pausesPerMinute: fluencyInputs.pausesPerMinute,
    meanAsrConfidence: intelligibility.meanConfidence,
    lowConfidenceWordShare: intelligibility.lowConfidenceShare,
    questions: {
      total: realQuestions.length,
      open: realQuestions.filter((q) => q.kind === 'OPEN').length,
      closed: realQuestions.filter((q) => q.kind === 'CLOSED').length,
      compound: questions.filter((q) => q.compound).length,
      leading: questions.filter((q) => q.leading).length + presumptions.length,
    },
    jargonTerms: jargon.length,
    jargonUnexplained: unexplained,
    casualExpressions: casual.length,
    judgementalPhrases: tone.length,
    learnerErrors: learnerErrors.length,
    learnerErrorsPer100Words: learnerRate,
    lexicalVariety: variety,
    complexSentenceShare: complexShare,
    proofreadErrorsPer100Words: proofRate,
    languageTraits: traits,
  };

  const indicatorResults: IndicatorResult[] = indicators.map((i) => ({ id: i.id, met: i.met, evidence: dedupe(i.evidence) }));
  return { criteria, indicators: indicatorResults, measures };
}
