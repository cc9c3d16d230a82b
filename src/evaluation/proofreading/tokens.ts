/** A word or a punctuation mark of the input, with UTF-16 offsets. */
export interface Token {
  kind: 'word' | 'punct';
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Index of the sentence it belongs to. */
  sentence: number;
  /** Inside a URL or an e-mail address: never checked. */
  inLink: boolean;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
// A full stop after these is not the end of a sentence.
const NO_STOP_AFTER = new Set(['e.g', 'i.e', 'etc', 'approx', 'dr', 'mr', 'mrs', 'ms', 'prof', 'vs', 'no', 'st', 'jr', 'sr', 'fig', 'ref', 'dept', 'tel', 'inc', 'co']);

export function linkSpans(text: string): [number, number][] {
  return [...text.matchAll(LINK)].map((m) => [m.index, m.index + m[0].length]);
}

/** Words and punctuation marks, each tagged with its sentence (split after . ! ? and at blank lines). */
export function tokenize(text: string): Token[] {
  const links = linkSpans(text);
  const tokens: Token[] = [];
  let sentence = 0;
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
    if (/\n[ \t]*\n/.test(text.slice(last, start)) && tokens.length > 0) sentence++;
    const kind = /[\p{L}\p{M}\p{N}]/u.test(raw) ? 'word' : 'punct';
    const inLink = links.some(([a, b]) => start >= a && start < b);
    tokens.push({ kind, text: raw, lower: raw.toLowerCase().replace(/’/g, "'"), start, end: start + raw.length, sentence, inLink });
    last = start + raw.length;
    if (kind === 'punct' && /[.!?]/.test(raw) && !inLink && endsSentence(text, tokens)) sentence++;
  }
  return tokens;
}

function endsSentence(text: string, tokens: Token[]): boolean {
  const mark = tokens[tokens.length - 1]!;
  const next = text[mark.end];
  if (next !== undefined && !/[\s"'’”)\]]/.test(next)) return false;
  if (mark.text !== '.') return true;
  const prev = tokens[tokens.length - 2];
  // An ellipsis may go on with the same sentence ("tired... and pale").
  if (prev?.text === '.' && prev.end === mark.start) return false;
  if (!prev || prev.kind !== 'word' || prev.end !== mark.start) return true;
  // "e.g." is tokenised e . g . — a single letter before the stop is an abbreviation or an initial.
  if (prev.text.length === 1 && /\p{L}/u.test(prev.text)) return false;
  return !NO_STOP_AFTER.has(prev.lower);
}

/** The words of a sentence-level view: consecutive word tokens with no punctuation between them. */
export function isWord(token: Token | undefined): token is Token {
  return token !== undefined && token.kind === 'word';
}

export function countWords(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.kind === 'word') n++;
  return n;
}
