/** Words, sentences and paragraphs of a learner essay, split leniently (learners drop spaces and capitals). */

export interface Word {
  text: string;
  lower: string;
  /** Anonymisation placeholders ("Generic_Name", "STUDENT_NAME") and numbers: counted, never spell-checked. */
  placeholder: boolean;
}

export interface SentenceUnits {
  text: string;
  words: Word[];
}

const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = m[0].replace(/’/g, "'");
    out.push({ text: t, lower: t.toLowerCase(), placeholder: t.includes('_') || /\d/.test(t) });
  }
  return out;
}

/**
 * Sentences end at . ! ? followed by space, end of text or a closing quote, at a line break, and at a full stop glued
 * between two words ("end.Then", "know.they": a learner's missing space; "e.g." and "U.S." have one-letter sides).
 */
export function sentences(text: string): SentenceUnits[] {
  const out: SentenceUnits[] = [];
  const boundary = /[.!?]+["'”’)]*(?=\s|$)|\n+|(?<=[a-z]{2})\.(?=[A-Za-z]{2})/g;
  let start = 0;
  const push = (end: number) => {
    const s = text.slice(start, end).trim();
    const w = words(s);
    if (w.length > 0) out.push({ text: s, words: w });
  };
  for (const m of text.matchAll(boundary)) {
    const end = m.index + m[0].length;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

/** Paragraphs: blank-line separated; an essay written with single line breaks only counts those. */
export function paragraphs(text: string): string[] {
  const trimmed = text.trim();
  const blank = trimmed.split(/\n\s*\n/).filter((p) => p.trim());
  return blank.length > 1 ? blank : trimmed.split(/\n/).filter((p) => p.trim());
}
