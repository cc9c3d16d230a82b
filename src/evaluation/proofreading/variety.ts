import type { Dictionaries } from './dictionaries.js';
import type { VarietyCounts } from './types.js';

export type Family = 'BRITISH' | 'AMERICAN';

export interface VarietyMark {
  family: Family;
  /** Which dictionaries accept the word as written. */
  gb: boolean;
  au: boolean;
  /** The same word in the other family ("colour" → "color"). */
  counterpart: string;
}

// One-step spelling differences between American and British English, each way.
const US_TO_GB: [string, string][] = [
  ['or', 'our'], ['ize', 'ise'], ['yze', 'yse'], ['iza', 'isa'], ['er', 're'], ['e', 'ae'], ['e', 'oe'], ['l', 'll'],
  ['ense', 'ence'], ['og', 'ogue'], ['ram', 'ramme'], ['ray', 'rey'], ['ment', 'ement'], ['um', 'ium'], ['o', 'ou'], ['ire', 'yre'],
];
const GB_TO_US: [string, string][] = US_TO_GB.map(([us, gb]) => [gb, us]);

function variants(word: string, rules: readonly [string, string][]): string[] {
  const out: string[] = [];
  for (const [from, to] of rules) {
    for (let i = word.indexOf(from); i !== -1; i = word.indexOf(from, i + 1)) out.push(word.slice(0, i) + to + word.slice(i + from.length));
  }
  return out;
}

/**
 * Whether a known lower-case word marks a spelling variety: accepted on one side only, and its one-step
 * counterpart accepted on the other ("haemoglobin"/"hemoglobin"). Words one dictionary merely lacks are not marks.
 */
export function varietyMark(dicts: Dictionaries, word: string): VarietyMark | undefined {
  const us = dicts.us.correct(word);
  const gb = dicts.gb.correct(word);
  const au = dicts.au.correct(word);
  if (us === (gb || au)) return undefined;
  if (!us) {
    const counterpart = variants(word, GB_TO_US).find((v) => dicts.us.correct(v));
    return counterpart ? { family: 'BRITISH', gb, au, counterpart } : undefined;
  }
  const counterpart = variants(word, US_TO_GB).find((v) => dicts.gb.correct(v) || dicts.au.correct(v));
  return counterpart ? { family: 'AMERICAN', gb, au, counterpart } : undefined;
}

export function countVarieties(marks: readonly VarietyMark[]): VarietyCounts {
  const counts: VarietyCounts = { 'en-GB': 0, 'en-AU': 0, 'en-US': 0 };
  for (const m of marks) {
    if (m.family === 'AMERICAN') counts['en-US']++;
    else {
      if (m.gb) counts['en-GB']++;
      if (m.au) counts['en-AU']++;
    }
  }
  return counts;
}

/** The American spellings of a British word ("bacteraemia" → "bacteremia"): for medical words the packs list in US spelling. */
export function americanVariants(word: string): string[] {
  return variants(word, GB_TO_US);
}
