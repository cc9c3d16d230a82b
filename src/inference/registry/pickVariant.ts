import type { AliasVariant } from '../types.js';

/**
 * Weighted choice for A/B splits: variant i is picked with probability weight_i / Σ weights. `random` returns a
 * number in [0, 1) (Math.random by default; tests inject a fixed sequence).
 */
export function pickVariant(variants: readonly AliasVariant[], random: () => number): AliasVariant {
  if (variants.length === 0) throw new Error('pickVariant needs at least one variant');
  const total = variants.reduce((sum, v) => sum + v.weight, 0);
  let point = Math.min(Math.max(random(), 0), 0.999_999_999) * total;
  for (const variant of variants) {
    point -= variant.weight;
    if (point < 0) return variant;
  }
  return variants[variants.length - 1]!;
}

/** The variant with the highest weight (first on ties): what `getModel(alias)` reports. */
export function primaryVariant(variants: readonly AliasVariant[]): AliasVariant {
  return variants.reduce((best, v) => (v.weight > best.weight ? v : best), variants[0]!);
}
