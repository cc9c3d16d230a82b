import { BadUserInputError } from '../errors.js';
import { DrugLexicon, type DrugConcept } from './drugs/DrugLexicon.js';
import { ConceptGraph, InvalidCursorError, type ConceptSearchHit, type Neighbour, type PageOf } from './graph/ConceptGraph.js';
import { ConceptStore, type Concept } from './graph/ConceptStore.js';
import { AbbreviationTable } from './icd10/AbbreviationTable.js';
import { Icd10Coder, type EmbedTexts, type Icd10Suggestion } from './icd10/Icd10Coder.js';
import { checkInt, checkText, checkTextList } from './inputs.js';
import { InteractionChecker, type DrugInteractionFinding, type InteractionCheck } from './interactions/InteractionChecker.js';
import type { CompiledPack, ConceptKind, RelationType } from './packs/packTypes.js';
import { SymptomCorrelator, type SymptomAssessment } from './symptoms/SymptomCorrelator.js';
import type { DoseRange } from './sources/curatedDoseRanges.js';
import type { DrugIndications } from './sources/curatedIndications.js';

/** What a loaded pack is, for `knowledgeSources`: never file paths, only what a client may show. */
export interface KnowledgeSource {
  id: string;
  name: string;
  edition: string;
  licence: string;
  commercialUse: boolean;
  attribution: string | null;
  rows: Record<string, number>;
  /** How many concepts and rules it contributed. */
  concepts: number;
  rules: number;
  /** sha256 of each source file it was compiled from. */
  sources: { file: string; sha256: string }[];
}

export const KNOWLEDGE_LIMITS = {
  drugName: 200,
  drugs: 50,
  conditionText: 500,
  suggestions: 50,
  symptoms: 30,
  symptomText: 200,
  searchText: 200,
  page: 100,
  depth: 3,
} as const;

const RELATIONS: readonly RelationType[] = ['is-a', 'brand-of', 'salt-of', 'component-of', 'member-of', 'interacts-with', 'has-symptom', 'abbreviation-of', 'same-as'];

/**
 * The one in-process interface to medical knowledge: the clinical-text, evaluation and safety capabilities call
 * this, and the GraphQL resolvers are thin wrappers over it. Inputs are checked here (clear codes for empty,
 * oversize, binary or too many), so every caller gets the same answers.
 */
export class KnowledgeBase {
  readonly store: ConceptStore;
  readonly drugs: DrugLexicon;
  readonly interactions: InteractionChecker;
  readonly abbreviations: AbbreviationTable;
  readonly icd10: Icd10Coder;
  readonly symptoms: SymptomCorrelator;
  readonly graph: ConceptGraph;
  /** Usual adult dose ranges by DrugBank concept id (the dose-ranges pack). */
  readonly doseRanges = new Map<string, DoseRange[]>();
  /** Licensed indications by DrugBank concept id (the indications pack). */
  readonly indications = new Map<string, DrugIndications>();
  readonly #sources: KnowledgeSource[];

  constructor(packs: readonly CompiledPack[], options: { embed?: EmbedTexts } = {}) {
    this.store = new ConceptStore(packs);
    this.drugs = new DrugLexicon(this.store, packs);
    this.interactions = new InteractionChecker(this.store, this.drugs, packs);
    this.abbreviations = new AbbreviationTable(this.store);
    const icdEdition = packs.find((p) => p.id === 'icd10cm')?.edition ?? 'unknown';
    this.icd10 = new Icd10Coder(this.store, this.abbreviations, { edition: icdEdition, embed: options.embed });
    this.symptoms = new SymptomCorrelator(this.store, this.abbreviations, packs);
    this.graph = new ConceptGraph(this.store, this.interactions, options.embed);
    for (const range of packs.flatMap((p) => (p.body.tables.doseRanges as DoseRange[] | undefined) ?? [])) {
      (this.doseRanges.get(range.conceptId) ?? this.doseRanges.set(range.conceptId, []).get(range.conceptId)!).push(range);
    }
    for (const entry of packs.flatMap((p) => (p.body.tables.indications as DrugIndications[] | undefined) ?? [])) this.indications.set(entry.conceptId, entry);
    this.#sources = packs.map((p) => ({
      id: p.id,
      name: p.name,
      edition: p.edition,
      licence: p.licence,
      commercialUse: p.commercialUse,
      attribution: p.attribution ?? null,
      rows: p.rows,
      concepts: p.body.concepts.length,
      rules: p.body.interactionRules.length,
      sources: p.sources.map(({ file, sha256 }) => ({ file, sha256 })),
    }));
  }

  sources(): KnowledgeSource[] {
    return this.#sources;
  }

  /** False when any of the packs is non-commercial (answers built on them must say so). */
  isCommercial(packIds: readonly string[]): boolean {
    return packIds.every((id) => this.#sources.find((s) => s.id === id)?.commercialUse !== false);
  }

  normalizeDrug(name: string): DrugConcept | null {
    return this.drugs.normalize(checkText('name', name, KNOWLEDGE_LIMITS.drugName));
  }

  checkDrugInteractions(drugs: readonly string[]): InteractionCheck {
    return this.interactions.check(checkTextList('drugs', drugs, KNOWLEDGE_LIMITS.drugs, KNOWLEDGE_LIMITS.drugName));
  }

  interactionById(id: string): DrugInteractionFinding | null {
    return id.length > 300 ? null : this.interactions.findById(id);
  }

  suggestIcd10Codes(text: string, options: { limit?: number; rerank?: boolean; signal?: AbortSignal } = {}): Promise<Icd10Suggestion[]> {
    const phrase = checkText('text', text, KNOWLEDGE_LIMITS.conditionText);
    const limit = checkInt('limit', options.limit, 5, 1, KNOWLEDGE_LIMITS.suggestions);
    return this.icd10.suggest(phrase, { limit, rerank: options.rerank, signal: options.signal });
  }

  correlateSymptoms(symptoms: readonly string[], limit?: number): SymptomAssessment {
    const inputs = checkTextList('symptoms', symptoms, KNOWLEDGE_LIMITS.symptoms, KNOWLEDGE_LIMITS.symptomText);
    return this.symptoms.assess(inputs, checkInt('limit', limit, 10, 1, KNOWLEDGE_LIMITS.suggestions));
  }

  concept(id: string): Concept | null {
    return id.length > 200 ? null : (this.store.get(id) ?? null);
  }

  searchConcepts(text: string, options: { kinds?: ConceptKind[]; semantic?: boolean; first?: number; after?: string | null; signal?: AbortSignal }): Promise<PageOf<ConceptSearchHit>> {
    const query = checkText('text', text, KNOWLEDGE_LIMITS.searchText);
    const first = checkInt('first', options.first, 20, 1, KNOWLEDGE_LIMITS.page);
    return withCursor(() => this.graph.search(query, { kinds: options.kinds, semantic: options.semantic, signal: options.signal }, { first, after: options.after }));
  }

  conceptNeighbors(id: string, options: { relation?: RelationType; depth?: number; first?: number; after?: string | null }): Promise<PageOf<Neighbour> | null> {
    if (options.relation && !RELATIONS.includes(options.relation)) throw new BadUserInputError(`relation must be one of ${RELATIONS.join(', ')}.`, { field: 'relation' });
    const depth = checkInt('depth', options.depth, 1, 1, KNOWLEDGE_LIMITS.depth);
    const first = checkInt('first', options.first, 20, 1, KNOWLEDGE_LIMITS.page);
    return withCursor(async () => (id.length > 200 ? null : this.graph.neighbours(id, { relation: options.relation, depth }, { first, after: options.after })));
  }
}

async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw new BadUserInputError(error.message, { field: 'after' });
    throw error;
  }
}
