import { mattr, mtld } from './lexicalDiversity.js';
import { isMisspelled } from './spelling.js';
import { paragraphs, sentences, words } from './textUnits.js';
import {
  ADVANCED_CONNECTIVES, ALWAYS_CAPITALISED, CONNECTIVES, INFORMAL, LEARNER_ERRORS, MISSING_APOSTROPHE, STOPWORDS, SUBORDINATORS,
} from './wordLists.js';

/**
 * Measured features of an English text for the ELLIPSE trait head (training/language). The order is part of the
 * model: head.json stores these names and the assessor checks them. Rates are per word, per 100 words or per
 * sentence as the name says, so essays of different lengths compare.
 */
export const LANGUAGE_FEATURE_NAMES = [
  'log_words', 'log_sentences', 'log_paragraphs', 'words_per_paragraph', 'single_paragraph',
  'sent_len_mean', 'sent_len_sd', 'sent_len_max', 'long_sentence_ratio', 'short_sentence_ratio', 'run_on_ratio',
  'word_len_mean', 'word_len_sd', 'long_word_ratio', 'very_long_word_ratio', 'nominalisation_ratio', 'ly_adverb_ratio', 'content_word_ratio',
  'ttr', 'log_types', 'mattr', 'mtld', 'hapax_ratio', 'distinct_bigram_ratio', 'adjacent_overlap',
  'misspelled_ratio', 'misspelled_type_ratio', 'log_misspelled',
  'lower_sentence_start_ratio', 'lower_i_per100', 'missing_space_per100', 'space_before_punct_per100', 'repeated_punct_per_sentence',
  'lower_proper_per100', 'all_caps_ratio', 'unterminated_sentence_ratio', 'missing_apostrophe_per100', 'contraction_ratio',
  'comma_per_sentence', 'other_punct_per_sentence', 'question_ratio', 'exclamation_ratio',
  'learner_error_per100', 'repeated_word_per100', 'conjunction_start_ratio',
  'connective_per_sentence', 'additive_per_sentence', 'contrast_per_sentence', 'causal_per_sentence', 'sequence_per_sentence',
  'example_per_sentence', 'advanced_connective_per_sentence', 'distinct_connectives', 'subordinator_per_sentence', 'and_per_sentence',
  'first_person_ratio', 'second_person_ratio', 'informal_per100',
] as const;

export type LanguageFeatureName = (typeof LANGUAGE_FEATURE_NAMES)[number];

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sd = (xs: readonly number[]) => {
  const m = mean(xs);
  return xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) : 0;
};
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;
const ratio = (n: number, d: number) => (d > 0 ? n / d : 0);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseRe = (list: readonly string[]) => new RegExp(`\\b(?:${list.map(escape).join('|')})\\b`, 'g');
const CONNECTIVE_RES = Object.fromEntries(Object.entries(CONNECTIVES).map(([k, v]) => [k, phraseRe(v)])) as Record<keyof typeof CONNECTIVES, RegExp>;
const ALL_CONNECTIVES = phraseRe(Object.values(CONNECTIVES).flat());

export function languageFeatures(text: string): Record<LanguageFeatureName, number> {
  const lowerText = text.toLowerCase();
  const sents = sentences(text);
  const ws = words(text);
  const lw = ws.map((w) => w.lower);
  const nW = Math.max(ws.length, 1);
  const nS = Math.max(sents.length, 1);
  const per100 = (n: number) => (100 * n) / nW;
  const perSent = (n: number) => n / nS;
  const lengths = sents.map((s) => s.words.length);
  const letters = ws.filter((w) => !w.placeholder).map((w) => w.text.replace(/'/g, '').length);
  const paras = paragraphs(text);

  const types = new Map<string, number>();
  for (const w of lw) types.set(w, (types.get(w) ?? 0) + 1);
  const bigrams = new Set<string>();
  for (let i = 1; i < lw.length; i += 1) bigrams.add(`${lw[i - 1]} ${lw[i]}`);

  const checkable = ws.filter((w) => !w.placeholder && /^[A-Za-z']+$/.test(w.text));
  const misspelled = checkable.filter((w) => isMisspelled(w.text));

  const content = (s: { words: readonly { lower: string }[] }) => new Set(s.words.map((w) => w.lower).filter((w) => !STOPWORDS.has(w)));
  const overlaps: number[] = [];
  for (let i = 1; i < sents.length; i += 1) {
    const a = content(sents[i - 1]!);
    const b = content(sents[i]!);
    if (a.size && b.size) overlaps.push([...b].filter((w) => a.has(w)).length / Math.min(a.size, b.size));
  }

  const connectives = lowerText.match(ALL_CONNECTIVES) ?? [];
  const f: Record<LanguageFeatureName, number> = {
    log_words: Math.log1p(ws.length),
    log_sentences: Math.log1p(sents.length),
    log_paragraphs: Math.log1p(paras.length),
    words_per_paragraph: Math.log1p(ws.length / Math.max(paras.length, 1)),
    single_paragraph: paras.length <= 1 ? 1 : 0,
    sent_len_mean: mean(lengths),
    sent_len_sd: sd(lengths),
    sent_len_max: Math.max(0, ...lengths),
    long_sentence_ratio: ratio(lengths.filter((n) => n > 35).length, nS),
    short_sentence_ratio: ratio(lengths.filter((n) => n < 5).length, nS),
    // Long and barely punctuated: the run-ons and comma splices graders mark down.
    run_on_ratio: ratio(sents.filter((s) => s.words.length > 30 && count(s.text, /[,;:]/g) <= 1).length, nS),
    word_len_mean: mean(letters),
    word_len_sd: sd(letters),
    long_word_ratio: ratio(letters.filter((n) => n >= 7).length, nW),
    very_long_word_ratio: ratio(letters.filter((n) => n >= 10).length, nW),
    nominalisation_ratio: ratio(lw.filter((w) => w.length > 6 && /(?:tion|sion|ment|ness|ity|ance|ence)s?$/.test(w)).length, nW),
    ly_adverb_ratio: ratio(lw.filter((w) => w.length > 4 && w.endsWith('ly')).length, nW),
    content_word_ratio: ratio(lw.filter((w) => !STOPWORDS.has(w)).length, nW),
    ttr: ratio(types.size, nW),
    log_types: Math.log1p(types.size),
    mattr: mattr(lw),
    mtld: Math.log1p(mtld(lw)),
    hapax_ratio: ratio([...types.values()].filter((c) => c === 1).length, Math.max(types.size, 1)),
    distinct_bigram_ratio: ratio(bigrams.size, Math.max(lw.length - 1, 1)),
    adjacent_overlap: mean(overlaps),
    misspelled_ratio: ratio(misspelled.length, Math.max(checkable.length, 1)),
    misspelled_type_ratio: ratio(new Set(misspelled.map((w) => w.lower)).size, Math.max(types.size, 1)),
    log_misspelled: Math.log1p(misspelled.length),
    lower_sentence_start_ratio: ratio(sents.filter((s) => /^[^A-Za-z]*[a-z]/.test(s.text)).length, nS),
    lower_i_per100: per100(count(text, /(?<![\p{L}'’])i(?=$|[\s,.;:!?]|['’](?:m|ve|d|ll)\b)/gu)),
    missing_space_per100: per100(count(text, /[,;:!?][A-Za-z]|[a-z]\.[A-Za-z]{2,}/g)),
    space_before_punct_per100: per100(count(text, /\w\s+[,.;:!?](?!\.)/g)),
    repeated_punct_per_sentence: perSent(count(text, /([!?,])\1+|\.{2,}|[!?]{2,}/g)),
    lower_proper_per100: per100(ws.filter((w) => w.text === w.lower && ALWAYS_CAPITALISED.has(w.lower)).length),
    all_caps_ratio: ratio(ws.filter((w) => !w.placeholder && w.text.length > 1 && /^[A-Z]+$/.test(w.text)).length, nW),
    unterminated_sentence_ratio: ratio(sents.filter((s) => !/[.!?]["'”’)]*$/.test(s.text)).length, nS),
    missing_apostrophe_per100: per100(lw.filter((w) => MISSING_APOSTROPHE.has(w)).length),
    contraction_ratio: ratio(lw.filter((w) => /n't$|'(?:m|re|ve|ll|d)$/.test(w)).length, nW),
    comma_per_sentence: perSent(count(text, /,/g)),
    other_punct_per_sentence: perSent(count(text, /[;:()"“”—–]/g)),
    question_ratio: ratio(count(text, /\?/g), nS),
    exclamation_ratio: ratio(count(text, /!/g), nS),
    learner_error_per100: per100(LEARNER_ERRORS.reduce((n, re) => n + count(lowerText, re), 0)),
    repeated_word_per100: per100(lw.filter((w, i) => i > 0 && w === lw[i - 1] && w !== 'had' && w !== 'that').length),
    conjunction_start_ratio: ratio(sents.filter((s) => /^(?:and|but|so|because|or)$/.test(s.words[0]!.lower)).length, nS),
    connective_per_sentence: perSent(connectives.length),
    additive_per_sentence: perSent(count(lowerText, CONNECTIVE_RES.additive)),
    contrast_per_sentence: perSent(count(lowerText, CONNECTIVE_RES.contrast)),
    causal_per_sentence: perSent(count(lowerText, CONNECTIVE_RES.causal)),
    sequence_per_sentence: perSent(count(lowerText, CONNECTIVE_RES.sequence)),
    example_per_sentence: perSent(count(lowerText, CONNECTIVE_RES.example)),
    advanced_connective_per_sentence: perSent(lw.filter((w) => ADVANCED_CONNECTIVES.has(w)).length),
    distinct_connectives: Math.log1p(new Set(connectives).size),
    subordinator_per_sentence: perSent(lw.filter((w) => SUBORDINATORS.has(w)).length),
    and_per_sentence: perSent(lw.filter((w) => w === 'and').length),
    first_person_ratio: ratio(lw.filter((w) => /^(?:i|me|my|mine|i'm|i've|i'd|i'll)$/.test(w)).length, nW),
    second_person_ratio: ratio(lw.filter((w) => /^(?:you|your|yours|you're|you've|you'll)$/.test(w)).length, nW),
    informal_per100: per100(lw.filter((w) => INFORMAL.has(w)).length),
  };
  return f;
}
