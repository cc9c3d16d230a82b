import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';

/**
 * Drug names the knowledge packs know by exact name (no fuzzy repair, which would turn surnames into drugs): never a
 * person's name without a title. A hash lookup per word.
 */
export function clinicalWordChecker(knowledge: KnowledgeBase): (word: string) => boolean {
  return (word) => {
    if (word.length < 4) return false;
    const drug = knowledge.drugs.exact(word);
    return drug !== null && drug.confidence >= 0.9;
  };
}
