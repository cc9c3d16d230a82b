/** A word or symbol of the input with its UTF-16 offsets (`end` exclusive). */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Folded form for matching: lower case, no diacritics. */
  lower: string;
}

// Words (letters/digits with inner hyphens, apostrophes, dots in numbers, slashes in "5/7" or "U&E"), or any other
// single non-space character.
const TOKEN = /[\p{L}\p{N}]+(?:[-'’.&/][\p{L}\p{N}]+)*|[^\s]/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = from;
  for (let m = TOKEN.exec(text); m !== null && m.index < to; m = TOKEN.exec(text)) {
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length, lower: m[0].normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase() });
  }
  return tokens;
}

export interface Sentence {
  start: number;
  end: number;
}

// Abbreviations that end in a dot without ending a sentence.
const NO_BREAK = new Set(['dr', 'mr', 'mrs', 'ms', 'prof', 'sr', 'st', 'vs', 'e.g', 'i.e', 'etc', 'approx', 'no', 'fig', 'inc', 'b.d', 't.d.s', 'q.d.s', 'o.d', 'p.r.n', 'a.m', 'p.m', 'mg', 'ml', 'pt', 'hx', 'dx', 'rx', 'tx', 'yrs', 'y.o']);

/**
 * Sentences of a clinical text: a full stop, question or exclamation mark followed by space, or a line break (case
 * notes are lists). Abbreviation dots ("Dr.", "b.d.") and decimal points do not end a sentence; semicolons are
 * clause boundaries for context scopes, not sentence ends.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const s = skipSpace(text, start, end);
    const e = trimEnd(text, s, end);
    if (e > s) sentences.push({ start: s, end: e });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      continue;
    }
    if (c === '.' || c === '?' || c === '!') {
      const next = text[i + 1];
      if (next !== undefined && !/\s/.test(next)) continue;
      // "? PE" queries a diagnosis: a question mark after a space or at a line start ends nothing.
      if (c === '?' && (i === start || /\s/.test(text[i - 1] ?? ' '))) continue;
      if (c === '.') {
        const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(start, i - 8), i))?.[1]?.toLowerCase();
        if (word && NO_BREAK.has(word)) continue;
        // An initial ("E. coli", "J. Smith") is not a sentence end.
        if (/(?:^|[\s(])[A-Z]$/.test(text.slice(Math.max(start, i - 2), i))) continue;
        if (/\d$/.test(text.slice(0, i)) && /^\s*\d/.test(text.slice(i + 1, i + 4))) continue;
      }
      push(i + 1);
    }
  }
  push(text.length);
  return sentences;
}

function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && /\s/.test(text[i - 1]!)) i--;
  return i;
}
