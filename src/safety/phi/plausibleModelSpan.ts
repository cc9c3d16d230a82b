import { CALENDAR_WORDS, EPONYM_HEADS, EPONYMS, NOT_NAME_WORDS } from './clinicalWords.js';
import { nameLexicon } from './nameLexicon.js';
import type { PhiSpan } from './phiTypes.js';

/** The tagger's least sure spans are dropped: the rules already found what is certain. */
const MIN_MODEL_SCORE = 0.8;
const MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/i;
const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/;
// Greetings and words of te reo Māori and other languages that open letters ("Tēnā koe", "Ngā mihi").
const GREETINGS = /^(?:tēnā|tena|koe|ngā|nga|mihi|kia|ora|whānau|whanau|talofa|malo|bula|salam|habibi)$/i;

/**
 * Whether a span from the trained tagger can stand: a name made of name-like words (not clinical abbreviations,
 * eponyms, drug names, roles, organisations or greetings), a date with a month or a real day/month, an address
 * with a number or a street word. The tagger was trained on synthetic notes and over-fires on clinical shorthand
 * ("MoCA", "CABG", "Foley", "paeds"); these checks are the same knowledge the rules use.
 */
export function plausibleModelSpan(text: string, span: PhiSpan, options: { isClinicalWord?: (word: string) => boolean }): boolean {
  if (span.score < MIN_MODEL_SCORE) return false;
  const words = span.text.split(/\s+/).filter(Boolean);
  if (span.type === 'NAME') {
    const lexicon = nameLexicon();
    if (!/^\p{Lu}/u.test(span.text)) return false;
    for (const word of words) {
      const bare = word.replace(/['’]s$/, '').replace(/[.,]$/, '');
      const lower = bare.toLowerCase();
      if (NOT_NAME_WORDS.has(lower) || CALENDAR_WORDS.has(lower) || GREETINGS.test(bare)) return false;
      if (/^\p{Lu}{2,5}$/u.test(bare) && !lexicon.isSurname(bare) && !lexicon.isGivenName(bare)) return false;
      if (options.isClinicalWord?.(bare)) return false;
    }
    if (words.length === 1) {
      const w = words[0]!.replace(/['’]s$/, '');
      if (EPONYMS.has(w.toLowerCase())) return false;
      if (lexicon.isCommonWord(w) && !lexicon.isGivenName(w) && !lexicon.isSurname(w)) return false;
    }
    const next = /^(?:['’]s?)?\s+([A-Za-z]+)/.exec(text.slice(span.end, span.end + 30))?.[1]?.toLowerCase();
    if (next && (EPONYM_HEADS.has(next) || NOT_NAME_WORDS.has(next))) return false;
    if (/\b(?:St\.?|Saint)\s+$/.test(text.slice(Math.max(0, span.start - 8), span.start))) return false;
    return true;
  }
  if (span.type === 'DATE') {
    if (MONTH.test(span.text)) return true;
    const m = NUMERIC_DATE.exec(span.text);
    if (!m) return /^\d{4}-\d{1,2}-\d{1,2}$/.test(span.text);
    // "16.2" is a result, not 16 February.
    if (m[3] === undefined && span.text.includes('.')) return false;
    const [a, b] = [Number(m[1]), Number(m[2])];
    // "4/52" and "5/7" are durations; "19/30" a score.
    if (m[3] === undefined && (b === 52 || b === 7 || b > 12)) return false;
    return (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);
  }
  if (span.type === 'ADDRESS') return words.length >= 2 && /\d|Street|Road|Avenue|Lane|Drive|Close|Crescent|Place|Court|Way|Terrace|Box/i.test(span.text);
  return true;
}
