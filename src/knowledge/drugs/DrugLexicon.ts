import { distance } from 'fastest-levenshtein';
import type { ConceptStore } from '../graph/ConceptStore.js';
import type { CompiledPack } from '../packs/packTypes.js';
import { nameKey } from '../text/normalize.js';
import { baseNameCandidates, createSaltForms, type SaltForms } from './saltForms.js';

/** How a name reached its drug. */
export type DrugMatchKind = 'GENERIC' | 'SYNONYM' | 'REGIONAL' | 'BRAND' | 'SALT' | 'COMBINATION' | 'FUZZY';

export interface DrugComponent {
  /** DrugBank concept id (`drugbank:DB00331`). */
  conceptId: string;
  drugbankId: string;
  /** DrugBank's common name. */
  name: string;
}

export interface DrugConcept {
  /** The concept matched: a DrugBank drug, a salt form or a product (brand or combination). */
  id: string;
  /** The generic name; for a product of several drugs, its name with its components. */
  name: string;
  /** The DrugBank id when the name means one drug; null for a combination. */
  drugbankId: string | null;
  matchedBy: DrugMatchKind;
  /** The name in the lexicon that matched (after folding, repair or stripping). */
  matchedName: string;
  /** 1 for an exact generic name, lower for indirect routes; a fuzzy match is never above 0.85. */
  confidence: number;
  /** The active drugs: one, or several for a combination. */
  components: DrugComponent[];
}

interface Entry {
  conceptId: string;
  kind: Exclude<DrugMatchKind, 'FUZZY'>;
  name: string;
}

const CONFIDENCE: Record<Exclude<DrugMatchKind, 'FUZZY'>, number> = {
  GENERIC: 1,
  REGIONAL: 0.98,
  BRAND: 0.97,
  COMBINATION: 0.97,
  SALT: 0.95,
  SYNONYM: 0.93,
};

// Exact names first by kind: a generic name beats a brand or synonym spelled the same way.
const PRIORITY: Exclude<DrugMatchKind, 'FUZZY'>[] = ['GENERIC', 'REGIONAL', 'BRAND', 'COMBINATION', 'SALT', 'SYNONYM'];

/**
 * Drug names in any form — generic, brand, salt, British/Australian, combination, misspelt — to DrugBank concepts.
 * Exact names always win; a fuzzy match is only taken when one drug is clearly nearest, so a real drug's name is
 * never turned into another's (hydroxyzine stays hydroxyzine; "hydroxyzin" repairs to it, not to hydralazine).
 */
export class DrugLexicon {
  readonly #store: ConceptStore;
  readonly #exact = new Map<string, Entry[]>();
  readonly #fuzzyByLength = new Map<number, { key: string; entry: Entry }[]>();
  readonly #prominent = new Set<string>();
  readonly saltForms: SaltForms;

  constructor(store: ConceptStore, packs: readonly CompiledPack[]) {
    this.#store = store;
    const saltTable = packs.map((p) => p.body.tables.saltForms as { saltWords?: string[]; anionToAcid?: [string, string][] } | undefined).find(Boolean);
    this.saltForms = createSaltForms(saltTable?.saltWords, saltTable?.anionToAcid);
    const regional = new Set(packs.flatMap((p) => p.body.names.filter((n) => n.kind === 'regional').map((n) => `${n.concept}|${nameKey(n.name)}`)));
    for (const concept of store.values()) {
      if (concept.system === 'drugbank') {
        this.#add(concept.name, { conceptId: concept.id, kind: 'GENERIC', name: concept.name }, true);
        for (const synonym of concept.synonyms) {
          const isRegional = regional.has(`${concept.id}|${nameKey(synonym)}`);
          this.#add(synonym, { conceptId: concept.id, kind: isRegional ? 'REGIONAL' : 'SYNONYM', name: synonym }, isRegional);
          if (isRegional) this.#prominent.add(concept.id);
        }
        if (store.edges(concept.id).some((e) => e.direction === 'in' || e.type === 'member-of')) this.#prominent.add(concept.id);
      } else if (concept.system === 'product') {
        // Two packs may both name a brand (Drugs@FDA and the curated list): count distinct ingredients.
        const kind = new Set(store.related(concept.id, 'brand-of', 'out')).size > 1 ? 'COMBINATION' : 'BRAND';
        for (const name of [concept.name, ...concept.synonyms]) this.#add(name, { conceptId: concept.id, kind, name }, true);
      } else if (concept.system === 'salt') {
        this.#add(concept.name, { conceptId: concept.id, kind: 'SALT', name: concept.name }, false);
      }
    }
  }

  #add(name: string, entry: Entry, fuzzyCandidate: boolean): void {
    const key = nameKey(name);
    if (!key) return;
    const list = this.#exact.get(key);
    if (list) {
      if (!list.some((e) => e.conceptId === entry.conceptId && e.kind === entry.kind)) list.push(entry);
    } else this.#exact.set(key, [entry]);
    if (fuzzyCandidate && key.length >= 4) {
      const bucket = this.#fuzzyByLength.get(key.length);
      if (bucket) bucket.push({ key, entry });
      else this.#fuzzyByLength.set(key.length, [{ key, entry }]);
    }
  }

  /** The drug a name means, or null when nothing matches with enough certainty. */
  normalize(name: string): DrugConcept | null {
    const key = nameKey(name);
    if (!key) return null;
    const exact = this.#lookupExact(key);
    if (exact) return exact;
    for (const candidate of baseNameCandidates(key, this.saltForms)) {
      const hit = this.#lookupExact(nameKey(candidate.name));
      if (hit) {
        const kind = candidate.stripped === 'form' ? hit.matchedBy : hit.matchedBy === 'GENERIC' || hit.matchedBy === 'SYNONYM' ? 'SALT' : hit.matchedBy;
        return { ...hit, matchedBy: kind, confidence: Math.min(hit.confidence, CONFIDENCE[kind === 'FUZZY' ? 'SYNONYM' : kind]) - (candidate.stripped === 'form' ? 0.02 : 0) };
      }
    }
    return this.#combination(name) ?? this.#fuzzy(baseNameCandidates(key, this.saltForms).find((c) => c.stripped === 'form')?.name ?? key);
  }

  /** The drug a name means by an exact (folded) name only: no salt stripping, combinations or fuzzy repair. A hash lookup. */
  exact(name: string): DrugConcept | null {
    const key = nameKey(name);
    return key ? this.#lookupExact(key) : null;
  }

  #lookupExact(key: string): DrugConcept | null {
    const entries = this.#exact.get(key);
    if (!entries) return null;
    for (const kind of PRIORITY) {
      const ofKind = entries.filter((e) => e.kind === kind);
      const concepts = new Set(ofKind.map((e) => this.#canonical(e.conceptId)));
      // A synonym or brand shared by two different drugs is ambiguous: better no answer than a wrong one.
      if (concepts.size === 1) return this.#answer(ofKind[0]!, kind, CONFIDENCE[kind]);
      if (concepts.size > 1) return null;
    }
    return null;
  }

  /** Salt concepts stand for their parent drug; everything else for itself. */
  #canonical(conceptId: string): string {
    return this.#store.related(conceptId, 'salt-of', 'out')[0] ?? conceptId;
  }

  #answer(entry: Entry, kind: DrugMatchKind, confidence: number): DrugConcept | null {
    const components = this.components(entry.conceptId);
    if (components.length === 0) return null;
    const single = components.length === 1 ? components[0]! : undefined;
    const product = this.#store.get(entry.conceptId);
    return {
      id: single ? single.conceptId : entry.conceptId,
      name: single ? single.name : `${product?.name ?? entry.name} (${components.map((c) => c.name.toLowerCase()).join(' + ')})`,
      drugbankId: single ? single.drugbankId : null,
      matchedBy: kind,
      matchedName: entry.name,
      confidence,
      components,
    };
  }

  /** The DrugBank drugs a concept stands for: itself, a salt's parent, or a product's ingredients. */
  components(conceptId: string): DrugComponent[] {
    const concept = this.#store.get(conceptId);
    if (!concept) return [];
    const ids = concept.system === 'drugbank' ? [conceptId] : concept.system === 'salt' ? this.#store.related(conceptId, 'salt-of', 'out') : this.#store.related(conceptId, 'brand-of', 'out');
    return [...new Set(ids)].flatMap((id) => {
      const drug = this.#store.get(id);
      return drug ? [{ conceptId: id, drugbankId: drug.code, name: drug.name }] : [];
    });
  }

  /** "amoxicillin/clavulanic acid", "co-careldopa"-like free combinations: every part must resolve. */
  #combination(name: string): DrugConcept | null {
    const parts = name.split(/\s*(?:\/|\+|,|\band\b|\bwith\b)\s*/i).map((p) => p.trim()).filter(Boolean);
    if (parts.length < 2) return null;
    const resolved = parts.map((p) => this.normalize(p));
    if (resolved.some((r) => r === null)) return null;
    const components = [...new Map(resolved.flatMap((r) => r!.components).map((c) => [c.conceptId, c])).values()];
    return {
      id: components.map((c) => c.conceptId).join('+'),
      name: components.map((c) => c.name).join(' + '),
      drugbankId: components.length === 1 ? components[0]!.drugbankId : null,
      matchedBy: 'COMBINATION',
      matchedName: name,
      confidence: Math.min(...resolved.map((r) => r!.confidence)) * 0.97,
      components,
    };
  }

  /**
   * One or two edits from a generic, regional or brand name (6+ letters: 1 edit; 9+: 2), keeping the first letter
   * (misspellings rarely change it, and short random words otherwise land on some brand). Ties between different
   * drugs resolve to the one with products, classes or regional names (a prescribed drug) or, failing that, to none.
   */
  #fuzzy(key: string): DrugConcept | null {
    const maxEdits = key.length >= 9 ? 2 : key.length >= 6 ? 1 : 0;
    if (maxEdits === 0) return null;
    let best: { d: number; entries: { key: string; entry: Entry }[] } = { d: maxEdits + 1, entries: [] };
    for (let length = key.length - maxEdits; length <= key.length + maxEdits; length++) {
      for (const candidate of this.#fuzzyByLength.get(length) ?? []) {
        if (candidate.key.charCodeAt(0) !== key.charCodeAt(0)) continue;
        const d = distance(key, candidate.key);
        if (d < best.d) best = { d, entries: [candidate] };
        else if (d === best.d) best.entries.push(candidate);
      }
    }
    if (best.entries.length === 0) return null;
    const byDrug = new Map<string, { key: string; entry: Entry }>();
    for (const candidate of best.entries) {
      const drugs = this.components(candidate.entry.conceptId).map((c) => c.conceptId).join('+');
      if (!byDrug.has(drugs)) byDrug.set(drugs, candidate);
    }
    let chosen = [...byDrug.values()];
    if (chosen.length > 1) chosen = chosen.filter((c) => this.components(c.entry.conceptId).every((d) => this.#prominent.has(d.conceptId)));
    if (chosen.length !== 1) return null;
    const { entry } = chosen[0]!;
    const answer = this.#answer(entry, 'FUZZY', best.d === 1 ? 0.85 : 0.7);
    return answer && { ...answer, matchedName: entry.name };
  }
}
