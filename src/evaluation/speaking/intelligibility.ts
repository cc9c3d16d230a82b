/**
 * Intelligibility can only be heard, so the evidence is the ASR's confidence: how sure the recogniser was of each
 * candidate word (or turn). Without confidences there is no measurement, and the score says so (see scoring.ts).
 */
import { alignWords, span, type IndexedTranscript } from './transcript.js';
import type { SpeakingEvidence } from '../types.js';

/** Below this an ASR word is likely misheard; a listener would strain on it too. */
export const LOW_CONFIDENCE = 0.6;

export interface IntelligibilityFindings {
  /** null when the transcript carries no confidences for the candidate. */
  meanConfidence: number | null;
  lowConfidenceShare: number | null;
  source: 'words' | 'turns' | null;
  /** The least confident candidate words (or turns), lowest first. */
  lowest: { evidence: SpeakingEvidence; confidence: number }[];
}

export function measureIntelligibility(tx: IndexedTranscript): IntelligibilityFindings {
  const words: { confidence: number; evidence?: SpeakingEvidence }[] = [];
  for (const turn of tx.candidate) {
    const aligned = alignWords(turn);
    (turn.source.words ?? []).forEach((w, i) => {
      if (w.confidence === undefined) return;
      const at = aligned[i];
      words.push({ confidence: w.confidence, ...(at ? { evidence: span(turn, at.start, at.end) } : {}) });
    });
  }
  const lowestOf = (items: { confidence: number; evidence?: SpeakingEvidence }[]): IntelligibilityFindings['lowest'] =>
    items
      .filter((x): x is { confidence: number; evidence: SpeakingEvidence } => x.confidence < LOW_CONFIDENCE && x.evidence !== undefined)
      .sort((a, b) => a.confidence - b.confidence || a.evidence.start - b.evidence.start)
      .slice(0, 5);
  if (words.length > 0) {
    const mean = words.reduce((s, w) => s + w.confidence, 0) / words.length;
    const low = words.filter((w) => w.confidence < LOW_CONFIDENCE).length / words.length;
    return { meanConfidence: mean, lowConfidenceShare: low, source: 'words', lowest: lowestOf(words) };
  }
  // Turn confidences, weighted by the turn's words.
  const turns = tx.candidate.filter((t) => t.source.confidence !== undefined && t.words.length > 0);
  if (turns.length === 0) return { meanConfidence: null, lowConfidenceShare: null, source: null, lowest: [] };
  const total = turns.reduce((s, t) => s + t.words.length, 0);
  const mean = turns.reduce((s, t) => s + t.source.confidence! * t.words.length, 0) / total;
  const low = turns.filter((t) => t.source.confidence! < LOW_CONFIDENCE).reduce((s, t) => s + t.words.length, 0) / total;
  const items = turns.map((t) => ({ confidence: t.source.confidence!, evidence: span(t, t.sentences[0]!.start, t.sentences[0]!.end) }));
  return { meanConfidence: mean, lowConfidenceShare: low, source: 'turns', lowest: lowestOf(items) };
}
