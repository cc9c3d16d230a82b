/**
 * Fluency as assessors hear it: fillers, repetitions and false starts, silent pauses of 2 s or more inside the
 * candidate's turns (from word timings), and speaking rate. Pauses between turns are the patient's time, not counted.
 */
import { alignWords, findAll, span, type IndexedTranscript, type Match } from './transcript.js';
import type { SpeakingEvidence } from '../types.js';

export const PAUSE_MS = 2000;

export interface FluencyFindings {
  fillers: Match[];
  repetitions: SpeakingEvidence[];
  falseStarts: Match[];
  /** null without word timings. */
  pauses: { evidence?: SpeakingEvidence; ms: number; turn: number }[] | null;
  speakingMinutes: number | null;
  timedWords: number;
  rateWpm: number | null;
}

const FILLERS = [
  /\b(?:u+m+|u+h+|e+r+m*|a+h+|hmm+)\b/i,
  /\blike(?=\s*,)|(?<=,\s*)like\b(?=\s*,)/i,
  /(?<!\b(?:do|did|would|if|what|as|don't|didn't|will|to)\s)\byou know(?=\s*[,.?!]|\s*$)/i,
  /\bI mean(?=\s*,)/i,
];
const FILLER_WORD = /^(?:u+m+|u+h+|e+r+m*|a+h+|hmm+)$/;
/** Doubled words that are grammatical ("that that", "had had"). */
const LEGIT_DOUBLES = new Set(['that', 'had', 'very', 'really', 'no', 'bye', 'so', 'well', 'ok', 'okay', 'mm', 'hmm']);

export function measureFluency(tx: IndexedTranscript): FluencyFindings {
  const fillers = FILLERS.flatMap((re) => findAll(tx.candidate, re)).sort((a, b) => a.turn.index - b.turn.index || a.start - b.start);
  const falseStarts = findAll(tx.candidate, /\b[A-Za-z]{1,8}-(?=\s|[—–]|$)/);

  const repetitions: SpeakingEvidence[] = [];
  for (const turn of tx.candidate) {
    // Fillers are skipped so that "we can, er, we can" still reads as a restart.
    const w = turn.words.filter((x) => !FILLER_WORD.test(x.lower));
    for (let i = 1; i < w.length; i++) {
      const a = w[i - 1]!;
      const b = w[i]!;
      // Two-word restart: "I will — I will".
      if (i >= 3 && w[i - 3]!.lower === a.lower && w[i - 2]!.lower === b.lower && w[i - 3]!.lower !== w[i - 2]!.lower) {
        repetitions.push(span(turn, w[i - 3]!.start, b.end));
        continue;
      }
      if (a.lower === b.lower && !LEGIT_DOUBLES.has(a.lower) && !/^\d/.test(a.lower)) repetitions.push(span(turn, a.start, b.end));
    }
  }

  let pauses: FluencyFindings['pauses'] = null;
  let minutes = 0;
  let timedWords = 0;
  let anyTiming = false;
  for (const turn of tx.candidate) {
    const words = turn.source.words ?? [];
    if (words.length >= 1) {
      anyTiming = true;
      pauses ??= [];
      const aligned = alignWords(turn);
      for (let i = 1; i < words.length; i++) {
        const gap = words[i]!.startMs - words[i - 1]!.endMs;
        if (gap < PAUSE_MS) continue;
        const before = aligned[i - 1];
        const after = aligned[i];
        pauses.push({ ms: gap, turn: turn.index, ...(before && after ? { evidence: span(turn, before.start, after.end) } : {}) });
      }
      minutes += (words[words.length - 1]!.endMs - words[0]!.startMs) / 60_000;
      timedWords += words.length;
    } else if (turn.source.startMs !== undefined && turn.source.endMs !== undefined) {
      anyTiming = true;
      minutes += (turn.source.endMs - turn.source.startMs) / 60_000;
      timedWords += turn.words.length;
    }
  }
  const rateWpm = anyTiming && minutes > 0 ? timedWords / minutes : null;
  return { fillers, repetitions, falseStarts, pauses, speakingMinutes: anyTiming ? minutes : null, timedWords, rateWpm };
}
