import type { Concept, ConceptStore } from '../graph/ConceptStore.js';
import type { AbbreviationTable } from '../icd10/AbbreviationTable.js';
import type { CompiledPack } from '../packs/packTypes.js';
import type { RedFlagRule } from '../sources/curatedSymptoms.js';
import { TermIndex } from '../text/TermIndex.js';
import { nameKey, terms } from '../text/normalize.js';

export interface RecognisedSymptom {
  input: string;
  symptomId: string;
  name: string;
}

export interface RedFlagMatch {
  id: string;
  concern: string;
  action: string;
  reference: string;
  /** The inputs that raised it. */
  symptoms: string[];
}

export interface ConditionCandidate {
  conceptId: string;
  name: string;
  /** The ICD-10-CM code the condition is filed under, when known. */
  icd10: string | null;
  /** 0–1. */
  score: number;
  /** Given symptoms this condition typically presents with, most typical first. */
  supporting: { symptom: string; input: string; weight: number; redFlag: boolean }[];
  /** Typical symptoms that were not given, most typical first. */
  absent: { symptom: string; weight: number }[];
  /** Red flags among the given symptoms that concern this condition's presentation. */
  redFlags: RedFlagMatch[];
  /** Packs the association comes from (licence labels follow from these). */
  packs: string[];
  commercialUse: boolean;
}

export interface SymptomAssessment {
  candidates: ConditionCandidate[];
  recognised: RecognisedSymptom[];
  unrecognized: string[];
  redFlags: RedFlagMatch[];
}

/**
 * Ranks conditions for a set of symptoms. A condition scores by the typicality weights of the given symptoms it
 * explains, against the weight of everything it typically presents with, times the share of the given symptoms
 * it explains: many cardinal matches rank first, a condition that explains one symptom of five ranks low.
 */
export class SymptomCorrelator {
  readonly #store: ConceptStore;
  readonly #abbreviations: AbbreviationTable;
  readonly #byName = new Map<string, string>();
  readonly #index = new TermIndex();
  readonly #docs: string[] = [];
  readonly #redFlags: RedFlagRule[];
  readonly #nonCommercial: Set<string>;

  constructor(store: ConceptStore, abbreviations: AbbreviationTable, packs: readonly CompiledPack[]) {
    this.#store = store;
    this.#abbreviations = abbreviations;
    this.#redFlags = packs.flatMap((p) => (p.body.tables.redFlags as RedFlagRule[] | undefined) ?? []);
    this.#nonCommercial = new Set(packs.filter((p) => !p.commercialUse).map((p) => p.id));
    for (const concept of store.values()) {
      if (concept.kind !== 'symptom' || (concept.system !== 'symptom' && concept.system !== 'umls')) continue;
      for (const name of [concept.name, ...concept.synonyms]) {
        const key = nameKey(name);
        if (key && !this.#byName.has(key)) this.#byName.set(key, concept.id);
        const t = terms(name);
        if (t.length === 0) continue;
        this.#index.add(t);
        this.#docs.push(concept.id);
      }
    }
    this.#index.freeze();
  }

  /** The symptom concept a phrase names: exactly, through an abbreviation, or by a close wording. */
  recognise(input: string): string | undefined {
    const exact = this.#byName.get(nameKey(input));
    if (exact) return exact;
    const abbreviation = this.#abbreviations.lookup(input.trim());
    for (const expansion of abbreviation?.expansions ?? []) {
      const hit = this.#byName.get(nameKey(expansion));
      if (hit) return hit;
    }
    const queryTerms = terms(input).map((t) => (this.#index.has(t) ? t : (this.#index.repair(t) ?? t)));
    const [best] = this.#index.search(queryTerms, 1);
    return best && best.coverage >= 0.99 && best.precision >= 0.5 ? this.#docs[best.doc] : undefined;
  }

  assess(inputs: readonly string[], limit: number): SymptomAssessment {
    const recognised: RecognisedSymptom[] = [];
    const unrecognized: string[] = [];
    for (const input of inputs) {
      const id = this.recognise(input);
      if (id && !recognised.some((r) => r.symptomId === id)) recognised.push({ input, symptomId: id, name: this.#store.get(id)!.name });
      else if (!id) unrecognized.push(input);
    }
    const redFlags = this.#matchRedFlags(recognised);
    const given = new Map(recognised.map((r) => [r.symptomId, r]));
    const conditions = new Set(recognised.flatMap((r) => this.#store.related(r.symptomId, 'has-symptom', 'in')));
    const candidates: ConditionCandidate[] = [];
    for (const conditionId of conditions) {
      const condition = this.#store.get(conditionId)!;
      const expected = this.#store.edges(conditionId, 'has-symptom', 'out');
      const total = expected.reduce((sum, e) => sum + weightOf(e.attrs), 0);
      const supporting = expected.filter((e) => given.has(e.other)).sort((a, b) => weightOf(b.attrs) - weightOf(a.attrs));
      const explained = supporting.reduce((sum, e) => sum + weightOf(e.attrs), 0);
      const share = supporting.length / recognised.length;
      const score = (explained / Math.sqrt(total * Math.max(1, recognised.length))) * share;
      const flagged = new Set(redFlags.flatMap((f) => f.symptoms));
      const packs = [...new Set(expected.map((e) => e.pack))];
      candidates.push({
        conceptId: conditionId,
        name: condition.name,
        icd10: this.#icd10Of(condition),
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        supporting: supporting.map((e) => {
          const r = given.get(e.other)!;
          return { symptom: r.name, input: r.input, weight: weightOf(e.attrs), redFlag: flagged.has(r.input) };
        }),
        absent: expected.filter((e) => !given.has(e.other)).sort((a, b) => weightOf(b.attrs) - weightOf(a.attrs)).map((e) => ({ symptom: this.#store.get(e.other)!.name, weight: weightOf(e.attrs) })),
        redFlags: redFlags.filter((f) => f.symptoms.some((s) => supporting.some((e) => given.get(e.other)!.input === s))),
        packs,
        commercialUse: !packs.some((p) => this.#nonCommercial.has(p)),
      });
    }
    candidates.sort((a, b) => b.score - a.score || b.supporting.length - a.supporting.length || a.name.localeCompare(b.name));
    return { candidates: candidates.slice(0, limit), recognised, unrecognized, redFlags };
  }

  #matchRedFlags(recognised: readonly RecognisedSymptom[]): RedFlagMatch[] {
    const byId = new Map(recognised.map((r) => [r.symptomId.replace(/^symptom:/, ''), r.input]));
    return this.#redFlags
      .filter((f) => f.all.every((s) => byId.has(s)) && (!f.any || f.any.some((s) => byId.has(s))))
      .map((f) => ({
        id: f.id,
        concern: f.concern,
        action: f.action,
        reference: f.reference,
        symptoms: [...f.all, ...(f.any ?? []).filter((s) => byId.has(s))].map((s) => byId.get(s)!),
      }));
  }

  #icd10Of(condition: Concept): string | null {
    if (condition.system === 'icd10cm') return condition.code;
    const linked = this.#store.related(condition.id, 'same-as', 'out').find((id) => id.startsWith('icd10cm:'));
    return linked ? linked.slice('icd10cm:'.length) : null;
  }
}

function weightOf(attrs: Readonly<Record<string, string | number | boolean>> | undefined): number {
  return typeof attrs?.weight === 'number' ? attrs.weight : 0.5;
}
