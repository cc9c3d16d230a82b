import type { Mention } from './types.js';

/**
 * Dictionary and model mentions as one list: where they overlap, the longer span wins (longest-match merging);
 * an exact agreement keeps the dictionary's concept and category and is marked `both` with the higher confidence.
 * A model span that only partly overlaps a longer dictionary name gives way to it.
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
    if (m.end - m.start <= longestDictionary) continue;
    // The model saw a longer name ("acute kidney injury" where the dictionary had "kidney"): it replaces the parts,
    // keeping a dictionary concept whose category agrees.
    const agreeing = overlapping.find((d) => d.category === m.category && d.conceptId);
    for (const d of overlapping) merged.splice(merged.indexOf(d), 1);
    merged.push(agreeing ? { ...m, source: 'both', conceptId: null, preferredName: null } : m);
  }
  return merged.sort((a, b) => a.start - b.start || b.end - a.end);
}
