import type { Token } from '../tokens.js';
import { linkSpans } from '../tokens.js';
import { span, wordsFrom, type Finding, type Rule, type RuleContext } from './rule.js';

function outsideLinks(text: string): (index: number) => boolean {
  const links = linkSpans(text);
  return (index) => !links.some(([a, b]) => index >= a && index < b);
}

function regexRule(code: string, pattern: RegExp, finding: (m: RegExpMatchArray, text: string) => Finding | undefined): Rule {
  return {
    code,
    category: 'PUNCTUATION',
    check({ text }) {
      const free = outsideLinks(text);
      const out: Finding[] = [];
      for (const m of text.matchAll(pattern)) {
        if (!free(m.index!)) continue;
        const f = finding(m, text);
        if (f) out.push(f);
      }
      return out;
    },
  };
}

/** "daily , and" → "daily, and". Not " .5 mg", "10 : 30" or an ellipsis. */
export const spaceBeforePunctuation = regexRule('PUNCTUATION_SPACE_BEFORE', /(?<=[\p{L}\p{N})])[ \t]+([,.;:!?])(?![.\p{L}\p{N}])/gu, (m, text) => {
  const mark = m[1]!;
  const at = m.index!;
  if (mark === ':' && /\d/.test(text[at - 1] ?? '')) return undefined;
  return { start: at, end: at + m[0].length, message: `No space before "${mark}".`, suggestion: mark };
});

/** "however,the" / "daily.She" → a space after the mark. Not "1,000", "e.g.", "nhs.uk" or "3.5". */
export const noSpaceAfterPunctuation = regexRule('PUNCTUATION_NO_SPACE_AFTER', /(?<=\p{L}|\))[,;](?=\p{L})|(?<=\p{Ll}{2})[.?!](?=\p{Lu}\p{Ll})/gu, (m) => ({
  start: m.index!,
  end: m.index! + 1,
  message: `Put a space after "${m[0]}".`,
  suggestion: `${m[0]} `,
}));

/** ",," ",." ".." "!!" → one mark. Not the ellipsis "...". */
export const doubledPunctuation = regexRule('PUNCTUATION_DOUBLED', /,{2,}|;{2,}|,\.|(?<!\.)\.\.(?!\.)|\?{2,}|!{2,}/g, (m) => ({
  start: m.index!,
  end: m.index! + m[0].length,
  message: 'One punctuation mark is enough here.',
  suggestion: m[0] === ',.' ? '.' : m[0][0]!,
}));

function sentences(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (last && last[0]!.sentence === t.sentence) last.push(t);
    else out.push([t]);
  }
  return out;
}

/** A sentence that starts with a lower-case word (not "eGFR", "pH", "mg"). */
export const sentenceCapital: Rule = {
  code: 'PUNCTUATION_SENTENCE_CAPITAL',
  category: 'PUNCTUATION',
  check(context) {
    const out: Finding[] = [];
    for (const sentence of sentences(context.tokens)) {
      const first = sentence[0]!;
      const mark = context.tokens[context.tokens.indexOf(first) - 1];
      // "? pulmonary embolism": a clinician's query mark, not the end of a sentence.
      if (mark?.text === '?' && /\s/.test(context.text[mark.start - 1] ?? '')) continue;
      if (first.kind !== 'word' || first.inLink || !/^\p{Ll}[\p{Ll}'’-]*$/u.test(first.text) || first.text === 'i') continue;
      out.push(span(first, first, 'A sentence starts with a capital letter.', first.text[0]!.toUpperCase() + first.text.slice(1)));
    }
    return out;
  },
};

const RUN_ON_WORDS = 40;

/** A sentence of 40+ words with no comma, semicolon, colon, dash or bracket: hard to follow. */
export const runOnSentence: Rule = {
  code: 'PUNCTUATION_RUN_ON_SENTENCE',
  category: 'PUNCTUATION',
  check({ tokens }) {
    const out: Finding[] = [];
    for (const sentence of sentences(tokens)) {
      const wordTokens = sentence.filter((t) => t.kind === 'word');
      if (wordTokens.length < RUN_ON_WORDS || sentence.some((t) => t.kind === 'punct' && /[,;:()—–-]/.test(t.text))) continue;
      out.push(span(wordTokens[0]!, wordTokens[wordTokens.length - 1]!, `This sentence runs to ${wordTokens.length} words without punctuation; split it or add commas.`));
    }
    return out;
  },
};

const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we']);
const FINITE = /^(?:is|was|were|are|has|had|have|will|would|can|could|did|does|do|should|must|may|might|\p{Ll}{3,}ed)$/u;
const COMMON_VERBS = /^(?:remains?|takes?|needs?|requires?|continues?|seems?|appears?|feels?|lives?|reports?|denies|uses?|shows?|looks?|am|be|became|came|went|felt|took|gave|saw|made|got|began|told|knew|thought|lost|kept|would|shall)$/;
const ADVERBS = new Set(['also', 'then', 'now', 'still', 'later', 'subsequently', 'currently', 'already', 'never', 'always']);
const SUBORDINATORS = new Set(['although', 'though', 'because', 'since', 'when', 'while', 'whilst', 'if', 'as', 'after', 'before', 'unless', 'whereas', 'which', 'who', 'that', 'once', 'until', 'where', 'whether', 'so', 'but', 'and', 'or']);
const REPORTING = new Set(['said', 'says', 'thinks', 'believes', 'reported', 'reports', 'feels', 'felt', 'added', 'explained', 'noted', 'stated', 'admitted', 'claims', 'claimed', 'thought', 'believed', 'hopes', 'hoped']);

/** "He was admitted on Monday, he was given fluids." Two full clauses joined by a bare comma. */
export const commaSplice: Rule = {
  code: 'PUNCTUATION_COMMA_SPLICE',
  category: 'PUNCTUATION',
  check(context: RuleContext) {
    const out: Finding[] = [];
    for (const sentence of sentences(context.tokens)) {
      const comma = sentence.findIndex((t) => t.text === ',');
      if (comma < 2) continue;
      const before = sentence.slice(0, comma);
      if (before.some((t) => t.kind !== 'word' || SUBORDINATORS.has(t.lower))) continue;
      if (!SUBJECT_PRONOUNS.has(before[0]!.lower) || !before.slice(1).some((t) => FINITE.test(t.lower))) continue;
      const startIndex = context.tokens.indexOf(sentence[comma + 1]!);
      const after = startIndex === -1 ? [] : wordsFrom(context.tokens, startIndex, 3).map((t) => t.lower);
      if (!SUBJECT_PRONOUNS.has(after[0] ?? '')) continue;
      const verb = ADVERBS.has(after[1] ?? '') ? after[2] : after[1];
      if (!verb || !FINITE.test(verb) || REPORTING.has(verb)) continue;
      const mark = sentence[comma]!;
      out.push(span(mark, mark, 'Two complete sentences are joined by only a comma; use a full stop, a semicolon or a linking word.', ';'));
    }
    return out;
  },
};

/** A paragraph of six or more words that ends without . ! or ? (labels such as "Re:" lines excepted). */
/**
 * The last line of each paragraph (followed by a blank line or the end of the text), found line by line: a regex with
 * a lookahead for the end of the text backtracks through every start position of a long line (quadratic).
 */
function paragraphEnds(text: string): { line: string; lineStart: number }[] {
  const out: { line: string; lineStart: number }[] = [];
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const start = offset;
    offset += raw.length + 1;
    if (!/\S/.test(raw)) continue;
    const rest = lines.slice(i + 1);
    const next = rest.findIndex((l) => /\S/.test(l));
    // A paragraph end: nothing but blank lines follow, or a blank line comes before the next text.
    if (next === -1 || rest.slice(0, next).some((l) => /^[ \t]*$/.test(l))) out.push({ line: raw.trimEnd(), lineStart: start });
  }
  return out;
}

export const missingFinalPunctuation: Rule = {
  code: 'PUNCTUATION_MISSING_FINAL',
  category: 'PUNCTUATION',
  check({ text, tokens }) {
    const out: Finding[] = [];
    // Paragraph ends: a line followed by a blank line or the end of the text (a hard-wrapped line is not one).
    for (const { line, lineStart } of paragraphEnds(text)) {
      if (/[.!?:;,)"'’”…]$/.test(line) || /^[^\s]{1,25}:|^\s*[-*•]|^\s*[A-Za-z\s]{1,25}:/.test(line)) continue;
      const lineTokens = tokens.filter((t) => t.start >= lineStart && t.end <= lineStart + line.length);
      const wordTokens = lineTokens.filter((t) => t.kind === 'word');
      const last = lineTokens[lineTokens.length - 1];
      if (wordTokens.length < 6 || !last || last.kind !== 'word' || last.inLink || /\S {3,}\S|\t/.test(line)) continue;
      // A sentence, not an address, a date or a header: mostly lower-case words and a finite verb.
      const lower = wordTokens.filter((t) => /^\p{Ll}/u.test(t.text));
      if (lower.length < wordTokens.length * 0.6 || !lower.some((t) => FINITE.test(t.lower) || COMMON_VERBS.test(t.lower))) continue;
      out.push(span(last, last, 'The sentence has no full stop at the end.', `${last.text}.`));
    }
    return out;
  },
};
