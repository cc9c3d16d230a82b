/**
 * A set of lower-case single words the dictionaries should accept: drug names, conditions, abbreviations.
 * Multi-word entries are split, so "heart failure" or "Lipitor 20 mg" contribute each of their words.
 */
export function createMedicalWordList(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const entry of words) {
    for (const part of entry.toLowerCase().replace(/’/g, "'").split(/[^\p{L}\p{M}\p{N}'-]+/u)) {
      const word = part.replace(/^['-]+|['-]+$/g, '');
      if (word.length < 2 || /^\d+$/.test(word)) continue;
      out.add(word);
      // "ACE-inhibitor" and "co-amoxiclav": the text may split them where the pack did not.
      if (word.includes('-')) for (const piece of word.split('-')) if (piece.length > 1) out.add(piece);
    }
  }
  return out;
}
