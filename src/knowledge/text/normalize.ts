import { stemmer } from 'stemmer';

/**
 * Text folding shared by every lexicon: the same phrase written in British, Australian or American English, in
 * any case, with or without diacritics and punctuation, folds to the same tokens.
 */

/** Lower case, no diacritics, no trademark signs, punctuation turned into single spaces (hyphens and slashes too). */
export function foldText(text: string): string {
  // Most names are plain ASCII: skip Unicode normalisation for them (it dominated pack loading).
  let folded = /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[®™©]/g, '') : text;
  folded = folded.toLowerCase().replace(/['’`]s\b/g, 's').replace(/[^a-z0-9.%+]+/g, ' ');
  // A dot survives only inside a number ("2.5"): elsewhere it ends a word.
  if (folded.includes('.')) folded = folded.replace(/(?<![0-9])\.|\.(?![0-9])/g, ' ').replace(/ {2,}/g, ' ');
  return folded.trim();
}

// Whole-word British/Australian spellings whose American form the regular rules below cannot derive.
const WORD_VARIANTS: Record<string, string> = {
  tumour: 'tumor',
  tumours: 'tumors',
  behaviour: 'behavior',
  behavioural: 'behavioral',
  colour: 'color',
  centre: 'center',
  fibre: 'fiber',
  fibres: 'fibers',
  litre: 'liter',
  litres: 'liters',
  programme: 'program',
  sulphate: 'sulfate',
  sulphur: 'sulfur',
  aluminium: 'aluminum',
  faeces: 'feces',
  faecal: 'fecal',
  grey: 'gray',
  mould: 'mold',
  plaster: 'plaster',
  orthopaedic: 'orthopedic',
  orthopaedics: 'orthopedics',
  labour: 'labor',
  haemophilus: 'hemophilus',
  aetiology: 'etiology',
  anaesthesia: 'anesthesia',
  anaesthetic: 'anesthetic',
  oestrogen: 'estrogen',
  foetus: 'fetus',
  foetal: 'fetal',
  caesarean: 'cesarean',
  manoeuvre: 'maneuver',
  ageing: 'aging',
  gonorrhoea: 'gonorrhea',
  haemorrhoids: 'hemorrhoids',
  paralyse: 'paralyze',
  paralysed: 'paralyzed',
  catheterisation: 'catheterization',
};

// Regular British → American patterns, limited to medical stems so ordinary words ("aerobic", "does") stay intact.
const PATTERNS: [RegExp, string][] = [
  [/^haem/, 'hem'],
  [/^oesophag/, 'esophag'],
  [/^oedem/, 'edem'],
  [/^oestr/, 'estr'],
  [/^paed/, 'ped'],
  [/^gynaec/, 'gynec'],
  [/^coeli/, 'celi'],
  [/^foet/, 'fet'],
  [/^caes/, 'ces'],
  [/aemi(a|c|as)$/, 'emi$1'],
  [/aem/, 'em'],
  [/rrhoea(l?)$/, 'rrhea$1'],
  [/noea$/, 'nea'],
  [/noeic$/, 'neic'],
  [/oeal$/, 'eal'],
  [/([a-z]{3})isation(s?)$/, '$1ization$2'],
  [/(ali|ari|oni|lysi|ti)se(d|s)?$/, '$1ze$2'],
  [/ischaem/, 'ischem'],
  [/leukaem/, 'leukem'],
  [/glycaem/, 'glycem'],
  [/septicaem/, 'septicem'],
  [/tre$/, 'ter'],
];

const SPELLING_EXCEPTIONS = new Set(['exercise', 'disease', 'otherwise', 'noise', 'raise', 'wise', 'practise', 'centre', 'premise']);

/** The American spelling of one folded word, when it is a known British variant; the word itself otherwise. */
export function americanSpelling(word: string): string {
  let spelled = spellingCache.get(word);
  if (spelled === undefined) {
    spelled = respell(word);
    if (spellingCache.size < 200_000) spellingCache.set(word, spelled);
  }
  return spelled;
}

const spellingCache = new Map<string, string>();

function respell(word: string): string {
  const listed = WORD_VARIANTS[word];
  if (listed) return listed;
  // Every pattern below needs one of these letter pairs: most words (and all chemical names) skip the regexes.
  if (word.length < 5 || SPELLING_EXCEPTIONS.has(word) || !/ae|oe|is|tre/.test(word)) return word;
  let out = word;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

// Function words that carry no retrieval signal. "with", "without", "due", "not" and "other" stay: ICD-10-CM titles
// turn on them ("with complications", "without", "not elsewhere classified").
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'by', 'is', 'are', 'as', 'his', 'her', 'their', 'pt', 'patient', 'has', 'had', 'have', 'known', 'history']);

export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token);
}

const stemCache = new Map<string, string>();

/** Porter stem of an already-folded, American-spelled word, memoised (vocabularies repeat words heavily). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /^[a-z]+$/.test(word) && word.length > 3 ? stemmer(word) : word;
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Folded words of a text, American-spelled (no stemming, no stop-word removal). */
export function words(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ').map(americanSpelling);
}

/** Index terms: folded, American-spelled, stop words dropped, stemmed. */
export function terms(text: string): string[] {
  return words(text).filter((w) => !isStopWord(w)).map(stem);
}

/** The key two names share when they differ only in case, punctuation, diacritics or British spelling. */
export function nameKey(text: string): string {
  return words(text).join(' ');
}

/** The name key and the index terms of one name, folding it once (pack loading tokenises every name). */
export function keyAndTerms(text: string): { key: string; terms: string[] } {
  const w = words(text);
  return { key: w.join(' '), terms: w.filter((x) => !isStopWord(x)).map(stem) };
}
