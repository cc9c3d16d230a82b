/**
 * UMLS Metathesaurus importer: MRCONSO.RRF from the user's own UMLS release, mapped to `umls:<CUI>` concepts with
 * English names, and same-as relations to the concepts of the vocabularies the engine knows (ICD-10-CM, MeSH,
 * RxNorm, SNOMED CT, LOINC, DrugBank). MRCONSO is ~15 GB, so concepts are completed as the file goes: it is
 * sorted by CUI, and lookup tables for out-of-order rows are built only if a CUI turns up out of order.
 */
import path from 'node:path';
import type { ConceptSystem, PackConcept, PackRelation } from '../packs/packTypes.js';
import { emptyBody, SourceFormatError } from '../packs/packTypes.js';
import type { ImportOptions, ImportResult, LicensedImporter } from './index.js';
import type { ReadLinesOptions } from './readLines.js';
import { assignFiles, detach, distinctNames, LineProgress, oneFile, pathSegments, readLines, RrfFields } from './readLines.js';

/** MRCONSO.RRF: CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF| */
const CONSO_FIELDS = 18;
const CONSO = { CUI: 0, LAT: 1, TS: 2, STT: 4, ISPREF: 6, SAB: 11, CODE: 13, STR: 14, SUPPRESS: 16 } as const;

/** SUPPRESS values that mean obsolete (O), suppressed by the source (Y) or by the editors (E). */
const SUPPRESSED = new Set(['O', 'Y', 'E']);
/** Some concepts carry hundreds of strings; more than this adds size, not recall. */
const SYNONYM_CAP = 50;

/**
 * Sources whose CODE is the code of a concept the engine's other packs define. The pattern keeps only codes of
 * that kind: MeSH descriptors (D…, not qualifiers or supplementary concepts), LOINC terms (not LP parts or LA
 * answers), ICD-10-CM codes (not chapter or block ranges).
 */
const SAME_AS: ReadonlyMap<string, { system: ConceptSystem; code: RegExp }> = new Map(Object.entries({
  ICD10CM: { system: 'icd10cm', code: /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/ },
  MSH: { system: 'mesh', code: /^D\d+$/ },
  RXNORM: { system: 'rxnorm', code: /^\d+$/ },
  SNOMEDCT_US: { system: 'snomed', code: /^[1-9]\d{5,17}$/ },
  LNC: { system: 'loinc', code: /^\d{1,7}-\d$/ },
  DRUGBANK: { system: 'drugbank', code: /^DB\d{5}$/ },
} as const));

export const umls: LicensedImporter = {
  id: 'umls',
  name: 'UMLS Metathesaurus',
  licence: "UMLS Metathesaurus License (user's own)",
  files: 'MRCONSO.RRF',
  importFiles,
};

async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const roleOf = (name: string): 'conso' | 'ignored' | undefined => {
    if (name.toUpperCase() === 'MRCONSO.RRF') return 'conso';
    // Other Metathesaurus tables (MRREL, MRSTY, MRDEF…) carry nothing this pack uses.
    return /^MR[A-Z0-9_]*\.RRF$/i.test(name) ? 'ignored' : undefined;
  };
  const { files, ignored } = assignFiles(paths, roleOf, 'MRCONSO.RRF');
  const file = oneFile(files.get('conso'), 'MRCONSO.RRF', "pass MRCONSO.RRF from the UMLS release's META folder");
  const progress = new LineProgress(options.onProgress);
  const collector = new ConceptCollector();
  const { read, kept } = await readAtoms(file, { signal: options.signal, progress }, collector);
  progress.finish();
  const { concepts, relations, fallbackNamed } = collector.finish();
  if (concepts.length === 0) throw new SourceFormatError(path.basename(file), undefined, 'no current English (LAT=ENG) names found');

  const body = emptyBody();
  body.concepts = concepts;
  body.relations = relations;
  const rows: Record<string, number> = {
    concepts: concepts.length, names: 0, relations: relations.length, atomsRead: read, atomsKept: kept,
    conceptsWithoutPreferredName: fallbackNamed, filesIgnored: ignored, ...sameAsCounts(relations),
  };
  return { body, edition: editionOf(file), rows };
}

/** Feeds the current English atoms of MRCONSO.RRF to the collector; returns how many rows were read and kept. */
async function readAtoms(file: string, options: ReadLinesOptions, collector: ConceptCollector): Promise<{ read: number; kept: number }> {
  const name = path.basename(file);
  const row = new RrfFields(name, CONSO_FIELDS);
  let read = 0;
  let kept = 0;
  for await (const { text, number } of readLines(file, options)) {
    if (text === '') continue;
    read += 1;
    row.parse(text, number);
    const cui = row.field(CONSO.CUI);
    if (!/^C\d{7}$/.test(cui)) throw new SourceFormatError(name, number, `CUI '${cui}' is not C followed by 7 digits`);
    if (row.field(CONSO.LAT) !== 'ENG' || SUPPRESSED.has(row.field(CONSO.SUPPRESS))) continue;
    kept += 1;
    collector.add(cui, row.field(CONSO.STR).trim(), isPreferred(row), sameAsTarget(row));
  }
  return { read, kept };
}

/** The concept's preferred name: preferred term (TS=P) of the preferred string form (STT=PF), preferred atom. */
function isPreferred(row: RrfFields): boolean {
  return row.field(CONSO.TS) === 'P' && row.field(CONSO.STT) === 'PF' && row.field(CONSO.ISPREF) === 'Y';
}

function sameAsTarget(row: RrfFields): string | undefined {
  const target = SAME_AS.get(row.field(CONSO.SAB));
  if (target === undefined) return undefined;
  const code = row.field(CONSO.CODE);
  return target.code.test(code) ? detach(`${target.system}:${code}`) : undefined;
}

function sameAsCounts(relations: readonly PackRelation[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { to } of relations) {
    const key = `sameAs:${to.slice(0, to.indexOf(':'))}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Releases unpack to `<release>/META/MRCONSO.RRF`, the release named like 2024AA; MRCONSO itself names none. */
function editionOf(file: string): string {
  for (const segment of pathSegments(file)) {
    const match = /(?:^|[^0-9A-Za-z])(\d{4}A[AB])(?![0-9A-Za-z])/.exec(segment);
    if (match !== null) return `UMLS ${match[1]}`;
  }
  return 'UMLS (user-supplied)';
}

interface Draft {
  cui: string;
  /** From the preferred atom; until one is seen, the first string stands in. */
  name: string | undefined;
  strings: string[];
  targets: Set<string>;
  /** Where the concept already sits in the output, when an out-of-order row reopens it. */
  position: number | undefined;
}

/** Builds one concept per CUI from its rows, finishing each when the next CUI starts. */
class ConceptCollector {
  readonly #concepts: PackConcept[] = [];
  readonly #relations: PackRelation[] = [];
  /** CUIs named by a stand-in, so a preferred atom arriving later (unsorted file) still names them. */
  readonly #fallbackNamed = new Set<string>();
  #draft: Draft | undefined;
  #highest = '';
  #conceptIndex: Map<string, number> | undefined;
  #relationKeys: Set<string> | undefined;

  add(cui: string, str: string, preferred: boolean, target: string | undefined): void {
    if (this.#draft?.cui !== cui) {
      this.#flush();
      this.#draft = this.#open(cui);
    }
    const draft = this.#draft;
    if (str !== '') {
      if (preferred && draft.name === undefined) draft.name = str;
      else draft.strings.push(str);
    }
    if (target !== undefined) draft.targets.add(target);
  }

  finish(): { concepts: PackConcept[]; relations: PackRelation[]; fallbackNamed: number } {
    this.#flush();
    return { concepts: this.#concepts, relations: this.#relations, fallbackNamed: this.#fallbackNamed.size };
  }

  #open(cui: string): Draft {
    const draft: Draft = { cui: detach(cui), name: undefined, strings: [], targets: new Set(), position: undefined };
    // CUIs rise through a sorted MRCONSO, so one above every CUI so far cannot have been seen.
    if (cui > this.#highest) return draft;
    const position = this.#conceptPositions().get(cui);
    if (position === undefined) return draft;
    const concept = this.#concepts[position];
    const known = concept.synonyms ?? [];
    if (this.#fallbackNamed.has(cui)) {
      draft.strings.push(concept.name, ...known);
    } else {
      draft.name = concept.name;
      draft.strings.push(...known);
    }
    draft.position = position;
    return draft;
  }

  #flush(): void {
    const draft = this.#draft;
    if (draft === undefined) return;
    this.#draft = undefined;
    if (draft.cui > this.#highest) this.#highest = draft.cui;
    const name = draft.name ?? draft.strings[0];
    if (name === undefined) return;
    if (draft.name === undefined) this.#fallbackNamed.add(draft.cui);
    else this.#fallbackNamed.delete(draft.cui);
    this.#relate(draft, this.#store(draft, name).id);
  }

  #store(draft: Draft, name: string): PackConcept {
    const concept: PackConcept = { id: `umls:${draft.cui}`, system: 'umls', code: draft.cui, name: detach(name), kind: 'other' };
    const synonyms = distinctNames(name, draft.strings, SYNONYM_CAP);
    if (synonyms.length > 0) concept.synonyms = synonyms;
    if (draft.position !== undefined) {
      this.#concepts[draft.position] = concept;
    } else {
      this.#conceptIndex?.set(draft.cui, this.#concepts.length);
      this.#concepts.push(concept);
    }
    return concept;
  }

  #relate(draft: Draft, from: string): void {
    for (const to of draft.targets) {
      // Within a draft the Set dedupes; across reopened drafts the global keys (built when needed) do.
      const key = `${from}\t${to}`;
      if (this.#relationKeys?.has(key) === true) continue;
      this.#relationKeys?.add(key);
      this.#relations.push({ from, to, type: 'same-as' });
    }
  }

  /** Built on the first out-of-order CUI, with the relation keys, and kept up to date from then on. */
  #conceptPositions(): Map<string, number> {
    if (this.#conceptIndex === undefined) {
      this.#conceptIndex = new Map(this.#concepts.map((concept, position) => [concept.code, position]));
      this.#relationKeys = new Set(this.#relations.map(({ from, to }) => `${from}\t${to}`));
    }
    return this.#conceptIndex;
  }
}
