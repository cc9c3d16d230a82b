import { words } from '../text/normalize.js';

/**
 * Salt, ester and hydrate words that follow a drug's name on labels ("metoprolol succinate", "atorvastatin
 * calcium"). The curated drug-names pack adds to these; this list is the floor so the lexicon works without it.
 */
export const DEFAULT_SALT_WORDS: readonly string[] = [
  'hydrochloride', 'hcl', 'dihydrochloride', 'sodium', 'disodium', 'potassium', 'calcium', 'magnesium', 'succinate',
  'tartrate', 'bitartrate', 'besylate', 'besilate', 'maleate', 'mesylate', 'mesilate', 'dimesylate', 'sulfate',
  'sulphate', 'phosphate', 'acetate', 'citrate', 'fumarate', 'bromide', 'hydrobromide', 'monohydrate', 'dihydrate',
  'trihydrate', 'hemihydrate', 'sesquihydrate', 'anhydrous', 'hyclate', 'propionate', 'dipropionate', 'valerate',
  'furoate', 'xinafoate', 'lysine', 'arginine', 'gluconate', 'lactate', 'nitrate', 'pamoate', 'decanoate',
  'enanthate', 'chloride', 'iodide', 'tromethamine', 'meglumine', 'benzoate', 'stearate', 'palmitate', 'oxalate',
  'napsylate', 'tosylate', 'edisylate', 'embonate', 'hydrate', 'base', 'free',
];

/** Dose-form and strength words that say nothing about which drug it is ("metformin 500 mg tablets"). */
const FORM_WORDS = new Set([
  'tablet', 'tablets', 'tab', 'tabs', 'capsule', 'capsules', 'cap', 'caps', 'injection', 'inj', 'solution', 'suspension',
  'syrup', 'oral', 'cream', 'ointment', 'gel', 'patch', 'patches', 'inhaler', 'spray', 'drops', 'liquid', 'elixir', 'er',
  'xr', 'sr', 'cr', 'mr', 'la', 'xl', 'ec', 'dr', 'odt', 'iv', 'im', 'sc', 'po', 'mg', 'mcg', 'ug', 'g', 'ml', 'l', 'iu',
  'units', 'unit', 'extended', 'release', 'modified', 'immediate', 'delayed', 'prolonged', 'dispersible', 'chewable',
  'effervescent', 'film', 'coated', 'nebuliser', 'nebulizer', 'nebules', 'pen', 'vial', 'ampoule', 'sachet', 'sachets',
]);

export interface SaltForms {
  saltWords: ReadonlySet<string>;
  /** "-ate" anion → the acid name the vocabulary uses ("clavulanate" → "clavulanic acid"). */
  anionToAcid: ReadonlyMap<string, string>;
}

export function createSaltForms(extraSaltWords: readonly string[] = [], anionToAcid: readonly [string, string][] = []): SaltForms {
  return {
    saltWords: new Set([...DEFAULT_SALT_WORDS, ...extraSaltWords.flatMap((w) => words(w))]),
    anionToAcid: new Map(anionToAcid.map(([anion, acid]) => [words(anion).join(' '), acid])),
  };
}

/**
 * Names to try, most specific first, once the exact name failed: without strength and form words, then without
 * salt words, then with an anion read as its acid. Returns [] when nothing could be stripped.
 */
export function baseNameCandidates(name: string, forms: SaltForms): { name: string; stripped: 'form' | 'salt' | 'acid' }[] {
  const original = words(name);
  const withoutForms = original.filter((w) => !FORM_WORDS.has(w) && !/^[0-9.]+(mg|mcg|g|ml|%)?$/.test(w) && !/^[0-9.]+\/[0-9.]+$/.test(w));
  const out: { name: string; stripped: 'form' | 'salt' | 'acid' }[] = [];
  if (withoutForms.length > 0 && withoutForms.length < original.length) out.push({ name: withoutForms.join(' '), stripped: 'form' });
  const withoutSalts = withoutForms.filter((w) => !forms.saltWords.has(w));
  if (withoutSalts.length > 0 && withoutSalts.length < withoutForms.length) out.push({ name: withoutSalts.join(' '), stripped: 'salt' });
  const base = withoutSalts.join(' ');
  const acid = forms.anionToAcid.get(base) ?? (base.endsWith('ate') && !base.includes(' ') ? `${base.slice(0, -3)}ic acid` : undefined);
  if (acid) out.push({ name: acid, stripped: 'acid' });
  return out;
}
