import type { Evidence } from '../types.js';

/** A line of the letter with its offsets (UTF-16, `end` exclusive, without the line break). */
export interface Line extends Evidence {}

export type SalutationKind = 'TITLE_AND_NAME' | 'SIR_OR_MADAM' | 'FIRST_NAME' | 'OTHER';
export type ClosingKind = 'SINCERELY' | 'FAITHFULLY' | 'REGARDS' | 'OTHER';

export interface LetterParts {
  /** Lines above the salutation that are not the date or the Re: line: the recipient's name, title and address. */
  recipient: Line[];
  date: (Line & { fullForm: boolean }) | null;
  re: (Line & { hasName: boolean; hasDateOfBirthOrAge: boolean }) | null;
  salutation: (Line & { kind: SalutationKind }) | null;
  /** The body: after the salutation (and a Re: line under it), before the closing. */
  body: Evidence;
  paragraphs: Evidence[];
  closing: (Line & { kind: ClosingKind }) | null;
  /** Lines after the closing: the writer's name and role. */
  signOff: Line[];
  /** Words of the body only, as OET counts them. */
  bodyWords: number;
}

const SALUTATION = /^(dear|hello|hi|to whom it may concern)\b/i;
const RE_LINE = /^(re|subject|ref)\s*[:\-–]/i;
const CLOSING = /^(yours\s+(sincerely|faithfully|truly)|(kind|best|warm)(est)?\s+regards|regards|sincerely|thank you,?$|thanks,?$|cheers)\b/i;
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
const FULL_DATE = new RegExp(String.raw`^\s*(\d{1,2}(st|nd|rd|th)?\s+(${MONTHS})\s+\d{4}|(${MONTHS})\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4})\s*$`, 'i');
const NUMERIC_DATE = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$/;
const DOB_OR_AGE = /\b(DOB|D\.O\.B|date of birth|born|aged?|\d{1,3}[- ]?(year|yr)s?[- ]old|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4})\b/i;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    const end = start + raw.length;
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed !== '') lines.push({ start: start + lead, end: start + lead + trimmed.length, text: trimmed });
    start = end + 1;
  }
  return lines;
}

function salutationKind(text: string): SalutationKind {
  if (/^dear\s+(sir|madam|sir\s*\/\s*madam|sir or madam|colleague|doctor)\b/i.test(text)) return 'SIR_OR_MADAM';
  if (/^dear\s+(dr|doctor|mr|mrs|ms|miss|mx|prof|professor|sister|nurse)\.?\s+\S/i.test(text)) return 'TITLE_AND_NAME';
  if (/^(dear|hi|hello)\s+[A-Z][a-z]+,?$/.test(text)) return 'FIRST_NAME';
  return 'OTHER';
}

function closingKind(text: string): ClosingKind {
  if (/sincerely/i.test(text)) return 'SINCERELY';
  if (/faithfully/i.test(text)) return 'FAITHFULLY';
  if (/regards/i.test(text)) return 'REGARDS';
  return 'OTHER';
}

/** Paragraphs of the body: separated by blank lines, or, when the writer used none, by lines. */
function paragraphsOf(text: string, from: number, to: number): Evidence[] {
  const slice = text.slice(from, to);
  const blocks = /\n\s*\n/.test(slice) ? slice.split(/\n\s*\n/) : slice.split('\n');
  const out: Evidence[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const at = slice.indexOf(block, cursor);
    cursor = at + block.length;
    const trimmed = block.trim();
    if (trimmed === '') continue;
    const start = from + at + (block.length - block.trimStart().length);
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.\-/][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * The parts OET's layout criterion looks at. A letter without a salutation or closing still has a body (everything
 * between what was found), so the other criteria can be judged on it.
 */
export function letterParts(text: string): LetterParts {
  const lines = linesOf(text);
  const salutationIndex = lines.findIndex((l) => SALUTATION.test(l.text));
  let closingIndex = -1;
  for (let i = lines.length - 1; i > Math.max(salutationIndex, -1); i--) {
    if (CLOSING.test(lines[i]!.text)) {
      closingIndex = i;
      break;
    }
  }
  const head = lines.slice(0, salutationIndex === -1 ? 0 : salutationIndex);
  const reIndex = lines.findIndex((l, i) => RE_LINE.test(l.text) && (closingIndex === -1 || i < closingIndex));
  const reLine = reIndex === -1 ? null : lines[reIndex]!;
  const dateLine = head.find((l) => FULL_DATE.test(l.text) || NUMERIC_DATE.test(l.text)) ?? null;
  const recipient = head.filter((l) => l !== dateLine && l !== reLine);

  // The body starts after the salutation, or after a Re: line placed under it.
  let bodyFrom = salutationIndex === -1 ? 0 : salutationIndex + 1;
  if (reIndex !== -1 && reIndex === bodyFrom) bodyFrom = reIndex + 1;
  if (salutationIndex === -1 && reIndex !== -1) bodyFrom = reIndex + 1;
  const bodyTo = closingIndex === -1 ? lines.length : closingIndex;
  const bodyLines = lines.slice(bodyFrom, bodyTo);
  const bodyStart = bodyLines[0]?.start ?? text.length;
  const bodyEnd = bodyLines.at(-1)?.end ?? bodyStart;
  const body = { start: bodyStart, end: bodyEnd, text: text.slice(bodyStart, bodyEnd) };

  return {
    recipient,
    date: dateLine && { ...dateLine, fullForm: FULL_DATE.test(dateLine.text) },
    re: reLine && {
      ...reLine,
      hasName: /\b(mr|mrs|ms|miss|mx|master)\.?\s+[A-Z]|[A-Z][a-z]+\s+[A-Z][a-z]+/.test(reLine.text.replace(RE_LINE, '')),
      hasDateOfBirthOrAge: DOB_OR_AGE.test(reLine.text),
    },
    salutation: salutationIndex === -1 ? null : { ...lines[salutationIndex]!, kind: salutationKind(lines[salutationIndex]!.text) },
    body,
    paragraphs: paragraphsOf(text, bodyStart, bodyEnd),
    closing: closingIndex === -1 ? null : { ...lines[closingIndex]!, kind: closingKind(lines[closingIndex]!.text) },
    signOff: closingIndex === -1 ? [] : lines.slice(closingIndex + 1),
    bodyWords: countWords(body.text),
  };
}
