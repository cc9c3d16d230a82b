import type nspell from 'nspell';
import { loadDictionaries, type Dictionaries } from './dictionaries.js';
import { editDistance } from './distance.js';
import { medicalSuggestions } from './medicalSuggest.js';
import { tokenize, type Token } from './tokens.js';
import type { ProofIssue, SpellingVariety, VarietyCounts } from './types.js';
import { CLINICAL_SHORTHAND, TITLES } from './units.js';
import { americanVariants, countVarieties, varietyMark, type VarietyMark } from './variety.js';

export interface SpellingResult {
  issues: ProofIssue[];
  misspelled: number;
  variety: SpellingVariety;
  varietyCounts: VarietyCounts;
}

export interface SpellingOptions {
  medicalWords?: ReadonlySet<string>;
  /** nspell's suggest takes 3–30 ms a word: at most this many words per text get suggestions (default 15). */
  maxSuggestions?: number;
}

const SUGGESTION_CACHE = new Map<string, string[]>();
const CACHE_LIMIT = 5000;
// A learner's misspelling is within two edits of the word meant; an unknown word further from every
// dictionary word is far more often a drug or term our lists lack than a misspelling.
const MAX_DISTANCE = 2;

function suggestions(checker: nspell, key: string, word: string): string[] {
  const cacheKey = `${key}:${word}`;
  let hit = SUGGESTION_CACHE.get(cacheKey);
  if (!hit) {
    const lower = word.toLowerCase();
    const sorted = sortedLetters(lower);
    // Closest first; among equals, the word with the same letters ("pateint" → "patient" before "patent"):
    // learners transpose letters far more often than they add or drop one.
    hit = checker
      .suggest(word)
      .map((s) => ({ s, d: editDistance(s.toLowerCase(), lower) + (sortedLetters(s.toLowerCase()) === sorted ? 0 : 0.5) }))
      .filter((x) => x.d <= MAX_DISTANCE + 0.5)
      .sort((a, b) => a.d - b.d)
      .map((x) => x.s);
    if (SUGGESTION_CACHE.size >= CACHE_LIMIT) SUGGESTION_CACHE.clear();
    SUGGESTION_CACHE.set(cacheKey, hit);
  }
  return hit;
}

function sortedLetters(word: string): string {
  return [...word].sort().join('');
}

function isKnown(dicts: Dictionaries, word: string): boolean {
  return dicts.gb.correct(word) || dicts.us.correct(word) || dicts.au.correct(word);
}

/** Abbreviations, numbers and codes: "BP", "HbA1c", "eGFR", "5mg", "T2DM" are not words to spell-check. */
function isCode(word: string): boolean {
  return /\d/.test(word) || /\p{Lu}.*\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word);
}

function isMedical(lower: string, medical: ReadonlySet<string> | undefined): boolean {
  if (CLINICAL_SHORTHAND.has(lower)) return true;
  if (!medical) return false;
  if (medical.has(lower)) return true;
  // Plurals and possessives of listed words: "statins", "Parkinson's".
  const base = lower.replace(/'s$|'$|(?<=[^s])s$|es$/, '');
  return base !== lower && medical.has(base);
}

interface Candidate {
  token: Token;
  /** The part of the token being judged: a hyphenated token is judged part by part. */
  start: number;
  word: string;
  sentenceStart: boolean;
  /** First word of the text or after . ! ? — not after a colon, a bracket or a new line. */
  afterStop: boolean;
  afterTitle: boolean;
}

function candidates(tokens: readonly Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'word' || token.inLink) continue;
    const prev = tokens[i - 1];
    const prevWord = prev?.kind === 'punct' && prev.text === '.' ? tokens[i - 2] : prev;
    const sentenceStart = !prev || prev.sentence !== token.sentence || (prev.kind === 'punct' && /[:"“(]/.test(prev.text));
    const next = tokens[i + 1];
    const afterStop = (!prev || (prev.kind === 'punct' && /[.!?]/.test(prev.text) && prev.sentence !== token.sentence)) && !(next?.kind === 'word' && /^\p{Lu}/u.test(next.text));
    const afterTitle = prevWord?.kind === 'word' && TITLES.has(prevWord.lower) && /^\p{Lu}/u.test(token.text);
    const word = token.text.replace(/’/g, "'").replace(/'s?$/, '');
    out.push({ token, start: token.start, word, sentenceStart, afterStop, afterTitle });
  }
  return out;
}

/** Spelling issues (misspellings and mixed varieties) in a text, given loaded dictionaries. */
export function checkSpellingWith(dicts: Dictionaries, text: string, tokens: readonly Token[], options: SpellingOptions = {}): SpellingResult {
  const marks: { mark: VarietyMark; token: Token }[] = [];
  const unknown: { candidate: Candidate; word: string; start: number }[] = [];
  for (const candidate of candidates(tokens)) {
    const { word, afterTitle } = candidate;
    if (word.length < 2 || afterTitle || isCode(word)) continue;
    const lower = word.toLowerCase();
    if (isKnown(dicts, word) || isKnown(dicts, lower)) {
      // "Medical Center" is a name: only words written in lower case (or opening a sentence) mark a variety.
      const markable = /^\p{Ll}+$/u.test(word) || (candidate.sentenceStart && /^\p{Lu}\p{Ll}+$/u.test(word));
      const mark = markable ? varietyMark(dicts, lower) : undefined;
      if (mark) marks.push({ mark, token: candidate.token });
      continue;
    }
    // "follow-up", "beta-blocker": judge each part when the whole is unknown.
    let offset = 0;
    for (const part of word.split('-')) {
      const partStart = candidate.start + offset;
      offset += part.length + 1;
      if (part.length < 2 || isCode(part) || isMedical(part.toLowerCase(), options.medicalWords)) continue;
      if (isKnown(dicts, part) || isKnown(dicts, part.toLowerCase())) continue;
      // "bacteraemia", "caesarean": British spellings of medical words the packs list the American way.
      if (americanVariants(part.toLowerCase()).some((v) => isMedical(v, options.medicalWords) || dicts.us.correct(v))) continue;
      unknown.push({ candidate, word: part, start: partStart });
    }
  }
  const counts = countVarieties(marks.map((m) => m.mark));
  const variety = overallVariety(counts);
  const [key, checker] = variety === 'en-US' ? (['us', dicts.us] as const) : variety === 'en-AU' ? (['au', dicts.au] as const) : (['gb', dicts.gb] as const);
  const issues: ProofIssue[] = [];
  let budget = options.maxSuggestions ?? 15;
  for (const { candidate, word, start } of unknown) {
    const capitalised = /^\p{Lu}/u.test(word);
    // A capitalised word no dictionary knows, mid-sentence, is a name; at a sentence start only a
    // one-edit slip of a dictionary word ("Pateint") is called a misspelling.
    if (capitalised && !candidate.sentenceStart) continue;
    // Past the budget a word cannot be shown to be near a dictionary word: leave it rather than risk a false alarm.
    if (!SUGGESTION_CACHE.has(`${key}:${word}`) && budget-- <= 0) continue;
    // A misspelt drug or condition is near a word of the medical list, not of the dictionaries.
    const medical = medicalSuggestions(options.medicalWords, word);
    const suggested = medical.length > 0 && medical[0] !== undefined && editDistance(medical[0], word.toLowerCase()) <= 1 ? medical : [...suggestions(checker, key, word), ...medical];
    if (suggested.length === 0) continue;
    // Names open sentences too ("Priya was seen"): a capitalised word is only a misspelling when the text
    // runs on after a full stop (not a label or a list) and a dictionary word has the same letters swapped.
    if (capitalised && !(candidate.afterStop && suggested[0] !== undefined && sortedLetters(suggested[0].toLowerCase()) === sortedLetters(word.toLowerCase()))) continue;
    issues.push({
      code: 'SPELLING_UNKNOWN_WORD',
      category: 'SPELLING',
      start,
      end: start + word.length,
      text: text.slice(start, start + word.length),
      message: `"${word}" is not a word in English dictionaries.`,
      suggestion: suggested[0]!,
      suggestions: suggested.slice(0, 5),
    });
  }
  issues.push(...varietyIssues(text, marks));
  return { issues, misspelled: issues.filter((i) => i.category === 'SPELLING').length, variety, varietyCounts: counts };
}

function overallVariety(counts: VarietyCounts): SpellingVariety {
  const british = Math.max(counts['en-GB'], counts['en-AU']);
  if (british === 0 && counts['en-US'] === 0) return 'unknown';
  if (british > 0 && counts['en-US'] > 0) return 'mixed';
  if (british === 0) return 'en-US';
  return counts['en-AU'] > counts['en-GB'] ? 'en-AU' : 'en-GB';
}

/** When a text mixes British and American spellings, the words of the less used one (the later one on a tie). */
function varietyIssues(text: string, marks: readonly { mark: VarietyMark; token: Token }[]): ProofIssue[] {
  const british = marks.filter((m) => m.mark.family === 'BRITISH');
  const american = marks.filter((m) => m.mark.family === 'AMERICAN');
  if (british.length === 0 || american.length === 0) return [];
  const minority =
    british.length !== american.length ? (british.length < american.length ? british : american) : british[0]!.token.start > american[0]!.token.start ? british : american;
  const majorityName = minority === british ? 'American' : 'British';
  return minority.map(({ mark, token }) => ({
    code: 'VARIETY_MIXED_SPELLING',
    category: 'VARIETY' as const,
    start: token.start,
    end: token.start + token.text.replace(/['’]s?$/, '').length,
    text: text.slice(token.start, token.start + token.text.replace(/['’]s?$/, '').length),
    message: `"${token.text}" is ${mark.family === 'BRITISH' ? 'British' : 'American'} spelling; the rest of the text uses ${majorityName} spelling. Use one variety throughout.`,
    suggestion: matchCase(token.text, mark.counterpart),
  }));
}

function matchCase(original: string, word: string): string {
  return /^\p{Lu}/u.test(original) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** Convenience: load the dictionaries (once) and check a text on its own. */
export async function checkSpelling(text: string, options: SpellingOptions = {}): Promise<SpellingResult> {
  return checkSpellingWith(await loadDictionaries(), text, tokenize(text), options);
}
