import { distance } from 'fastest-levenshtein';

/** One match of a query in the index: the document, how much of the query it covers and how much of it is the query. */
export interface TermHit {
  doc: number;
  /** Share of the query's weight (idf) found in the document, 0–1. */
  coverage: number;
  /** Share of the document's weight that the query matched, 0–1: short, exact titles score high. */
  precision: number;
  /** Query terms found (after spelling repair). */
  matched: string[];
}

/**
 * A small in-memory inverted index over short names (ICD-10-CM titles, concept names). Scoring is a weighted
 * overlap, not BM25: for codes, what matters is how much of the phrase a title covers and how little else the
 * title says. MiniSearch (BM25+) was measured at 24 ms a query and 1.5 s to index ICD-10-CM here; this is < 1 ms.
 */
export class TermIndex {
  readonly #postings = new Map<string, number[]>();
  readonly #docWeight: number[] = [];
  /** Each document's distinct terms, until freeze() has weighed them. */
  #docTerms: string[][] = [];
  readonly #byLength = new Map<number, string[]>();
  #idf = new Map<string, number>();
  #frozen = false;

  /** Adds a document (its terms) and returns its number. */
  add(terms: readonly string[]): number {
    if (this.#frozen) throw new Error('TermIndex: add after freeze');
    const doc = this.#docWeight.length;
    this.#docWeight.push(0);
    const distinct = [...new Set(terms)];
    this.#docTerms.push(distinct);
    for (const term of distinct) {
      const list = this.#postings.get(term);
      if (list) list.push(doc);
      else this.#postings.set(term, [doc]);
    }
    return doc;
  }

  /**
   * Computes idf and each document's weight; the index is read-only afterwards. `fillerWeight` scales a term's
   * share of a document's weight: qualifiers such as "unspecified" should cost a title little precision.
   */
  freeze(fillerWeight: (term: string) => number = () => 1): void {
    const n = this.#docWeight.length;
    for (const [term, docs] of this.#postings) {
      this.#idf.set(term, Math.log(1 + n / docs.length));
      const bucket = this.#byLength.get(term.length);
      if (bucket) bucket.push(term);
      else this.#byLength.set(term.length, [term]);
    }
    for (let doc = 0; doc < n; doc++) {
      let weight = 0;
      for (const term of this.#docTerms[doc]!) weight += (this.#idf.get(term) ?? 0) * fillerWeight(term);
      this.#docWeight[doc] = weight;
    }
    this.#docTerms = [];
    this.#frozen = true;
  }

  get size(): number {
    return this.#docWeight.length;
  }

  idf(term: string): number {
    return this.#idf.get(term) ?? 0;
  }

  has(term: string): boolean {
    return this.#postings.has(term);
  }

  /**
   * The nearest indexed term to an unknown one (a misspelling): one edit for 5–7 letters, two from 8; none when
   * two different terms are equally near, because a guess between them is no better than nothing.
   */
  repair(term: string): string | undefined {
    const maxEdits = term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
    if (maxEdits === 0 || !/^[a-z]+$/.test(term)) return undefined;
    let best: string | undefined;
    let bestDistance = maxEdits + 1;
    let tie = false;
    for (let length = term.length - maxEdits; length <= term.length + maxEdits; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        const d = distance(term, candidate);
        if (d < bestDistance) [best, bestDistance, tie] = [candidate, d, false];
        else if (d === bestDistance && candidate !== best) tie = true;
      }
    }
    return tie ? undefined : best;
  }

  /** Documents sharing at least one query term, best `limit` by coverage² × (0.4 + 0.6 × precision). */
  search(queryTerms: readonly string[], limit: number, accept?: (doc: number) => boolean): (TermHit & { score: number })[] {
    const unique = [...new Set(queryTerms)];
    // At most 30 distinct known terms: which of them a document holds is kept as a bit mask.
    const terms = unique.filter((t) => this.#postings.has(t)).slice(0, 30);
    const total = unique.reduce((sum, t) => sum + (this.#idf.get(t) ?? Math.log(1 + this.size)), 0);
    if (terms.length === 0 || total === 0) return [];
    const masks = new Map<number, number>();
    terms.forEach((term, bit) => {
      for (const doc of this.#postings.get(term)!) masks.set(doc, (masks.get(doc) ?? 0) | (1 << bit));
    });
    const weights = terms.map((t) => this.#idf.get(t)!);
    const hits: (TermHit & { score: number })[] = [];
    for (const [doc, mask] of masks) {
      if (accept && !accept(doc)) continue;
      let weight = 0;
      for (let bit = 0; bit < terms.length; bit++) if (mask & (1 << bit)) weight += weights[bit]!;
      const coverage = weight / total;
      const precision = Math.min(1, weight / (this.#docWeight[doc] || weight));
      hits.push({ doc, coverage, precision, matched: [], score: coverage * coverage * (0.4 + 0.6 * precision) });
    }
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    const top = hits.slice(0, limit);
    for (const hit of top) {
      const mask = masks.get(hit.doc)!;
      hit.matched = terms.filter((_, bit) => mask & (1 << bit));
    }
    return top;
  }
}

