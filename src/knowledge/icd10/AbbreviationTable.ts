import type { ConceptStore } from '../graph/ConceptStore.js';

export interface Abbreviation {
  abbr: string;
  expansions: string[];
  /** condition, symptom, frequency, route, … */
  kind: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  /** ICD-10-CM concept ids the abbreviation stands for, when it names a condition. */
  codes: string[];
}

export interface QueryVariant {
  text: string;
  /** Codes the whole query names directly (it is one coded abbreviation). */
  direct: string[];
}

// Expansion is for clinical content words only: "od" or "PO" in a condition phrase are not what it means.
const EXPANDED_KINDS = new Set(['condition', 'symptom', 'procedure', 'test', 'anatomy', 'general']);
const MAX_VARIANTS = 4;

/** Clinical abbreviations from the packs, case-aware: "MS" is an abbreviation, "ms" in running text is not. */
export class AbbreviationTable {
  readonly #exactCase = new Map<string, Abbreviation>();
  readonly #anyCase = new Map<string, Abbreviation>();

  constructor(store: ConceptStore) {
    for (const concept of store.values()) {
      if (concept.system !== 'abbr') continue;
      const attrs = concept.attrs;
      const entry: Abbreviation = {
        abbr: concept.name,
        expansions: Array.isArray(attrs.expansions) ? attrs.expansions : [],
        kind: String(attrs.abbrKind ?? 'general'),
        caseSensitive: attrs.caseSensitive === true,
        ambiguous: attrs.ambiguous === true,
        codes: store.related(concept.id, 'abbreviation-of', 'out'),
      };
      if (entry.caseSensitive) this.#exactCase.set(entry.abbr, entry);
      else this.#anyCase.set(entry.abbr.toLowerCase(), entry);
    }
  }

  get size(): number {
    return this.#exactCase.size + this.#anyCase.size;
  }

  /** The abbreviation a token is, if any: exact case first, then case-insensitively for those that allow it. */
  lookup(token: string): Abbreviation | undefined {
    const exact = this.#exactCase.get(token);
    if (exact) return exact;
    const loose = this.#anyCase.get(token.toLowerCase());
    // A lower-case common word ("cap", "pad") is only read as an abbreviation when written in capitals.
    if (loose && token.length <= 4 && token === token.toLowerCase() && /^[a-z]+$/.test(token) && loose.abbr !== token) return undefined;
    return loose;
  }

  /** The query itself and, where it holds clinical abbreviations, the query with each reading written out. */
  expandQuery(text: string): QueryVariant[] {
    const tokens = text.trim().split(/(\s+|[,;()])/);
    const whole = this.lookup(text.trim());
    const direct = whole && EXPANDED_KINDS.has(whole.kind) && !whole.ambiguous ? whole.codes : [];
    let variants: string[][] = [[]];
    let expanded = false;
    for (const token of tokens) {
      const abbreviation = /^[A-Za-z0-9&/]{2,8}$/.test(token) ? this.lookup(token) : undefined;
      if (!abbreviation || !EXPANDED_KINDS.has(abbreviation.kind) || abbreviation.expansions.length === 0) {
        variants = variants.map((v) => [...v, token]);
        continue;
      }
      expanded = true;
      variants = variants.flatMap((v) => abbreviation.expansions.map((e) => [...v, e])).slice(0, MAX_VARIANTS);
    }
    const out: QueryVariant[] = [{ text, direct }];
    if (expanded) for (const v of variants) out.push({ text: v.join(''), direct: [] });
    return out;
  }
}
