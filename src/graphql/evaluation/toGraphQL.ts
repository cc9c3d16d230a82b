import type { EvaluationRecord } from '../../app/ports.js';
import type { CriterionResult, Evidence, FeedbackItem as DomainFeedback } from '../../evaluation/types.js';
import type { CaseNoteItem, ChangedFact, CriterionResultType, EvidenceSpan, FeedbackItem, Measure, SpeakingIndicatorType } from './types.js';
import { FeedbackKindEnum } from './types.js';

const evidenceSpan = (e: Evidence & { turn?: number }): EvidenceSpan => ({ start: e.start, end: e.end, text: e.text, turn: e.turn ?? null });

const feedbackItem = (f: DomainFeedback): FeedbackItem => ({
  code: f.code,
  kind: f.kind === 'POSITIVE' ? FeedbackKindEnum.POSITIVE : FeedbackKindEnum.ISSUE,
  message: f.message,
  evidence: f.evidence ? evidenceSpan(f.evidence) : null,
  suggestion: f.suggestion ?? null,
  indicator: f.indicator ?? null,
});

export function criterionView(c: CriterionResult): CriterionResultType {
  return { name: c.name, score: c.score, max: c.max, evidence: c.evidence.map(evidenceSpan), feedback: c.feedback.map((f) => f.message), feedbackItems: c.feedback.map(feedbackItem) };
}

/** The stored details JSON: what evaluateWriting / evaluateSpeaking returned besides the criteria. */
export interface StoredDetails {
  estimate?: boolean;
  notes?: { text: string; start: number; end: number; section: string; relevance: string; reason: string; used: boolean; evidence: Evidence | null }[];
  factsChanged?: { type: string; start: number; end: number; text: string; message: string; evidence: Evidence | null }[];
  indicators?: { id: string; met: boolean | null; evidence: (Evidence & { turn?: number })[] }[];
  measures?: Record<string, number | null>;
  bodyWords?: number;
  languageTraits?: Record<string, number> | null;
  personalFeedback?: { criterion: string; text: string }[];
  task?: { letterType?: string; reader?: string; task?: string | null; card?: string | null };
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  return JSON.parse(text) as T;
}

export const criteriaOf = (e: EvaluationRecord): CriterionResultType[] => parseJson<CriterionResult[]>(e.criteria, []).map(criterionView);
export const detailsOf = (e: EvaluationRecord): StoredDetails => parseJson<StoredDetails>(e.details, {});

export function caseNotesOf(details: StoredDetails): CaseNoteItem[] {
  return (details.notes ?? []).map((n) => ({ text: n.text, start: n.start, end: n.end, section: n.section, relevance: n.relevance, reason: n.reason, used: n.used, evidence: n.evidence ? evidenceSpan(n.evidence) : null }));
}

export function factsOf(details: StoredDetails): ChangedFact[] {
  return (details.factsChanged ?? []).map((f) => ({ type: f.type, letter: { start: f.start, end: f.end, text: f.text, turn: null }, notes: f.evidence ? evidenceSpan(f.evidence) : null, message: f.message }));
}

export function indicatorsOf(details: StoredDetails): SpeakingIndicatorType[] {
  return (details.indicators ?? []).map((i) => ({ id: i.id, met: i.met, evidence: i.evidence.map(evidenceSpan) }));
}

export function measuresOf(details: StoredDetails): Measure[] {
  return Object.entries(details.measures ?? {}).map(([name, value]) => ({ name, value }));
}
