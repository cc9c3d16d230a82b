/**
 * Checks a transcript and indexes it once: each turn's offset in `transcriptText(turns)`, its words and sentences
 * with local offsets. Every detector works on this index so that evidence spans are exact by construction.
 */
import { BadUserInputError, InputTooLargeError } from '../../errors.js';
import type { SpeakingEvidence, TranscriptTurn, TranscriptWord } from '../types.js';

/** Far above a 5-minute role-play (~1,000 words); keeps the regex passes bounded. */
export const MAX_TRANSCRIPT_CHARS = 100_000;

export interface IndexedWord {
  text: string;
  lower: string;
  /** Offsets inside the turn's text. */
  start: number;
  end: number;
}

export interface IndexedSentence {
  text: string;
  start: number;
  end: number;
  words: IndexedWord[];
}

export interface IndexedTurn {
  index: number;
  speaker: TranscriptTurn['speaker'];
  text: string;
  /** Offset of the turn's first character in the whole transcript text. */
  offset: number;
  words: IndexedWord[];
  sentences: IndexedSentence[];
  source: TranscriptTurn;
}

export interface IndexedTranscript {
  text: string;
  turns: IndexedTurn[];
  candidate: IndexedTurn[];
  interlocutor: IndexedTurn[];
}

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/g;

export function tokenize(text: string, base = 0): IndexedWord[] {
  const words: IndexedWord[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = base + (m.index ?? 0);
    words.push({ text: m[0], lower: m[0].toLowerCase().replace('’', "'"), start, end: start + m[0].length });
  }
  return words;
}

/** Sentence ends at . ? ! (runs of them) followed by space or end, so "2.5 mg" and "e.g." mid-sentence survive. */
export function splitSentences(text: string): IndexedSentence[] {
  const sentences: IndexedSentence[] = [];
  const boundary = /[.?!…]+(?=\s|$)/g;
  let from = 0;
  const push = (end: number): void => {
    let start = from;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    let stop = end;
    while (stop > start && /\s/.test(text[stop - 1] ?? '')) stop--;
    if (stop > start) {
      const t = text.slice(start, stop);
      sentences.push({ text: t, start, end: stop, words: tokenize(t, start) });
    }
  };
  for (const m of text.matchAll(boundary)) {
    const end = (m.index ?? 0) + m[0].length;
    push(end);
    from = end;
  }
  push(text.length);
  return sentences;
}

function fail(message: string, details: Record<string, unknown> = {}): never {
  throw new BadUserInputError(message, details);
}

const isConfidence = (c: unknown): boolean => typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 1;
const isTime = (t: unknown): boolean => typeof t === 'number' && Number.isFinite(t) && t >= 0;

/** Rejects what would make a score meaningless: no candidate speech, blank turns, time running backwards, bad confidences. */
export function validateTurns(turns: readonly TranscriptTurn[]): void {
  if (!Array.isArray(turns) || turns.length === 0) fail('The transcript has no turns; send at least one CANDIDATE turn.');
  let total = 0;
  let lastStart = -1;
  turns.forEach((turn, i) => {
    if (turn.speaker !== 'CANDIDATE' && turn.speaker !== 'INTERLOCUTOR') {
      fail(`Turn ${i} has speaker "${String(turn.speaker)}"; expected CANDIDATE or INTERLOCUTOR.`, { turn: i });
    }
    if (typeof turn.text !== 'string' || turn.text.trim() === '') fail(`Turn ${i} has no text; remove empty turns.`, { turn: i });
    total += turn.text.length + 1;
    if (turn.confidence !== undefined && !isConfidence(turn.confidence)) {
      fail(`Turn ${i} has confidence ${turn.confidence}; ASR confidence must be between 0 and 1.`, { turn: i });
    }
    if (turn.startMs !== undefined && !isTime(turn.startMs)) fail(`Turn ${i} has startMs ${turn.startMs}; expected a number ≥ 0.`, { turn: i });
    if (turn.endMs !== undefined && !isTime(turn.endMs)) fail(`Turn ${i} has endMs ${turn.endMs}; expected a number ≥ 0.`, { turn: i });
    if (turn.startMs !== undefined && turn.endMs !== undefined && turn.endMs < turn.startMs) {
      fail(`Turn ${i} ends (${turn.endMs} ms) before it starts (${turn.startMs} ms).`, { turn: i });
    }
    if (turn.startMs !== undefined) {
      if (turn.startMs < lastStart) fail(`Turn ${i} starts at ${turn.startMs} ms, before turn ${i - 1} (${lastStart} ms); turns must be in time order.`, { turn: i });
      lastStart = turn.startMs;
    }
    let lastWordStart = -1;
    (turn.words ?? []).forEach((w: TranscriptWord, j: number) => {
      if (typeof w.text !== 'string' || !isTime(w.startMs) || !isTime(w.endMs) || w.endMs < w.startMs) {
        fail(`Word ${j} of turn ${i} needs text and times with startMs ≤ endMs (got ${w.startMs}–${w.endMs} ms).`, { turn: i, word: j });
      }
      if (w.startMs < lastWordStart) fail(`Word ${j} of turn ${i} starts before the word before it; word times must not decrease.`, { turn: i, word: j });
      lastWordStart = w.startMs;
      if (w.confidence !== undefined && !isConfidence(w.confidence)) {
        fail(`Word ${j} of turn ${i} has confidence ${w.confidence}; ASR confidence must be between 0 and 1.`, { turn: i, word: j });
      }
    });
  });
  if (total - 1 > MAX_TRANSCRIPT_CHARS) throw new InputTooLargeError('transcript', MAX_TRANSCRIPT_CHARS, total - 1);
  if (!turns.some((t) => t.speaker === 'CANDIDATE')) fail('The transcript has no CANDIDATE turn; there is nothing of the candidate to assess.');
}

export function indexTranscript(turns: readonly TranscriptTurn[]): IndexedTranscript {
  const indexed: IndexedTurn[] = [];
  let offset = 0;
  turns.forEach((source, index) => {
    indexed.push({
      index,
      speaker: source.speaker,
      text: source.text,
      offset,
      words: tokenize(source.text),
      sentences: splitSentences(source.text),
      source,
    });
    offset += source.text.length + 1;
  });
  return {
    text: turns.map((t) => t.text).join('\n'),
    turns: indexed,
    candidate: indexed.filter((t) => t.speaker === 'CANDIDATE'),
    interlocutor: indexed.filter((t) => t.speaker === 'INTERLOCUTOR'),
  };
}

/** Evidence for local offsets [start, end) of a turn. */
export function span(turn: IndexedTurn, start: number, end: number): SpeakingEvidence {
  return { start: turn.offset + start, end: turn.offset + end, text: turn.text.slice(start, end), turn: turn.index };
}

export interface Match {
  turn: IndexedTurn;
  start: number;
  end: number;
  text: string;
}

/** Every match of a (global, case-insensitive) pattern in the given turns, with local offsets. */
export function findAll(turns: readonly IndexedTurn[], pattern: RegExp): Match[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  const out: Match[] = [];
  for (const turn of turns) {
    for (const m of turn.text.matchAll(re)) {
      if (m[0].length === 0) continue;
      const start = m.index ?? 0;
      out.push({ turn, start, end: start + m[0].length, text: m[0] });
    }
  }
  return out;
}

export const evidenceOf = (m: Match): SpeakingEvidence => span(m.turn, m.start, m.end);

/** The sentence of a turn containing a local offset. */
export function sentenceAt(turn: IndexedTurn, offset: number): IndexedSentence | undefined {
  return turn.sentences.find((s) => offset >= s.start && offset < s.end);
}

export const quote = (text: string, max = 90): string => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/**
 * Where each ASR word lies in the turn's text, in order (undefined when a word cannot be found, e.g. the ASR and the
 * text disagree), so timing and confidence findings can quote the exact words.
 */
export function alignWords(turn: IndexedTurn): ({ start: number; end: number } | undefined)[] {
  const lower = turn.text.toLowerCase();
  let cursor = 0;
  return (turn.source.words ?? []).map((w) => {
    const needle = w.text.toLowerCase().replace(/^[^a-z0-9']+|[^a-z0-9']+$/g, '');
    if (!needle) return undefined;
    let at = lower.indexOf(needle, cursor);
    while (at >= 0) {
      const before = at === 0 ? ' ' : lower[at - 1]!;
      const after = lower[at + needle.length] ?? ' ';
      if (!/[a-z0-9]/.test(before) && !/[a-z0-9]/.test(after)) break;
      at = lower.indexOf(needle, at + 1);
    }
    if (at < 0) return undefined;
    cursor = at + needle.length;
    return { start: at, end: at + needle.length };
  });
}
