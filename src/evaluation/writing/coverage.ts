import { splitSentences, tokenize } from '../../clinical/text/tokenize.js';
import { isStopWord, stem, words } from '../../knowledge/text/normalize.js';
import type { Evidence } from '../types.js';
import type { JudgedItem } from './relevance.js';

/** Maps a word to its generic drug name when it names a drug ("Lipitor" → "atorvastatin"), else null. */
export type DrugNamer = (word: string) => string | null;

export interface CoveredItem extends JudgedItem {
  used: boolean;
  /** The letter sentence(s) that carry it, when used. */
  evidence: Evidence | null;
  /** Share of the item's content words the best letter passage has (0–1). */
  overlap: number;
}

const NUMBER_WORDS: Record<string, string> = { one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', twelve: '12', twenty: '20' };

// Words that carry no content for matching a note to a sentence.
const FILLER = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'pt', 'patient', 'also', 'well', 'note', 'noted', 'report', 'state', 'since', 'ago', 'time', 'day', 'today', 'now', 'current', 'currently', 'his', 'her', 'he', 'she', 'they', 'was', 'were', 'be', 'been', 'with', 'not', 'no', 'nil', 'per', 'x', 'has', 'have', 'had', 'is', 'are', 'will', 'would', 'that', 'this', 'which', 'who']);

/** Content keys of a text: stemmed words, numbers as written, drugs as their generic name. */
export function contentKeys(text: string, drugName: DrugNamer): string[] {
  const keys: string[] = [];
  for (const token of tokenize(text)) {
    if (!/[\p{L}\p{N}]/u.test(token.text)) continue;
    if (/^\d/.test(token.text)) {
      // "2-3" is two numbers; "5/7" and "148/90" stay whole.
      for (const n of token.text.replace(/[.,]$/, '').split(/[-–](?=\d)/)) keys.push(n);
      continue;
    }
    const spelled = NUMBER_WORDS[token.lower];
    if (spelled) {
      keys.push(spelled);
      continue;
    }
    const generic = token.text.length >= 4 ? drugName(token.text) : null;
    if (generic) {
      keys.push(`rx:${generic.toLowerCase()}`);
      continue;
    }
    // Stems cut to six letters: "allergy" and "allergic", "infection" and "infected" are the same fact to a reader.
    for (const w of words(token.text)) if (!isStopWord(w) && !FILLER.has(w) && w.length > 1) keys.push(stem(w).slice(0, 6));
  }
  return keys;
}

/**
 * Which notes items the letter used: an item counts as used when one letter sentence (with the next, since a fact
 * can straddle two) holds at least half its content words — enough to survive paraphrase ("lives alone" → "lives on
 * her own"), with drugs compared by generic name. The trained encoder is not used here: 30 items × 15 sentences
 * would cost more than the whole evaluation's budget, and lexical overlap measured well on the dev letters.
 */
export function coverage(items: readonly JudgedItem[], letter: string, body: Evidence, drugName: DrugNamer): CoveredItem[] {
  const sentences = splitSentences(body.text).map((s) => ({ start: body.start + s.start, end: body.start + s.end }));
  const windows = sentences.map((s, i) => {
    const next = sentences[i + 1];
    const own = new Set(contentKeys(letter.slice(s.start, s.end), drugName));
    const keys = new Set(contentKeys(letter.slice(s.start, next?.end ?? s.end), drugName));
    return { start: s.start, end: s.end, nextEnd: next?.end ?? s.end, own, keys };
  });
  return items.map((item) => {
    const keys = [...new Set(contentKeys(item.text, drugName))];
    if (keys.length === 0) return { ...item, used: false, evidence: null, overlap: 0 };
    let best = { overlap: 0, matched: 0, own: 0, window: null as (typeof windows)[number] | null };
    for (const w of windows) {
      // Numbers and drugs weigh double: they are what makes a note this patient's.
      let matched = 0;
      let own = 0;
      let weight = 0;
      for (const k of keys) {
        // A year ("(2012)") dates a fact but is rarely repeated in a letter: it weighs half.
        const wgt = /^(19|20)\d\d$/.test(k) ? 0.5 : /^\d|^rx:/.test(k) ? 2 : 1;
        weight += wgt;
        if (w.keys.has(k)) matched += wgt;
        if (w.own.has(k)) own += wgt;
      }
      const overlap = matched / weight;
      // Equal overlap: the window whose own sentence carries more of it (the fact's sentence, not the one before).
      if (overlap > best.overlap || (overlap === best.overlap && own > best.own)) best = { overlap, matched, own, window: w };
    }
    const needed = keys.length >= 4 ? 2 : 1;
    const used = best.window !== null && best.overlap >= 0.5 && best.matched >= needed;
    // The evidence is the sentence that carries the item, or both sentences when the fact straddles them.
    const w = best.window;
    const ownOnly = w !== null && keys.every((k) => !w.keys.has(k) || w.own.has(k));
    const end = w === null ? 0 : ownOnly ? w.end : w.nextEnd;
    const evidence = used && w ? { start: w.start, end, text: letter.slice(w.start, end) } : null;
    return { ...item, used, evidence, overlap: Math.round(best.overlap * 100) / 100 };
  });
}

/** Kendall's tau between the notes' order of the used items and the order they appear in the letter. */
export function orderAgreement(items: readonly CoveredItem[]): { tau: number; pairs: number } {
  const used = items.filter((i) => i.used && i.evidence).map((i) => ({ notes: i.index, letter: i.evidence!.start }));
  let concordant = 0;
  let discordant = 0;
  for (let a = 0; a < used.length; a++) {
    for (let b = a + 1; b < used.length; b++) {
      const d = Math.sign(used[a]!.notes - used[b]!.notes) * Math.sign(used[a]!.letter - used[b]!.letter);
      if (d > 0) concordant++;
      else if (d < 0) discordant++;
    }
  }
  const pairs = concordant + discordant;
  return { tau: pairs === 0 ? 0 : (concordant - discordant) / pairs, pairs };
}

/** Share of the letter body's word 4-grams found in the notes: note phrasing lifted wholesale. */
export function copiedShare(notes: string, body: string): number {
  const grams = (text: string): string[] => {
    const w = words(text);
    const out: string[] = [];
    for (let i = 0; i + 4 <= w.length; i++) out.push(w.slice(i, i + 4).join(' '));
    return out;
  };
  const fromNotes = new Set(grams(notes));
  const inBody = grams(body);
  if (inBody.length === 0) return 0;
  return inBody.filter((g) => fromNotes.has(g)).length / inBody.length;
}
