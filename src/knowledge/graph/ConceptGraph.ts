import type { EmbedTexts } from '../icd10/Icd10Coder.js';
import type { InteractionChecker } from '../interactions/InteractionChecker.js';
import type { ConceptKind, RelationType } from '../packs/packTypes.js';
import { TermIndex } from '../text/TermIndex.js';
import { foldText, nameKey, terms } from '../text/normalize.js';
import type { Concept, ConceptStore, Edge } from './ConceptStore.js';

export interface PageRequest {
  first: number;
  /** Opaque cursor from a previous page's `endCursor`. */
  after?: string | null;
}

export interface PageOf<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface ConceptSearchHit {
  concept: Concept;
  score: number;
  matchedName: string;
}

export interface Neighbour {
  concept: Concept;
  relation: RelationType;
  /** `out`: the path's previous concept <relation> this one; `in`: this one <relation> the previous. */
  direction: Edge['direction'];
  depth: number;
  /** The concept this one was reached from. */
  from: string;
  attrs: Readonly<Record<string, string | number | boolean>>;
}

export class InvalidCursorError extends Error {}

const SEARCH_POOL = 200;

/**
 * The concept graph over every pack: concepts by id, by text (lexical, then semantic reranking when an encoder
 * is given) and by neighbourhood. Interaction rules appear as interacts-with edges between the drugs and classes
 * they name. The search index is built on first use, so start-up does not pay for it.
 */
export class ConceptGraph {
  readonly #store: ConceptStore;
  readonly #checker: InteractionChecker;
  readonly #embed: EmbedTexts | undefined;
  #search: { index: TermIndex; docs: { conceptId: string; name: string }[]; exact: Map<string, number[]> } | undefined;
  #interactionEdges: Map<string, Edge[]> | undefined;

  constructor(store: ConceptStore, checker: InteractionChecker, embed?: EmbedTexts) {
    this.#store = store;
    this.#checker = checker;
    this.#embed = embed;
  }

  get(id: string): Concept | undefined {
    return this.#store.get(id);
  }

  async search(text: string, filter: { kinds?: ConceptKind[]; semantic?: boolean; signal?: AbortSignal }, page: PageRequest): Promise<PageOf<ConceptSearchHit>> {
    const { index, docs, exact } = this.#searchIndex();
    const accept = (conceptId: string) => !filter.kinds || filter.kinds.includes(this.#store.get(conceptId)!.kind);
    const best = new Map<string, ConceptSearchHit>();
    for (const doc of exact.get(nameKey(text)) ?? []) {
      const { conceptId, name } = docs[doc]!;
      if (accept(conceptId)) best.set(conceptId, { concept: this.#store.get(conceptId)!, score: 1, matchedName: name });
    }
    const queryTerms = terms(text).map((t) => (index.has(t) ? t : (index.repair(t) ?? t)));
    for (const hit of index.search(queryTerms, SEARCH_POOL * 2, (doc) => accept(docs[doc]!.conceptId))) {
      const { conceptId, name } = docs[hit.doc]!;
      if (best.has(conceptId)) continue;
      best.set(conceptId, { concept: this.#store.get(conceptId)!, score: Math.round(hit.score * 0.98 * 1000) / 1000, matchedName: name });
      if (best.size >= SEARCH_POOL) break;
    }
    let ranked = [...best.values()];
    if (filter.semantic && this.#embed && ranked.length > 1) ranked = await this.#rerank(text, ranked, filter.signal);
    return paginate(ranked, page);
  }

  /** Concepts within `depth` relations of `id`, breadth first, optionally through one relation type only. */
  neighbours(id: string, options: { relation?: RelationType; depth: number }, page: PageRequest): PageOf<Neighbour> | null {
    if (!this.#store.get(id)) return null;
    const seen = new Set([id]);
    const found: Neighbour[] = [];
    let frontier = [id];
    for (let depth = 1; depth <= options.depth && frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const from of frontier) {
        for (const edge of this.#edgesOf(from)) {
          if ((options.relation && edge.type !== options.relation) || seen.has(edge.other)) continue;
          const concept = this.#store.get(edge.other);
          if (!concept) continue;
          seen.add(edge.other);
          next.push(edge.other);
          found.push({ concept, relation: edge.type, direction: edge.direction, depth, from, attrs: edge.attrs ?? {} });
        }
      }
      frontier = next;
    }
    return paginate(found, page);
  }

  #edgesOf(id: string): Edge[] {
    return [...this.#store.edges(id), ...(this.#interactions().get(id) ?? [])];
  }

  #interactions(): Map<string, Edge[]> {
    if (this.#interactionEdges) return this.#interactionEdges;
    const edges = new Map<string, Edge[]>();
    const push = (at: string, edge: Edge) => (edges.get(at) ?? edges.set(at, []).get(at)!).push(edge);
    for (const { rule, origin } of this.#checker.rules()) {
      const attrs = { severity: rule.severity, rule: `${origin.packId}:${rule.id}` };
      if (rule.a.concept === rule.b.concept) continue;
      push(rule.a.concept, { type: 'interacts-with', other: rule.b.concept, direction: 'out', pack: origin.packId, attrs });
      push(rule.b.concept, { type: 'interacts-with', other: rule.a.concept, direction: 'in', pack: origin.packId, attrs });
    }
    this.#interactionEdges = edges;
    return edges;
  }

  #searchIndex() {
    if (this.#search) return this.#search;
    const index = new TermIndex();
    const docs: { conceptId: string; name: string }[] = [];
    const exact = new Map<string, number[]>();
    for (const concept of this.#store.values()) {
      for (const name of [concept.name, ...concept.synonyms.slice(0, 20)]) {
        const t = terms(name);
        if (t.length === 0) continue;
        const doc = index.add(t);
        docs[doc] = { conceptId: concept.id, name };
        const key = nameKey(name);
        (exact.get(key) ?? exact.set(key, []).get(key)!).push(doc);
      }
    }
    index.freeze();
    this.#search = { index, docs, exact };
    return this.#search;
  }

  async #rerank(text: string, hits: ConceptSearchHit[], signal?: AbortSignal): Promise<ConceptSearchHit[]> {
    const pool = hits.slice(0, 50);
    const embedded = await this.#embed!([foldText(text), ...pool.map((h) => h.concept.name)], signal);
    if (!embedded) return hits;
    const [query, ...vectors] = embedded;
    const reranked = pool.map((h, i) => {
      let cosine = 0;
      for (let k = 0; k < query!.length; k++) cosine += query![k]! * vectors[i]![k]!;
      return { ...h, score: Math.round((0.6 * h.score + 0.4 * Math.max(0, cosine)) * 1000) / 1000 };
    });
    return [...reranked.sort((a, b) => b.score - a.score), ...hits.slice(50)];
  }
}

export function paginate<T>(items: readonly T[], page: PageRequest): PageOf<T> {
  const offset = page.after ? decodeCursor(page.after) : 0;
  const slice = items.slice(offset, offset + page.first);
  const end = offset + slice.length;
  return { items: slice, totalCount: items.length, endCursor: slice.length > 0 ? Buffer.from(`o:${end}`).toString('base64url') : null, hasNextPage: end < items.length };
}

function decodeCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new InvalidCursorError(`"${cursor.slice(0, 40)}" is not a cursor this API gave out`);
  return Number(match[1]);
}
