import type { Token } from '../tokens.js';
import { keepCase, span, words, wordBefore, wordsFrom, type Finding, type Rule } from './rule.js';

const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'several', 'many', 'multiple', 'few']);
// Countable nouns of letters, with their plural; units (mg, kg) never take an s and are not here.
const COUNTABLE: Record<string, string> = {
  day: 'days', week: 'weeks', month: 'months', year: 'years', hour: 'hours', minute: 'minutes', episode: 'episodes', tablet: 'tablets',
  capsule: 'capsules', dose: 'doses', drink: 'drinks', level: 'levels', time: 'times', test: 'tests', unit: 'units', glass: 'glasses',
  cigarette: 'cigarettes', meal: 'meals', attack: 'attacks', admission: 'admissions', visit: 'visits', session: 'sessions', puff: 'puffs',
  litre: 'litres', metre: 'metres', step: 'steps', sample: 'samples', culture: 'cultures', injection: 'injections', result: 'results',
  medication: 'medications', lesion: 'lesions', ulcer: 'ulcers', reading: 'readings', child: 'children', pillow: 'pillows', kilogram: 'kilograms',
  occasion: 'occasions', fall: 'falls', night: 'nights', course: 'courses', cycle: 'cycles', sachet: 'sachets', drop: 'drops', spray: 'sprays',
};
// After the noun, these show it is the head and not a modifier ("two week history" is a compound, "three episode in" is not).
const AFTER_HEAD = new Set(['in', 'a', 'an', 'per', 'were', 'was', 'is', 'are', 'have', 'has', 'had', 'of', 'and', 'or', 'to', 'for', 'with', 'at', 'on', 'ago', 'later', 'before', 'after', 'daily', 'each', 'every', 'together', 'since', 'previously', 'apart', 'earlier', 'from', 'until', 'which', 'that', 'during', 'over', 'showed', 'but']);
const NUMBER_RANGE_JOIN = new Set(['to', 'or', 'and']);

/** "two to three episode in a week", "Two troponin level were normal", "every two day" → episodes, levels, days. */
export const pluralAfterNumber: Rule = {
  code: 'GRAMMAR_PLURAL_AFTER_NUMBER',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word' || !NUMBER_WORDS.has(t.lower)) continue;
      const before = wordBefore(tokens, i)?.lower;
      // "a two week course", "one or two": the number is part of a modifier or of a range that goes on.
      if (before === 'a' || before === 'an' || before === 'one' || before === 'the') continue;
      let k = i + 1;
      const seq = wordsFrom(tokens, i + 1, 4);
      let j = 0;
      if (seq[0] && NUMBER_RANGE_JOIN.has(seq[0].lower) && seq[1] && NUMBER_WORDS.has(seq[1].lower)) j = 2;
      // One modifier is allowed ("two troponin level"), but only before a noun that ends the phrase.
      for (const skip of [0, 1]) {
        const noun = seq[j + skip];
        if (!noun || !Object.hasOwn(COUNTABLE, noun.lower) || noun.text !== noun.lower) continue;
        if (skip === 1 && (Object.hasOwn(COUNTABLE, seq[j]!.lower) || NUMBER_WORDS.has(seq[j]!.lower) || /ly$|[^s]s$/.test(seq[j]!.lower))) break;
        k = i + 1 + j + skip;
        const after = tokens[k + 1];
        const endsPhrase = !after || after.sentence !== noun.sentence || after.kind === 'punct' ? after?.text !== '-' : AFTER_HEAD.has(after.lower);
        if (!endsPhrase) continue;
        out.push(span(noun, noun, `After "${t.text}" the noun is plural: "${COUNTABLE[noun.lower]}".`, COUNTABLE[noun.lower]));
        break;
      }
    }
    return out;
  },
};

/** "a 68-years-old man" → 68-year-old; "a 68-year old man" → 68-year-old. */
export const hyphenatedAge: Rule = {
  code: 'GRAMMAR_HYPHENATED_AGE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word') return;
      const m = /^(\d+|\p{L}+)-(?:years|yrs)-old$/u.exec(t.lower);
      if (m) {
        out.push(span(t, t, 'As a modifier before a noun the age is singular: "68-year-old man".', `${t.text.split('-')[0]}-year-old`));
        return;
      }
      const n = /^(\d+)-(?:year|years)$/.exec(t.lower);
      const old = words(tokens, i + 1, 2);
      // "a 68-year old man": only before a noun ("he is 68-years old" is a different slip left to the reader).
      if (n && old && old[0]!.lower === 'old' && /^\p{Ll}+$/u.test(old[1]!.text) && !['and', 'with', 'who', 'was', 'is', 'has', 'had', 'presenting', 'presented'].includes(old[1]!.lower) && ['a', 'an'].includes(wordBefore(tokens, i)?.lower ?? '')) {
        out.push(span(t, old[0]!, 'The age before a noun is hyphenated throughout: "68-year-old".', `${n[1]}-year-old`));
      }
    });
    return out;
  },
};

const DURATION = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)$/;
const DURATION_UNIT = /^(?:day|week|month|year|hour)s?$/;

/**
 * "with six week history" → with a six-week history; "Mrs Finch, 72-year-old woman" → a 72-year-old woman: the singular
 * noun phrase needs its article.
 */
export const missingArticle: Rule = {
  code: 'GRAMMAR_MISSING_ARTICLE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word') return;
      if (t.lower === 'with') {
        const seq = words(tokens, i + 1, 3);
        if (!seq || !DURATION.test(seq[0]!.lower) || !DURATION_UNIT.test(seq[1]!.lower) || !/^(?:history|course)$/.test(seq[2]!.lower)) return;
        const unit = seq[1]!.lower.replace(/s$/, '');
        out.push(span(seq[0]!, seq[2]!, `A singular "${seq[2]!.text}" needs an article, and the duration before it is hyphenated and singular: "a ${seq[0]!.text}-${unit} ${seq[2]!.text}".`, `a ${seq[0]!.text}-${unit} ${seq[2]!.text}`));
        return;
      }
      if (!/^\d+-year-old$/.test(t.lower)) return;
      const prev = tokens[i - 1];
      const noun = words(tokens, i + 1, 1)?.[0];
      if (!prev || prev.sentence !== t.sentence || !noun || !/^(?:man|woman|boy|girl|gentleman|lady|patient|male|female|retired|retiree|widow|widower|mother|father|grandmother|grandfather)$/.test(noun.lower)) return;
      // After a name and a comma, or after "is"/"was": "Mrs Finch, 72-year-old woman", "She is 72-year-old woman".
      const appositive = prev.text === ',' && isName(tokens, i - 2);
      if (!appositive && !(prev.kind === 'word' && ['is', 'was'].includes(prev.lower))) return;
      out.push(span(t, t, `A singular noun phrase needs an article: "a ${t.text}".`, `a ${t.text}`));
    });
    return out;
  },
};

function isName(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && t.kind === 'word' && /^\p{Lu}\p{Ll}+$/u.test(t.text) && ['mr', 'mrs', 'ms', 'miss', 'dr', 'master'].includes(tokens[i - 1]?.lower ?? '');
}

/** "I will weight her fortnightly", "she was weight 44.5 kg", "unintentional weight lost" → weigh, weighed, weight loss. */
export const weightWordForm: Rule = {
  code: 'GRAMMAR_WEIGHT_WORD_FORM',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind === 'word' && t.lower === 'lost' && wordBefore(tokens, i)?.lower === 'weight' && /^(?:unintentional|unintended|significant|recent|rapid|unexplained|intentional|progressive|gradual|further|marked|some)$/.test(wordBefore(tokens, i - 1)?.lower ?? '')) {
        out.push(span(t, t, 'The noun is "loss": "weight loss".', 'loss'));
        return;
      }
      if (t.kind !== 'word' || t.lower !== 'weight') return;
      const before = wordBefore(tokens, i)?.lower ?? '';
      const after = tokens[i + 1];
      if (/^(?:will|would|should|can|could|must|may|might|please|to)$/.test(before) && words(tokens, i + 1, 1)?.[0] && /^(?:her|him|them|you|me|the|yourself|herself|himself|daily|weekly|fortnightly|regularly)$/.test(tokens[i + 1]!.lower)) {
        out.push(span(t, t, 'The verb is "weigh"; "weight" is the noun.', keepCase(t.text, 'weigh')));
      } else if (/^(?:was|were|is)$/.test(before) && after && after.sentence === t.sentence && /^\d/.test(after.text) && wordBefore(tokens, i - 1)?.lower !== 'her' && wordBefore(tokens, i - 1)?.lower !== 'his') {
        out.push(span(tokens[i - 1]!, t, 'The verb is "weighed": "she weighed 44.5 kg".', 'weighed'));
      }
    });
    return out;
  },
};

/** "not everyday." → every day (the adverb); "everyday activities" is the adjective. */
export const everydayAdverb: Rule = {
  code: 'GRAMMAR_EVERYDAY_ADVERB',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.lower !== 'everyday') return;
      const after = tokens[i + 1];
      if (after && after.kind === 'word' && after.sentence === t.sentence && !/^(?:at|in|for|and|or|but|before|after|until|with|without|from|to|since|if|when|so|because)$/.test(after.lower)) return;
      out.push(span(t, t, '"Everyday" is an adjective ("everyday tasks"); the adverb is two words: "every day".', keepCase(t.text, 'every day')));
    });
    return out;
  },
};

// Plural nouns after "a" that a learner leaves the article on: "a blood tests".
const PLURAL_COUNTABLE = new Set(Object.values(COUNTABLE));
const NOT_BEFORE_PLURAL = new Set(['few', 'couple', 'number', 'lot', 'dozen', 'hundred', 'thousand', 'total', 'series', 'range', 'set', 'pair', 'variety', 'minimum', 'maximum', 'further', 'good', 'great', 'handful', 'mean', 'average']);

/** "You will need a blood tests" → blood tests (no "a" before a plural). */
export const articleBeforePlural: Rule = {
  code: 'GRAMMAR_ARTICLE_BEFORE_PLURAL',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || (t.lower !== 'a' && t.lower !== 'an') || t.text === 'A') return;
      const seq = wordsFrom(tokens, i + 1, 3);
      for (const skip of [0, 1]) {
        const noun = seq[skip];
        if (!noun || !PLURAL_COUNTABLE.has(noun.text) || noun.lower === 'children') continue;
        if (skip === 1 && (NOT_BEFORE_PLURAL.has(seq[0]!.lower) || /\d|s$|ly$/.test(seq[0]!.lower) || NUMBER_WORDS.has(seq[0]!.lower))) return;
        const after = tokens[i + 2 + skip];
        if (after && after.kind === 'word' && after.sentence === t.sentence && !AFTER_HEAD.has(after.lower)) return;
        out.push(span(t, t, `"${t.text}" cannot go before a plural noun ("${noun.text}").`));
        return;
      }
    });
    return out;
  },
};
