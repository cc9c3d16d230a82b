import type { DrugConcept, DrugLexicon } from '../drugs/DrugLexicon.js';
import type { ConceptStore } from '../graph/ConceptStore.js';
import type { CompiledPack, PackInteractionRule, Severity } from '../packs/packTypes.js';

export const SEVERITY_RANK: Record<Severity, number> = { CONTRAINDICATED: 4, MAJOR: 3, MODERATE: 2, MINOR: 1 };

/** Where a rule comes from, for the answer's source and licence labels. */
export interface RuleOrigin {
  packId: string;
  packName: string;
  licence: string;
  commercialUse: boolean;
}

interface IndexedRule {
  rule: PackInteractionRule;
  origin: RuleOrigin;
  /** Drug-specific rules outrank class rules of the same severity: they are more precise. */
  specificity: number;
}

export interface DrugInteractionFinding {
  /** Stable id: `<pack>:<rule>:<drugbankA>:<drugbankB>`, resolvable later (federation `_entities`). */
  id: string;
  drugA: string;
  drugB: string;
  drugbankIdA: string;
  drugbankIdB: string;
  /** The names as the caller wrote them. */
  inputA: string;
  inputB: string;
  severity: Severity;
  sourceSeverity: string | null;
  description: string;
  mechanism: string;
  management: string;
  references: string[];
  ruleId: string;
  /** The class or drug each side matched through (`class:nsaid`, `drugbank:DB00682`). */
  matchedVia: [string, string];
  source: string;
  licence: string;
  commercialUse: boolean;
  /** Other rules that also matched this pair (weaker or from another pack), by pack and id. */
  otherRules: { packId: string; ruleId: string; severity: Severity }[];
}

export interface DuplicateTherapy {
  drug: string;
  drugbankId: string;
  inputs: string[];
}

export interface InteractionCheck {
  interactions: DrugInteractionFinding[];
  duplicates: DuplicateTherapy[];
  unrecognized: string[];
  recognized: { input: string; concept: DrugConcept }[];
}

/**
 * Interactions among a list of drugs named in any form. Rules are indexed by the concept on each side (a drug or a
 * class); a drug is looked up under itself and every class it belongs to, so one pass finds drug-drug,
 * drug-class and class-class rules. Each interacting pair is reported once, under its most severe rule.
 */
export class InteractionChecker {
  readonly #lexicon: DrugLexicon;
  readonly #store: ConceptStore;
  readonly #bySides = new Map<string, IndexedRule[]>();
  readonly #byId = new Map<string, IndexedRule>();

  constructor(store: ConceptStore, lexicon: DrugLexicon, packs: readonly CompiledPack[]) {
    this.#store = store;
    this.#lexicon = lexicon;
    for (const pack of packs) {
      const origin: RuleOrigin = { packId: pack.id, packName: pack.name, licence: pack.licence, commercialUse: pack.commercialUse };
      for (const rule of pack.body.interactionRules) {
        const indexed = { rule, origin, specificity: (rule.a.concept.startsWith('class:') ? 0 : 1) + (rule.b.concept.startsWith('class:') ? 0 : 1) };
        this.#byId.set(`${pack.id}:${rule.id}`, indexed);
        for (const key of pairKeys(rule.a.concept, rule.b.concept)) {
          const list = this.#bySides.get(key);
          if (list) list.push(indexed);
          else this.#bySides.set(key, [indexed]);
        }
      }
    }
  }

  get ruleCount(): number {
    return this.#byId.size;
  }

  /** Every rule, for the concept graph's interacts-with edges. */
  *rules(): IterableIterator<{ rule: PackInteractionRule; origin: RuleOrigin }> {
    yield* this.#byId.values();
  }

  /** The drug itself and every class it is a member of. */
  #keysOf(drugConceptId: string): string[] {
    return [drugConceptId, ...this.#store.related(drugConceptId, 'member-of', 'out')];
  }

  check(names: readonly string[]): InteractionCheck {
    const recognized: { input: string; concept: DrugConcept }[] = [];
    const unrecognized: string[] = [];
    for (const input of names) {
      const concept = this.#lexicon.normalize(input);
      if (concept) recognized.push({ input, concept });
      else if (!unrecognized.includes(input)) unrecognized.push(input);
    }
    const duplicates = new Map<string, DuplicateTherapy>();
    const interactions = new Map<string, DrugInteractionFinding>();
    recognized.forEach((x, i) => {
      for (const y of recognized.slice(i + 1)) {
        for (const a of x.concept.components) {
          for (const b of y.concept.components) {
            if (a.conceptId === b.conceptId) {
              const dup = duplicates.get(a.conceptId) ?? { drug: a.name, drugbankId: a.drugbankId, inputs: [] };
              for (const input of [x.input, y.input]) if (!dup.inputs.includes(input)) dup.inputs.push(input);
              duplicates.set(a.conceptId, dup);
              continue;
            }
            const finding = this.#pair(a.conceptId, b.conceptId, x.input, y.input);
            const key = [a.conceptId, b.conceptId].sort().join('|');
            const known = interactions.get(key);
            if (finding && (!known || SEVERITY_RANK[finding.severity] > SEVERITY_RANK[known.severity])) interactions.set(key, finding);
          }
        }
      }
    });
    const sorted = [...interactions.values()].sort((p, q) => SEVERITY_RANK[q.severity] - SEVERITY_RANK[p.severity] || p.drugA.localeCompare(q.drugA));
    return { interactions: sorted, duplicates: [...duplicates.values()], unrecognized, recognized };
  }

  /** The strongest rule between two drugs, with the others that also matched. */
  #pair(a: string, b: string, inputA: string, inputB: string): DrugInteractionFinding | null {
    const keysA = this.#keysOf(a);
    const keysB = this.#keysOf(b);
    const matches: { indexed: IndexedRule; via: [string, string] }[] = [];
    const seen = new Set<IndexedRule>();
    for (const ka of keysA) {
      for (const kb of keysB) {
        for (const indexed of this.#bySides.get(`${ka}|${kb}`) ?? []) {
          if (seen.has(indexed) || isExcepted(indexed.rule, a, b)) continue;
          seen.add(indexed);
          const forward = indexed.rule.a.concept === ka && indexed.rule.b.concept === kb;
          matches.push({ indexed, via: forward ? [ka, kb] : [kb, ka] });
        }
      }
    }
    if (matches.length === 0) return null;
    matches.sort((p, q) => rank(q.indexed) - rank(p.indexed));
    const [best, ...others] = matches;
    return this.#finding(best!.indexed, a, b, inputA, inputB, others.map((o) => ({ packId: o.indexed.origin.packId, ruleId: o.indexed.rule.id, severity: o.indexed.rule.severity })));
  }

  #finding(indexed: IndexedRule, a: string, b: string, inputA: string, inputB: string, otherRules: DrugInteractionFinding['otherRules']): DrugInteractionFinding {
    const [first, second] = orderBySide(indexed.rule, a, b, this.#keysOf(a));
    const drug = (id: string) => this.#store.get(id)!;
    const sideVia = (id: string, side: string) => (this.#keysOf(id).includes(side) ? side : id);
    return {
      id: `${indexed.origin.packId}:${indexed.rule.id}:${drug(first).code}:${drug(second).code}`,
      drugA: drug(first).name,
      drugB: drug(second).name,
      drugbankIdA: drug(first).code,
      drugbankIdB: drug(second).code,
      inputA: first === a ? inputA : inputB,
      inputB: first === a ? inputB : inputA,
      severity: indexed.rule.severity,
      sourceSeverity: indexed.rule.sourceSeverity ?? null,
      description: indexed.rule.description,
      mechanism: indexed.rule.mechanism,
      management: indexed.rule.management,
      references: indexed.rule.references,
      ruleId: indexed.rule.id,
      matchedVia: [sideVia(first, indexed.rule.a.concept), sideVia(second, indexed.rule.b.concept)],
      source: indexed.origin.packName,
      licence: indexed.origin.licence,
      commercialUse: indexed.origin.commercialUse,
      otherRules,
    };
  }

  /** Re-derives a finding from its id (federation reference resolution); null when the id no longer holds. */
  findById(id: string): DrugInteractionFinding | null {
    const match = /^([^:]+):(.+):(DB\d{5}):(DB\d{5})$/.exec(id);
    if (!match) return null;
    const [, packId, ruleId, dbA, dbB] = match as unknown as [string, string, string, string, string];
    const indexed = this.#byId.get(`${packId}:${ruleId}`);
    if (!indexed) return null;
    const [a, b] = [`drugbank:${dbA}`, `drugbank:${dbB}`];
    if (!this.#store.get(a) || !this.#store.get(b) || a === b) return null;
    const keysA = this.#keysOf(a);
    const keysB = this.#keysOf(b);
    const applies = (keysA.includes(indexed.rule.a.concept) && keysB.includes(indexed.rule.b.concept)) || (keysA.includes(indexed.rule.b.concept) && keysB.includes(indexed.rule.a.concept));
    if (!applies || isExcepted(indexed.rule, a, b)) return null;
    const nameA = this.#store.get(a)!.name;
    const nameB = this.#store.get(b)!.name;
    return this.#finding(indexed, a, b, nameA, nameB, []);
  }
}

function rank(indexed: IndexedRule): number {
  // Severity first; then our curated, referenced rules before a bulk source; then drug-specific before class rules.
  return SEVERITY_RANK[indexed.rule.severity] * 100 + (indexed.origin.commercialUse ? 10 : 0) + indexed.specificity;
}

function pairKeys(x: string, y: string): string[] {
  return x === y ? [`${x}|${y}`] : [`${x}|${y}`, `${y}|${x}`];
}

function isExcepted(rule: PackInteractionRule, a: string, b: string): boolean {
  return (rule.except ?? []).some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** Puts the drug that matched the rule's `a` side first, so "drugA" reads as the rule does. */
function orderBySide(rule: PackInteractionRule, a: string, b: string, keysOfA: string[]): [string, string] {
  return keysOfA.includes(rule.a.concept) ? [a, b] : [b, a];
}
