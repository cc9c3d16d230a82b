import type { Mention } from './types.js';

/**
 * Dictionary and model mentions as one list: an exact agreement keeps the dictionary's concept and category and is
 * marked `both` with the higher confidence; otherwise a model condition replaces the (non-drug) dictionary mentions it
 * overlaps, and any other model mention wins only when it is longer (longest-match merging).
 */
export function mergeMentions(dictionary: readonly Mention[], model: readonly Mention[]): Mention[] {
  const merged: Mention[] = [...dictionary];
  for (const m of model) {
    const overlapping = merged.filter((d) => d.start < m.end && m.start < d.end);
    if (overlapping.length === 0) {
      merged.push(m);
      continue;
    }
    const same = overlapping.find((d) => d.start === m.start && d.end === m.end);
    if (same) {
      same.source = 'both';
      same.confidence = Math.max(same.confidence, m.confidence);
      continue;
    }
    const longestDictionary = Math.max(...overlapping.map((d) => d.end - d.start));
    // For conditions the trained model's spans were better on the devel splits (they follow the annotation's span
    // conventions: "hepatic necrosis", not "necrosis"); for drugs the dictionary's exact names are.
    const modelDecides = m.category === 'CONDITION' && overlapping.every((d) => d.category !== 'MEDICATION');
    if (m.end - m.start <= longestDictionary && !modelDecides) continue;
    // The model saw a longer name ("acute kidney injury" where the dictionary had "kidney"): it replaces the parts,
    // keeping a dictionary concept whose category agrees.
    const agreeing = overlapping.find((d) => d.category === m.category && d.conceptId);
    for (const d of overlapping) merged.splice(merged.indexOf(d), 1);
    merged.push(agreeing ? { ...m, source: 'both', conceptId: null, preferredName: null } : m);
  }
  return merged.sort((a, b) => a.start - b.start || b.end - a.end);
}
