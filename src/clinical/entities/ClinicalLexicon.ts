import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';
import type { Concept } from '../../knowledge/graph/ConceptStore.js';
import { americanSpelling, foldText, words } from '../../knowledge/text/normalize.js';
import type { Token } from '../text/tokenize.js';
import type { EntityCategory, Mention } from './types.js';

interface Entry {
  category: EntityCategory;
  conceptId: string;
  preferredName: string;
  /** Lower is preferred when two entries name the same words (curated before vocabularies). */
  rank: number;
  expansion: string | null;
}

interface Node {
  next: Map<string, Node>;
  entries?: Entry[];
}

/** A stream position: one folded word, with the offsets of the token it came from. */
interface Unit {
  word: string;
  raw: string;
  start: number;
  end: number;
}

// Everyday words that are also DrugBank or MeSH names: in running clinical prose they are almost never the entity.
const EVERYDAY = new Set([
  'water', 'air', 'salt', 'sugar', 'honey', 'milk', 'tea', 'coffee', 'gold', 'silver', 'copper', 'tin', 'lead', 'rice', 'corn',
  'wheat', 'egg', 'fish', 'apple', 'orange', 'lemon', 'garlic', 'ginger', 'mint', 'dust', 'grass', 'light', 'heat', 'cold',
  'sleep', 'rest', 'food', 'diet', 'exercise', 'work', 'life', 'death', 'body', 'cells', 'hair', 'skin', 'blood', 'plan',
  'home', 'care', 'help', 'aid', 'support', 'time', 'age', 'pain relief', 'back', 'general', 'signs', 'symptoms', 'disease',
  'syndrome', 'diagnosis', 'therapy', 'therapeutics', 'methods', 'surgery', 'drug', 'drugs', 'medicine', 'patient', 'patients',
  'history', 'mass', 'weight', 'tissue', 'tissues', 'fluid', 'lesion', 'lesions', 'structure', 'injury', 'wounds and injuries',
  'behavior', 'pressure', 'base', 'control', 'risk', 'range', 'stress', 'shock',
]);

// How notes name drug classes, above all in allergy lists ("penicillin", "sulfa", "NSAIDs"), with the curated class
// they stand for where the interaction pack has one.
const DRUG_CLASS_TERMS: [string, string | null][] = [
  ['penicillin', null], ['penicillins', null], ['cephalosporin', null], ['cephalosporins', null], ['sulfa', null], ['sulpha', null],
  ['sulfonamides', null], ['sulphonamides', null], ['quinolones', 'class:fluoroquinolone'], ['fluoroquinolones', 'class:fluoroquinolone'],
  ['macrolides', 'class:macrolide'], ['tetracyclines', 'class:tetracycline'], ['nsaid', 'class:nsaid'], ['nsaids', 'class:nsaid'],
  ['statin', 'class:statin'], ['statins', 'class:statin'], ['opioid', 'class:opioid'], ['opioids', 'class:opioid'], ['opiates', 'class:opioid'],
  ['ace inhibitor', 'class:ace-inhibitor'], ['ace inhibitors', 'class:ace-inhibitor'], ['ace-inhibitors', 'class:ace-inhibitor'],
  ['beta blocker', 'class:beta-blocker'], ['beta blockers', 'class:beta-blocker'], ['beta-blockers', 'class:beta-blocker'],
  ['benzodiazepines', 'class:benzodiazepine'], ['ssris', 'class:ssri'], ['ssri', 'class:ssri'], ['anticoagulants', null], ['anticoagulant', null],
  ['antibiotics', null], ['antibiotic', null], ['steroids', null], ['corticosteroids', null], ['diuretics', null], ['antihistamines', null],
  ['contrast', null], ['iodinated contrast', null], ['anaesthetic', null], ['local anaesthetic', null],
];

const CATEGORY_RANK: Record<EntityCategory, number> = { MEDICATION: 0, CONDITION: 1, SYMPTOM: 2, TEST: 3, PROCEDURE: 4, ANATOMY: 5 };

/** MeSH tree branches and the category their descriptors name. */
function meshCategory(concept: Concept): EntityCategory | undefined {
  const trees = Array.isArray(concept.attrs.treeNumbers) ? concept.attrs.treeNumbers : [];
  const under = (prefix: string) => trees.some((t) => t.startsWith(prefix) && t.length > prefix.length);
  if (under('C23.888')) return 'SYMPTOM';
  if (under('C') || under('F03')) return 'CONDITION';
  if (under('E01')) return 'TEST';
  if (under('E02') || under('E03') || under('E04')) return 'PROCEDURE';
  if (['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A14', 'A17'].some(under)) return 'ANATOMY';
  return undefined;
}

/** "Diabetes Mellitus, Type 2" → "Type 2 Diabetes Mellitus": MeSH inverts its headings; notes do not. */
function uninverted(name: string): string | undefined {
  const parts = name.split(', ');
  return parts.length === 2 && !/\d{2}/.test(parts[1]!) ? `${parts[1]} ${parts[0]}` : undefined;
}

/**
 * The dictionary recogniser: every name in the knowledge packs that a clinical text may use — drugs (generic,
 * regional, brand, combination), conditions and symptoms (curated names, lay terms, MeSH diseases), tests,
 * procedures and anatomy (MeSH), clinical abbreviations — in one word trie, matched longest first. Upper-case
 * abbreviations match only as written ("MS" is multiple sclerosis; "ms" is not).
 */
export class ClinicalLexicon {
  readonly #root: Node = { next: new Map() };
  readonly #exactCase: Node = { next: new Map() };
  #size = 0;

  constructor(knowledge: KnowledgeBase) {
    for (const concept of knowledge.store.values()) this.#addConcept(concept);
    for (const [term, classId] of DRUG_CLASS_TERMS) {
      this.#insert(this.#root, words(term), { category: 'MEDICATION', conceptId: classId ?? `class-term:${term}`, preferredName: term, rank: 0, expansion: null });
    }
    for (const concept of knowledge.store.values()) {
      if (concept.system !== 'abbr') continue;
      const kind = String(concept.attrs.abbrKind ?? '');
      const category: EntityCategory | undefined = kind === 'condition' ? 'CONDITION' : kind === 'symptom' ? 'SYMPTOM' : kind === 'test' ? 'TEST' : kind === 'procedure' ? 'PROCEDURE' : kind === 'drug' ? 'MEDICATION' : undefined;
      if (!category) continue;
      const expansions = Array.isArray(concept.attrs.expansions) ? concept.attrs.expansions : [];
      const coded = knowledge.store.related(concept.id, 'abbreviation-of', 'out')[0];
      const entry: Entry = { category, conceptId: coded ?? concept.id, preferredName: expansions[0] ?? concept.name, rank: 0, expansion: expansions[0] ?? null };
      // Abbreviations are matched as written: case carries meaning ("PE", "MS", "CA").
      this.#insert(this.#exactCase, concept.name.split(/\s+/), entry);
    }
  }

  get size(): number {
    return this.#size;
  }

  #addConcept(concept: Concept): void {
    switch (concept.system) {
      case 'drugbank':
        this.#addNames(concept, [concept.name, ...concept.synonyms.filter(usableSynonym)], 'MEDICATION', 1);
        return;
      case 'product':
        this.#addNames(concept, [concept.name, ...concept.synonyms], 'MEDICATION', concept.attrs.source === 'curated' ? 0 : 2);
        return;
      case 'symptom':
        this.#addNames(concept, [concept.name, ...concept.synonyms], 'SYMPTOM', 0);
        return;
      case 'class':
        // "Benzodiazepines", "Loop diuretics": the class name without its parenthetical gloss.
        this.#addNames(concept, [concept.name.replace(/\s*\(.*$/, '')], 'MEDICATION', 1);
        return;
      case 'condition':
        this.#addNames(concept, [concept.name], 'CONDITION', 0);
        return;
      case 'icd10cm':
        // Curated lay terms and synonyms, and titles short enough to be written in a note ("Asthma", "Gout").
        this.#addNames(concept, [...(isShortTitle(concept.name) ? [concept.name] : []), ...concept.synonyms], 'CONDITION', 1);
        return;
      case 'mesh': {
        const category = meshCategory(concept);
        if (!category) return;
        const inverted = uninverted(concept.name);
        this.#addNames(concept, inverted ? [concept.name, inverted] : [concept.name], category, 3);
        return;
      }
      default:
        return;
    }
  }

  #addNames(concept: Concept, names: readonly string[], category: EntityCategory, rank: number): void {
    for (const name of names) {
      const key = words(name);
      if (key.length === 0 || key.length > 8) continue;
      const joined = key.join(' ');
      if (EVERYDAY.has(joined) || joined.length < 3 || /^\d+$/.test(joined)) continue;
      this.#insert(this.#root, key, { category, conceptId: concept.id, preferredName: concept.name, rank, expansion: null });
    }
  }

  #insert(root: Node, key: readonly string[], entry: Entry): void {
    let node = root;
    for (const word of key) {
      let next = node.next.get(word);
      if (!next) {
        next = { next: new Map() };
        node.next.set(word, next);
      }
      node = next;
    }
    node.entries ??= [];
    if (!node.entries.some((e) => e.conceptId === entry.conceptId && e.category === entry.category)) {
      node.entries.push(entry);
      this.#size++;
    }
  }

  /** Every longest match in the tokens (left to right, no overlaps). */
  match(text: string, tokens: readonly Token[]): Mention[] {
    const units = toUnits(tokens);
    const mentions: Mention[] = [];
    let i = 0;
    while (i < units.length) {
      const folded = longest(this.#root, units, i, (u) => u.word);
      const cased = longest(this.#exactCase, units, i, (u) => u.raw);
      const best = !cased || (folded && folded.length > cased.length) ? folded : cased;
      if (!best) {
        i++;
        continue;
      }
      const entry = pick(best.entries);
      const start = units[i]!.start;
      const end = units[i + best.length - 1]!.end;
      mentions.push({
        start,
        end,
        text: text.slice(start, end),
        category: entry.category,
        conceptId: entry.conceptId,
        preferredName: entry.preferredName,
        confidence: entry.rank <= 1 ? 0.95 : 0.85,
        source: 'dictionary',
        expansion: entry.expansion,
      });
      // Skip every unit of the tokens the match touched.
      let j = i + best.length;
      while (j < units.length && units[j]!.start < end) j++;
      i = j;
    }
    return mentions;
  }
}

function longest(root: Node, units: readonly Unit[], from: number, keyOf: (u: Unit) => string): { length: number; entries: Entry[] } | undefined {
  let node: Node | undefined = root;
  let best: { length: number; entries: Entry[] } | undefined;
  for (let j = from; j < units.length && node; j++) {
    node = node.next.get(keyOf(units[j]!));
    if (node?.entries) best = { length: j - from + 1, entries: node.entries };
  }
  return best;
}

function pick(entries: readonly Entry[]): Entry {
  return [...entries].sort((a, b) => a.rank - b.rank || CATEGORY_RANK[a.category] - CATEGORY_RANK[b.category])[0]!;
}

/** Tokens as folded words: "co-amoxiclav" gives two units, both spanning the whole token. */
function toUnits(tokens: readonly Token[]): Unit[] {
  const units: Unit[] = [];
  for (const token of tokens) {
    const folded = foldText(token.text);
    if (folded === '') continue;
    for (const word of folded.split(' ')) units.push({ word: americanSpelling(word), raw: token.text, start: token.start, end: token.end });
  }
  return units;
}

/** DrugBank synonyms that read like names a clinician writes (not IUPAC strings or codes). */
function usableSynonym(name: string): boolean {
  return name.length >= 4 && name.length <= 40 && !/[()[\]{},;:]|\d-|-\d|^\d/.test(name) && name.split(' ').length <= 3;
}

function isShortTitle(name: string): boolean {
  return name.split(' ').length <= 4 && !/[,()[\]]|\b(other|unspecified|specified|NEC|NOS)\b/i.test(name);
}
