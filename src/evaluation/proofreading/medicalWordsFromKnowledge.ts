import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';
import { createMedicalWordList } from './medicalWords.js';

const cache = new WeakMap<KnowledgeBase, Set<string>>();

/**
 * The medical vocabulary of the loaded packs as lower-case single words: drug names, brands and salts with
 * their synonyms, condition, symptom, test and procedure names, and abbreviation keys. Computed once per
 * knowledge base (a few hundred milliseconds over the shipped packs).
 */
export function medicalWordsFromKnowledge(kb: KnowledgeBase): Set<string> {
  let words = cache.get(kb);
  if (!words) {
    words = createMedicalWordList(names(kb));
    cache.set(kb, words);
  }
  return words;
}

function* names(kb: KnowledgeBase): Generator<string> {
  for (const concept of kb.store.values()) {
    if (concept.kind === 'other') continue;
    yield concept.name;
    // Abbreviation concepts are keyed by the abbreviation; their synonyms are expansions already in English.
    if (concept.system !== 'abbr') yield* concept.synonyms;
  }
}
