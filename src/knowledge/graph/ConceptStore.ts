import type { CompiledPack, ConceptKind, ConceptSystem, PackConcept, PackRelation, RelationType } from '../packs/packTypes.js';

/** A concept as the engine serves it: merged across every pack that defines or names it. */
export interface Concept {
  id: string;
  system: ConceptSystem;
  code: string;
  name: string;
  kind: ConceptKind;
  /** Every other name: the vocabulary's synonyms and names other packs added, de-duplicated. */
  synonyms: string[];
  attrs: Readonly<Record<string, string | number | boolean | string[]>>;
  /** Ids of the packs that contributed to it (licence labels follow from these). */
  packs: string[];
}

/** A relation seen from one end: `direction` says whether the concept at hand is the relation's `from` or `to`. */
export interface Edge {
  type: RelationType;
  other: string;
  direction: 'out' | 'in';
  pack: string;
  attrs?: PackRelation['attrs'];
}

/** Every loaded concept and relation, with both directions of each relation indexed (neighbourhoods go both ways). */
export class ConceptStore {
  readonly #concepts = new Map<string, Concept>();
  readonly #edges = new Map<string, Edge[]>();
  #relationCount = 0;

  constructor(packs: readonly CompiledPack[]) {
    for (const pack of packs) {
      for (const c of pack.body.concepts) {
        const known = this.#concepts.get(c.id);
        if (known) {
          known.packs.push(pack.id);
          addNames(known, c.synonyms ?? []);
        } else {
          // The pack's own object becomes the concept (no copy): loading allocates once per concept.
          const concept = c as PackConcept & Partial<Concept>;
          concept.synonyms = c.synonyms ? [...new Set(c.synonyms)] : [];
          concept.attrs ??= NO_ATTRS;
          concept.packs = [pack.id];
          this.#concepts.set(c.id, concept as Concept);
        }
      }
    }
    for (const pack of packs) {
      for (const n of pack.body.names) {
        const concept = this.#concepts.get(n.concept);
        if (!concept) continue;
        addNames(concept, [n.name]);
        if (!concept.packs.includes(pack.id)) concept.packs.push(pack.id);
      }
      for (const r of pack.body.relations) {
        if (!this.#concepts.has(r.from) || !this.#concepts.has(r.to)) continue;
        this.#push(r.from, { type: r.type, other: r.to, direction: 'out', pack: pack.id, ...(r.attrs ? { attrs: r.attrs } : {}) });
        this.#push(r.to, { type: r.type, other: r.from, direction: 'in', pack: pack.id, ...(r.attrs ? { attrs: r.attrs } : {}) });
        this.#relationCount++;
      }
    }
  }

  #push(id: string, edge: Edge): void {
    const list = this.#edges.get(id);
    if (list) list.push(edge);
    else this.#edges.set(id, [edge]);
  }

  get size(): number {
    return this.#concepts.size;
  }

  get relationCount(): number {
    return this.#relationCount;
  }

  get(id: string): Concept | undefined {
    return this.#concepts.get(id);
  }

  values(): IterableIterator<Concept> {
    return this.#concepts.values();
  }

  edges(id: string, type?: RelationType, direction?: Edge['direction']): Edge[] {
    const all = this.#edges.get(id) ?? [];
    return type === undefined && direction === undefined ? all : all.filter((e) => (type === undefined || e.type === type) && (direction === undefined || e.direction === direction));
  }

  /** Concepts at the other end of `id`'s relations of one type and direction. */
  related(id: string, type: RelationType, direction: Edge['direction']): string[] {
    return this.edges(id, type, direction).map((e) => e.other);
  }
}

const NO_ATTRS: Concept['attrs'] = Object.freeze({});

function addNames(concept: Concept, names: readonly string[]): void {
  const seen = new Set([concept.name.toLowerCase(), ...concept.synonyms.map((s) => s.toLowerCase())]);
  for (const name of names) {
    const key = name.toLowerCase();
    if (!seen.has(key)) {
      concept.synonyms.push(name);
      seen.add(key);
    }
  }
}
