/**
 * RxNorm importer: RXNCONSO.RRF (names) and, optionally, RXNREL.RRF (relationships) from the user's own RxNorm
 * release, mapped to `rxnorm:<RXCUI>` concepts and brand-of / salt-of / component-of / is-a relations.
 * Only NLM's own normalized names are kept (SAB=RXNORM, English, not suppressed).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ConceptKind, PackConcept, PackRelation, RelationType } from '../packs/packTypes.js';
import { emptyBody, SourceFormatError } from '../packs/packTypes.js';
import type { ImportOptions, ImportResult, LicensedImporter } from './index.js';
import type { ReadLinesOptions } from './readLines.js';
import { assignFiles, atMostOneFile, detach, distinctNames, LineProgress, oneFile, pathSegments, readLines, RrfFields } from './readLines.js';

/** RXNCONSO.RRF: RXCUI|LAT|TS|LUI|STT|SUI|ISPREF|RXAUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF| */
const CONSO_FIELDS = 18;
const CONSO = { RXCUI: 0, LAT: 1, SAB: 11, TTY: 12, STR: 14, SUPPRESS: 16 } as const;

/** RXNREL.RRF: RXCUI1|RXAUI1|STYPE1|REL|RXCUI2|RXAUI2|STYPE2|RELA|RUI|SRUI|SAB|SL|DIR|RG|SUPPRESS|CVF| */
const REL_FIELDS = 16;
const REL = { RXCUI1: 0, RXCUI2: 4, RELA: 7, SAB: 10, SUPPRESS: 14 } as const;

/** SUPPRESS values that mean obsolete (O), suppressed by the source (Y) or by the editors (E). */
const SUPPRESSED = new Set(['O', 'Y', 'E']);

/** Term types in the order their string is preferred as the concept's name; the name's TTY sets the kind. */
const NAME_TTYS = [
  'IN', 'PIN', 'MIN', 'BN', 'SCD', 'SBD', 'GPCK', 'BPCK', 'SCDC', 'SBDC', 'SCDF', 'SBDF', 'SCDFP', 'SBDFP',
  'SCDG', 'SBDG', 'SCDGP', 'DF', 'DFG', 'PSN', 'SY', 'TMSY', 'ET',
];
const NAME_RANK = new Map(NAME_TTYS.map((tty, rank) => [tty, rank]));
const DRUG_TTYS = new Set(['IN', 'PIN', 'MIN']);
const PRODUCT_TTYS = new Set([
  'BN', 'SCD', 'SBD', 'GPCK', 'BPCK', 'SCDC', 'SBDC', 'SCDF', 'SBDF', 'SCDFP', 'SBDFP', 'SCDG', 'SBDG', 'SCDGP',
]);

/**
 * An RXNREL row reads "RXCUI2 <RELA> RXCUI1" (REL/RELA are the relationship the SECOND concept has TO the FIRST;
 * RxNorm Technical Documentation, RXNREL.RRF). So `tradename_of` with RXCUI1 = atorvastatin (IN) and
 * RXCUI2 = Lipitor (BN) says "Lipitor tradename_of atorvastatin", and the edge runs from RXCUI2 to RXCUI1.
 * Each RELA's inverse row (has_tradename…) gives the same edge from RXCUI1 to RXCUI2; duplicates collapse.
 */
const RELATIONS: ReadonlyMap<string, { type: RelationType; from: 'RXCUI1' | 'RXCUI2' }> = new Map(Object.entries({
  tradename_of: { type: 'brand-of', from: 'RXCUI2' },
  has_tradename: { type: 'brand-of', from: 'RXCUI1' },
  form_of: { type: 'salt-of', from: 'RXCUI2' },
  has_form: { type: 'salt-of', from: 'RXCUI1' },
  ingredient_of: { type: 'component-of', from: 'RXCUI2' },
  has_ingredient: { type: 'component-of', from: 'RXCUI1' },
  precise_ingredient_of: { type: 'component-of', from: 'RXCUI2' },
  has_precise_ingredient: { type: 'component-of', from: 'RXCUI1' },
  isa: { type: 'is-a', from: 'RXCUI2' },
  inverse_isa: { type: 'is-a', from: 'RXCUI1' },
} as const));

type Role = 'conso' | 'rel';

interface Draft {
  name: string;
  tty: string;
  rank: number;
  strings: string[];
}

export const rxnorm: LicensedImporter = {
  id: 'rxnorm',
  name: 'RxNorm',
  licence: "UMLS Metathesaurus License (user's own)",
  files: 'RXNCONSO.RRF [RXNREL.RRF]',
  importFiles,
};

async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const { files, ignored } = assignFiles<Role>(paths, roleOf, 'RXNCONSO.RRF and optionally RXNREL.RRF');
  const conso = oneFile(files.get('conso'), 'RXNCONSO.RRF', "pass RXNCONSO.RRF from the RxNorm release's rrf folder");
  const rel = atMostOneFile(files.get('rel'), 'RXNREL.RRF');
  const progress = new LineProgress(options.onProgress);
  const read: ReadLinesOptions = { signal: options.signal, progress };
  const rows: Record<string, number> = { filesIgnored: ignored };

  const concepts = await readConcepts(conso, read, rows);
  const ids = new Map(concepts.map((concept) => [concept.code, concept.id]));
  const relations = rel === undefined ? [] : await readRelations(rel, ids, read, rows);
  progress.finish();

  const body = emptyBody();
  body.concepts = concepts;
  body.relations = relations;
  Object.assign(rows, { concepts: concepts.length, names: 0, relations: relations.length });
  return { body, edition: await editionOf(conso), rows };
}

function roleOf(name: string): Role | 'ignored' | undefined {
  const upper = name.toUpperCase();
  if (upper === 'RXNCONSO.RRF') return 'conso';
  if (upper === 'RXNREL.RRF') return 'rel';
  // Other files of an RxNorm release (RXNSAT, RXNSAB, RXNDOC…) carry nothing this pack uses.
  return /^RXN[A-Z]*\.RRF$/.test(upper) ? 'ignored' : undefined;
}

async function readConcepts(file: string, read: ReadLinesOptions, rows: Record<string, number>): Promise<PackConcept[]> {
  const name = path.basename(file);
  const drafts = new Map<string, Draft>();
  const row = new RrfFields(name, CONSO_FIELDS);
  let atoms = 0;
  let kept = 0;
  for await (const { text, number } of readLines(file, read)) {
    if (text === '') continue;
    atoms += 1;
    row.parse(text, number);
    const rxcui = row.field(CONSO.RXCUI);
    if (!/^\d+$/.test(rxcui)) throw new SourceFormatError(name, number, `RXCUI '${rxcui}' is not a number`);
    const current = row.field(CONSO.SAB) === 'RXNORM' && row.field(CONSO.LAT) === 'ENG' && !SUPPRESSED.has(row.field(CONSO.SUPPRESS));
    if (!current) continue;
    kept += 1;
    addAtom(drafts, rxcui, row.field(CONSO.TTY), row.field(CONSO.STR).trim());
  }
  rows.atomsRead = atoms;
  rows.atomsKept = kept;
  if (drafts.size === 0) throw new SourceFormatError(name, undefined, 'no current English RXNORM names (SAB=RXNORM) found');
  return [...drafts].map(([rxcui, draft]) => toConcept(rxcui, draft));
}

function addAtom(drafts: Map<string, Draft>, rxcui: string, tty: string, str: string): void {
  if (str === '') return;
  const rank = NAME_RANK.get(tty) ?? NAME_TTYS.length;
  const draft = drafts.get(rxcui);
  if (draft === undefined) {
    drafts.set(detach(rxcui), { name: detach(str), tty: detach(tty), rank, strings: [] });
  } else if (rank < draft.rank) {
    draft.strings.push(draft.name);
    draft.name = detach(str);
    draft.tty = detach(tty);
    draft.rank = rank;
  } else {
    draft.strings.push(detach(str));
  }
}

function toConcept(rxcui: string, draft: Draft): PackConcept {
  const { name, tty } = draft;
  const concept: PackConcept = { id: `rxnorm:${rxcui}`, system: 'rxnorm', code: rxcui, name, kind: kindOf(tty), attrs: { tty } };
  const synonyms = distinctNames(name, draft.strings);
  if (synonyms.length > 0) concept.synonyms = synonyms;
  return concept;
}

function kindOf(tty: string): ConceptKind {
  if (DRUG_TTYS.has(tty)) return 'drug';
  return PRODUCT_TTYS.has(tty) ? 'product' : 'other';
}

async function readRelations(
  file: string,
  /** RXCUI → concept id: relations reuse the concepts' id strings rather than holding copies. */
  known: ReadonlyMap<string, string>,
  read: ReadLinesOptions,
  rows: Record<string, number>,
): Promise<PackRelation[]> {
  const name = path.basename(file);
  const relations = new Map<string, PackRelation>();
  const row = new RrfFields(name, REL_FIELDS);
  let rowsRead = 0;
  let skippedEnds = 0;
  for await (const { text, number } of readLines(file, read)) {
    if (text === '') continue;
    rowsRead += 1;
    row.parse(text, number);
    const mapping = RELATIONS.get(row.field(REL.RELA));
    if (mapping === undefined || row.field(REL.SAB) !== 'RXNORM' || SUPPRESSED.has(row.field(REL.SUPPRESS))) continue;
    // Ends dropped from RXNCONSO (suppressed, other sources) or outside RxNorm (UMLS CUIs on SY rows) are skipped.
    const first = known.get(row.field(REL.RXCUI1));
    const second = known.get(row.field(REL.RXCUI2));
    if (first === undefined || second === undefined) {
      skippedEnds += 1;
      continue;
    }
    const [from, to] = mapping.from === 'RXCUI2' ? [second, first] : [first, second];
    const key = `${from}\t${mapping.type}\t${to}`;
    if (!relations.has(key)) relations.set(key, { from, to, type: mapping.type });
  }
  rows.relationshipRowsRead = rowsRead;
  rows.relationshipsSkippedEnds = skippedEnds;
  return [...relations.values()];
}

/**
 * RxNorm releases unpack to `RxNorm_full_MMDDYYYY/rrf/RXNCONSO.RRF` with `Readme_full_MMDDYYYY.txt` at the top;
 * the date is taken from those names when present (the RRF files themselves carry none).
 */
async function editionOf(conso: string): Promise<string> {
  const folder = path.dirname(path.resolve(conso));
  // The parent is listed only in the release layout (…/rrf/), never an arbitrary folder such as /tmp.
  const parent = path.basename(folder).toLowerCase() === 'rrf' ? await listNames(path.dirname(folder)) : [];
  const names = [...pathSegments(conso), ...(await listNames(folder)), ...parent];
  for (const name of names) {
    const match = /(?:RxNorm|Readme)_(full|weekly|prescribe)_(\d{2})(\d{2})(\d{4})/i.exec(name);
    if (match !== null) return `RxNorm ${match[1].toLowerCase()} ${match[4]}-${match[2]}-${match[3]}`;
  }
  return 'RxNorm (user-supplied)';
}

async function listNames(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch {
    return [];
  }
}
