import type { Concept, ConceptStore } from '../graph/ConceptStore.js';
import { TermIndex } from '../text/TermIndex.js';
import { WordRepair } from '../text/WordRepair.js';
import { foldText, isStopWord, nameKey, stem, words } from '../text/normalize.js';
import type { AbbreviationTable } from './AbbreviationTable.js';

export interface Icd10Evidence {
  /** The name of the code that matched: its title, a synonym, a lay term, an abbreviation. */
  matchedName: string;
  /** How that name relates to the code. */
  via: 'title' | 'synonym' | 'abbreviation';
  /** The query's index terms found in that name. */
  matchedTerms: string[];
  /** The query as expanded (abbreviations written out). */
  expandedQuery: string;
  /** When the best match was a category header, the billable default code chosen under it. */
  fromHeader: string | null;
}

export interface Icd10Suggestion {
  code: string;
  description: string;
  /** 0–1: how well the phrase and the code's best name agree. */
  score: number;
  billable: boolean;
  edition: string;
  evidence: Icd10Evidence;
}

/** Sentence embeddings for reranking (the inference core's ONNX encoder): unit-length vectors, or null when no encoder is available. */
export type EmbedTexts = (texts: string[], signal?: AbortSignal) => Promise<Float32Array[] | null>;

// Title words that qualify rather than name a condition: a title's extra qualifiers cost it little precision.
const QUALIFIERS = new Set(['unspecifi', 'specifi', 'essenti', 'primari', 'other', 'nos', 'site', 'organ', 'initi', 'encount', 'type', 'without', 'complic', 'acut', 'disord', 'diseas']);

// Codes for other contexts — pregnancy (O), the newborn (P), encounters and history (Z), external causes (V–Y) — fit
// a bare condition phrase only when it says so.
const CONTEXTS: { chapter: RegExp; cues: RegExp }[] = [
  { chapter: /^O/, cues: /\b(pregnan|gestation|trimester|obstet|labou?r|deliver|postpartum|puerper|antenatal|prenatal|maternal|childbirth|abortion|miscarriage|ectopic|eclampsia|pre-?eclampsia)/i },
  { chapter: /^P/, cues: /\b(newborn|neonat|perinatal|congenital|birth|fetal|foetal|preterm|premature)/i },
  { chapter: /^Z/, cues: /\b(history|screening|encounter|follow.?up|status|exam|vaccin|immuni[sz]|carrier|contact|exposure|presence|dependence on|long.?term|fitting|aftercare)/i },
  { chapter: /^[VWXY]/, cues: /\b(accident|fall|fell|struck|bitten|assault|collision|exposure|burn|drown|poison)/i },
];
const OUT_OF_CONTEXT = 0.8;
const OTHER_WITHOUT_CUE = 0.9;
// Within other chapters, titles about a stage of care rather than the condition.
const CARE_STAGE = /\b(subsequent encounter|sequela|personal history|family history|postprocedural|following|complicating|in diseases classified elsewhere)\b/i;

interface Doc {
  conceptId: string;
  name: string;
  via: Icd10Evidence['via'];
}

export interface SuggestOptions {
  limit?: number;
  /** Rerank the lexical candidates with sentence embeddings when an encoder is available. Default true. */
  rerank?: boolean;
  signal?: AbortSignal;
}

/**
 * ICD-10-CM coding of a condition phrase: abbreviations expanded, British spellings folded, words stemmed and
 * misspellings repaired, then every title, synonym and lay term of every code scored by how much of the phrase it
 * covers and how little else it says. A category header gives way to its billable default ("unspecified",
 * "without complications"), as a coder would code a phrase that says no more.
 */
export class Icd10Coder {
  readonly #store: ConceptStore;
  readonly #abbreviations: AbbreviationTable;
  readonly #index = new TermIndex();
  readonly #docs: Doc[] = [];
  readonly #exact = new Map<string, number>();
  readonly #edition: string;
  readonly #embed: EmbedTexts | undefined;

  constructor(store: ConceptStore, abbreviations: AbbreviationTable, options: { edition: string; embed?: EmbedTexts }) {
    this.#store = store;
    this.#abbreviations = abbreviations;
    this.#edition = options.edition;
    this.#embed = options.embed;
    for (const concept of store.values()) {
      if (concept.system !== 'icd10cm') continue;
      this.#addDoc(concept.id, concept.name, 'title');
      for (const synonym of concept.synonyms) this.#addDoc(concept.id, synonym, 'synonym');
    }
    // Curated conditions (symptoms pack) name their code too: "Acute coronary syndrome" → I24.9.
    for (const concept of store.values()) {
      if (concept.system !== 'condition') continue;
      for (const target of store.related(concept.id, 'same-as', 'out')) if (target.startsWith('icd10cm:')) this.#addDoc(target, concept.name, 'synonym');
    }
    this.#index.freeze((term) => (QUALIFIERS.has(term) || term.startsWith(NEGATED) ? 0.25 : 1));
  }

  /** Every title word, for repairing misspelt query words before they are stemmed. */
  readonly #vocabulary = new WordRepair();

  #addDoc(conceptId: string, name: string, via: Doc['via']): void {
    const { key, terms } = titleTerms(name, this.#vocabulary);
    if (terms.length === 0) return;
    const doc = this.#index.add(terms);
    this.#docs[doc] = { conceptId, name, via };
    if (!this.#exact.has(key) || via === 'title') this.#exact.set(key, doc);
  }

  get codeCount(): number {
    return this.#docs.length;
  }

  async suggest(text: string, options: SuggestOptions = {}): Promise<Icd10Suggestion[]> {
    const limit = options.limit ?? 5;
    const lexical = this.suggestLexical(text, Math.max(limit, this.#embed && options.rerank !== false ? 20 : limit));
    if (!this.#embed || options.rerank === false || lexical.length < 2) return lexical.slice(0, limit);
    return (await this.#rerank(text, lexical, options.signal)).slice(0, limit);
  }

  /** Lexical ranking only (no encoder): the fast path, and the candidates the reranker reorders. */
  suggestLexical(text: string, limit: number): Icd10Suggestion[] {
    const variants = this.#abbreviations.expandQuery(text);
    const byCode = new Map<string, Icd10Suggestion>();
    for (const variant of variants) {
      for (const suggestion of this.#rank(variant.text, variant.direct, limit * 3)) {
        const known = byCode.get(suggestion.code);
        if (!known || suggestion.score > known.score) byCode.set(suggestion.code, suggestion);
      }
    }
    return [...byCode.values()].sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, limit);
  }

  #rank(query: string, directCodes: string[], limit: number): Icd10Suggestion[] {
    const queryWords = words(query).filter((w) => !isStopWord(w));
    const repairedWords = queryWords.map((w) => (this.#vocabulary.has(w) || this.#index.has(stem(w)) ? w : (this.#vocabulary.repair(w) ?? w)));
    const repaired = repairedWords.some((w, i) => w !== queryWords[i]);
    const queryTerms = repairedWords.map(stem);
    const hits = this.#index.search(queryTerms, limit * 4);
    const exactDoc = this.#exact.get(nameKey(query));
    const out: Icd10Suggestion[] = [];
    const scored = new Map<string, { score: number; doc: number; matched: string[] }>();
    for (const hit of hits) {
      let score = hit.score * (repaired ? 0.9 : 1);
      if (hit.doc === exactDoc) score = Math.max(score, 0.99);
      const conceptId = this.#docs[hit.doc]!.conceptId;
      const known = scored.get(conceptId);
      if (!known || score > known.score) scored.set(conceptId, { score, doc: hit.doc, matched: hit.matched });
    }
    for (const code of directCodes) scored.set(code, { score: 1, doc: -1, matched: [] });
    for (const [conceptId, { score: raw, doc, matched }] of scored) {
      const concept = this.#store.get(conceptId);
      if (!concept) continue;
      const score = raw * contextFit(concept, query);
      const billable = this.#billableDefault(concept);
      const docInfo = this.#docs[doc];
      out.push({
        code: billable.code,
        description: billable.name,
        score: Math.round(Math.min(1, score) * 1000) / 1000,
        billable: billable.attrs.billable === true,
        edition: this.#edition,
        evidence: {
          matchedName: docInfo?.name ?? query,
          via: doc === -1 ? 'abbreviation' : docInfo!.via,
          matchedTerms: matched,
          expandedQuery: query,
          fromHeader: billable.id === concept.id ? null : concept.code,
        },
      });
    }
    return out;
  }

  readonly #defaults = new Map<string, Concept>();

  /**
   * A header's billable default: the child that says "unspecified" or "without complications", else the .9/.0
   * child, descending until a billable code. A billable code is its own default.
   */
  #billableDefault(concept: Concept): Concept {
    if (concept.attrs.billable === true) return concept;
    const cached = this.#defaults.get(concept.id);
    if (cached) return cached;
    const children = this.#store.related(concept.id, 'is-a', 'in').map((id) => this.#store.get(id)!).filter(Boolean);
    const unspecified = (c: Concept) => /unspecified/i.test(c.name) && !/\b(with|due to)\b/i.test(c.name);
    const pick =
      children.find((c) => c.code.endsWith('9') && unspecified(c)) ??
      children.find((c) => c.name.toLowerCase().startsWith(`${concept.name.toLowerCase()}, unspecified`)) ??
      children.find((c) => /without (complication|mention)/i.test(c.name)) ??
      children.find((c) => /, unspecified$/i.test(c.name) && unspecified(c)) ??
      children.find(unspecified) ??
      children.find((c) => /initial encounter/i.test(c.name)) ??
      children.find((c) => c.code.endsWith('9')) ??
      children.find((c) => c.code.endsWith('0')) ??
      children.find((c) => c.code.endsWith('X'));
    const result = pick ? this.#billableDefault(pick) : concept;
    this.#defaults.set(concept.id, result);
    return result;
  }

  async #rerank(text: string, candidates: Icd10Suggestion[], signal?: AbortSignal): Promise<Icd10Suggestion[]> {
    const embedded = await this.#embed!([foldText(text), ...candidates.map((c) => c.description)], signal);
    if (!embedded) return candidates;
    const [query, ...vectors] = embedded;
    const top = candidates[0]!.score || 1;
    return candidates
      .map((c, i) => {
        const cosine = dot(query!, vectors[i]!);
        return { ...c, score: Math.round((0.75 * (c.score / top) + 0.25 * Math.max(0, cosine)) * 1000) / 1000 };
      })
      .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
  }
}

/** 1 when a code fits the phrase's context; less for pregnancy, newborn, history or care-stage codes it does not ask for. */
function contextFit(concept: Concept, query: string): number {
  for (const { chapter, cues } of CONTEXTS) if (chapter.test(concept.code) && !cues.test(query)) return OUT_OF_CONTEXT;
  if (CARE_STAGE.test(concept.name) && !CARE_STAGE.test(query)) return OUT_OF_CONTEXT;
  // "Other X" is for a specified kind that has no code of its own; a phrase that specifies nothing is "X, unspecified".
  return /\bother\b/i.test(concept.name) && !/\bother\b/i.test(query) ? OTHER_WITHOUT_CUE : 1;
}

const NEGATED = '¬';

/**
 * Index terms of a title, with the words a title negates ("without hematuria", "not intractable") marked so that a
 * phrase naming them does not match: "septic shock" must not code to "Severe sepsis without septic shock".
 */
function titleTerms(name: string, vocabulary: WordRepair): { key: string; terms: string[] } {
  const out: string[] = [];
  const all: string[] = [];
  for (const segment of name.split(/[,;()[\]]/)) {
    let negated = false;
    for (const word of words(segment)) {
      all.push(word);
      vocabulary.add(word);
      if (word === 'without' || word === 'not' || word === 'no') {
        negated = true;
        out.push(stem(word));
        continue;
      }
      if (isStopWord(word)) continue;
      out.push(negated ? `${NEGATED}${stem(word)}` : stem(word));
    }
  }
  // The segments' words in order are the name's words (punctuation only separates): the same key as nameKey(name).
  return { key: all.join(' '), terms: out };
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

