import type { PackConcept } from '../packs/packTypes.js';
import { nameKey } from '../text/normalize.js';

/** How a name reached its drug: the preferred name, a synonym from the vocabulary, or a name another pack added. */
export type NameSource = 'preferred' | 'synonym' | 'added';

export interface NameHit {
  conceptId: string;
  source: NameSource;
}

/**
 * Exact names → drug concepts, folded (case, punctuation, diacritics, British spelling). A preferred name always
 * wins over a synonym; a synonym shared by several drugs resolves to none of them rather than to a guess.
 */
export class DrugNameIndex {
  readonly #preferred = new Map<string, string>();
  readonly #synonyms = new Map<string, string | null>();

  add(concept: Pick<PackConcept, 'id' | 'name' | 'synonyms'>): void {
    const key = nameKey(concept.name);
    if (key && !this.#preferred.has(key)) this.#preferred.set(key, concept.id);
    for (const synonym of concept.synonyms ?? []) this.addSynonym(synonym, concept.id);
  }

  addSynonym(name: string, conceptId: string): void {
    const key = nameKey(name);
    if (!key) return;
    const known = this.#synonyms.get(key);
    if (known === undefined) this.#synonyms.set(key, conceptId);
    else if (known !== conceptId) this.#synonyms.set(key, null);
  }

  lookup(name: string): NameHit | undefined {
    const key = nameKey(name);
    const preferred = this.#preferred.get(key);
    if (preferred) return { conceptId: preferred, source: 'preferred' };
    const synonym = this.#synonyms.get(key);
    return synonym ? { conceptId: synonym, source: 'synonym' } : undefined;
  }

  /** Every folded name, preferred first: the candidates a fuzzy match may choose from. */
  *entries(): IterableIterator<[string, NameHit]> {
    for (const [key, conceptId] of this.#preferred) yield [key, { conceptId, source: 'preferred' }];
    for (const [key, conceptId] of this.#synonyms) {
      if (conceptId && !this.#preferred.has(key)) yield [key, { conceptId, source: 'synonym' }];
    }
  }
}
