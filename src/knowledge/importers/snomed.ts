/**
 * SNOMED CT importer: the RF2 Snapshot Concept, Description and (optionally) Relationship files of the user's own
 * edition, mapped to `snomed:<SCTID>` concepts named by their fully specified name (semantic tag removed, kept as
 * `attrs.semanticTag`, which also sets the kind) with English synonyms, and is-a relations.
 */
import path from 'node:path';
import type { ConceptKind, PackConcept, PackRelation } from '../packs/packTypes.js';
import { emptyBody, SourceFormatError } from '../packs/packTypes.js';
import type { ImportOptions, ImportResult, LicensedImporter } from './index.js';
import type { ReadLinesOptions } from './readLines.js';
import { assignFiles, detach, distinctNames, LineProgress, oneFile, readLines } from './readLines.js';

const FSN_TYPE = '900000000000003001';
const SYNONYM_TYPE = '900000000000013009';
const IS_A_TYPE = '116680003';

/** RF2 column names, as each Snapshot file's header row lists them. */
const CONCEPT_COLUMNS = ['id', 'effectiveTime', 'active', 'moduleId', 'definitionStatusId'] as const;
const DESCRIPTION_COLUMNS = [
  'id', 'effectiveTime', 'active', 'moduleId', 'conceptId', 'languageCode', 'typeId', 'term', 'caseSignificanceId',
] as const;
const RELATIONSHIP_COLUMNS = [
  'id', 'effectiveTime', 'active', 'moduleId', 'sourceId', 'destinationId', 'relationshipGroup', 'typeId', 'characteristicTypeId', 'modifierId',
] as const;

/** The semantic tag (the FSN's trailing parenthesis) names the top-level hierarchy, which decides the kind. */
const KIND_BY_TAG: ReadonlyMap<string, ConceptKind> = new Map(Object.entries({
  disorder: 'condition',
  finding: 'symptom',
  procedure: 'procedure',
  'regime/therapy': 'procedure',
  substance: 'drug',
  product: 'drug',
  'medicinal product': 'drug',
  'medicinal product form': 'drug',
  'clinical drug': 'product',
  'body structure': 'anatomy',
  'observable entity': 'test',
} satisfies Record<string, ConceptKind>));

/** SCTID partition (second-last digit before the check digit): 0 concept, 1 description, 2 relationship. */
type Partition = 'concept' | 'description' | 'relationship';
const PARTITION_DIGIT: Record<Partition, string> = { concept: '0', description: '1', relationship: '2' };

type Role = 'concept' | 'description' | 'relationship';

interface Draft {
  /** `snomed:<SCTID>`, shared by the concept and its relations. */
  id: string;
  fsn: string | undefined;
  synonyms: string[];
}

export const snomed: LicensedImporter = {
  id: 'snomed',
  name: 'SNOMED CT',
  licence: "SNOMED CT Affiliate Licence (user's own)",
  files: 'sct2_Concept_Snapshot_*.txt sct2_Description_Snapshot-en_*.txt [sct2_Relationship_Snapshot_*.txt]',
  importFiles,
};

async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const { files, ignored } = assignFiles<Role>(paths, roleOf, 'RF2 Snapshot sct2_Concept_, sct2_Description_ and sct2_Relationship_ files');
  const conceptFile = oneFile(files.get('concept'), 'sct2_Concept_Snapshot', 'pass the Snapshot/Terminology/sct2_Concept_Snapshot file');
  // Several description files are fine: an edition may ship one per language.
  const descriptionFiles = files.get('description') ?? [];
  if (descriptionFiles.length === 0) {
    throw new SourceFormatError('sct2_Description_Snapshot', undefined, 'missing: pass the Snapshot/Terminology/sct2_Description_Snapshot file');
  }

  const progress = new LineProgress(options.onProgress);
  const read: ReadLinesOptions = { signal: options.signal, progress };
  const rows: Record<string, number> = { filesIgnored: ignored };
  const drafts = await readConceptFile(conceptFile, read, rows);
  for (const file of descriptionFiles) await readDescriptionFile(file, drafts, read, rows);
  const relations = new Map<string, PackRelation>();
  for (const file of files.get('relationship') ?? []) await readRelationshipFile(file, drafts, relations, read, rows);
  progress.finish();

  const body = emptyBody();
  body.concepts = toConcepts(drafts, rows);
  body.relations = [...relations.values()];
  Object.assign(rows, { concepts: body.concepts.length, names: 0, relations: body.relations.length });
  return { body, edition: editionOf(conceptFile), rows };
}

function roleOf(name: string): Role | 'ignored' | undefined {
  // Full and Delta files list every historical version of a row; only a Snapshot says what is current.
  if (/^sct2_.*_(Full|Delta)(?=[-_])/i.test(name)) {
    throw new SourceFormatError(name, undefined, 'a Full or Delta file; pass the Snapshot release files');
  }
  if (/^sct2_Concept_/i.test(name)) return 'concept';
  if (/^sct2_Description_/i.test(name)) return 'description';
  if (/^sct2_Relationship_/i.test(name)) return 'relationship';
  // Other RF2 files (stated relationships, text definitions, reference sets) carry nothing this pack uses.
  return /^(sct2|der2)_/i.test(name) ? 'ignored' : undefined;
}

/** `sct2_Concept_Snapshot_INT_20240101.txt` → "INT 20240101"; `…_US1000124_20240301.txt` → "US1000124 20240301". */
function editionOf(conceptFile: string): string {
  const match = /_([A-Za-z0-9]+)_(\d{8})\.txt$/i.exec(path.basename(conceptFile));
  return match === null ? 'SNOMED CT (user-supplied)' : `${match[1]} ${match[2]}`;
}

async function readConceptFile(file: string, read: ReadLinesOptions, rows: Record<string, number>): Promise<Map<string, Draft>> {
  const drafts = new Map<string, Draft>();
  let inactive = 0;
  for await (const { row, line, name } of readRf2(file, CONCEPT_COLUMNS, read)) {
    checkSctid(row.id, 'concept', 'id', name, line);
    if (row.active !== '1') {
      inactive += 1;
      continue;
    }
    const sctid = detach(row.id);
    drafts.set(sctid, { id: `snomed:${sctid}`, fsn: undefined, synonyms: [] });
  }
  rows.conceptsInactive = inactive;
  return drafts;
}

async function readDescriptionFile(file: string, drafts: Map<string, Draft>, read: ReadLinesOptions, rows: Record<string, number>): Promise<void> {
  let kept = 0;
  for await (const { row, line, name } of readRf2(file, DESCRIPTION_COLUMNS, read)) {
    checkSctid(row.id, 'description', 'id', name, line);
    checkSctid(row.conceptId, 'concept', 'conceptId', name, line);
    checkSctid(row.typeId, 'concept', 'typeId', name, line);
    const draft = drafts.get(row.conceptId);
    if (row.active !== '1' || row.languageCode !== 'en' || draft === undefined) continue;
    if (row.typeId === FSN_TYPE) draft.fsn ??= detach(row.term);
    else if (row.typeId === SYNONYM_TYPE) draft.synonyms.push(detach(row.term));
    else continue;
    kept += 1;
  }
  rows.descriptionsKept = (rows.descriptionsKept ?? 0) + kept;
}

async function readRelationshipFile(
  file: string,
  drafts: ReadonlyMap<string, Draft>,
  relations: Map<string, PackRelation>,
  read: ReadLinesOptions,
  rows: Record<string, number>,
): Promise<void> {
  let skippedEnds = 0;
  for await (const { row, line, name } of readRf2(file, RELATIONSHIP_COLUMNS, read)) {
    checkSctid(row.id, 'relationship', 'id', name, line);
    checkSctid(row.sourceId, 'concept', 'sourceId', name, line);
    checkSctid(row.destinationId, 'concept', 'destinationId', name, line);
    checkSctid(row.typeId, 'concept', 'typeId', name, line);
    if (row.active !== '1' || row.typeId !== IS_A_TYPE) continue;
    const source = drafts.get(row.sourceId);
    const destination = drafts.get(row.destinationId);
    if (source === undefined || destination === undefined) {
      skippedEnds += 1;
      continue;
    }
    const key = `${source.id}\t${destination.id}`;
    if (!relations.has(key)) relations.set(key, { from: source.id, to: destination.id, type: 'is-a' });
  }
  rows.relationshipsSkippedEnds = (rows.relationshipsSkippedEnds ?? 0) + skippedEnds;
}

function toConcepts(drafts: ReadonlyMap<string, Draft>, rows: Record<string, number>): PackConcept[] {
  const concepts: PackConcept[] = [];
  let unnamed = 0;
  for (const [sctid, draft] of drafts) {
    const concept = toConcept(sctid, draft);
    if (concept === undefined) unnamed += 1;
    else concepts.push(concept);
  }
  rows.conceptsWithoutName = unnamed;
  return concepts;
}

function toConcept(sctid: string, draft: Draft): PackConcept | undefined {
  const { term, tag } = splitSemanticTag(draft.fsn);
  // Every concept has an FSN in a complete edition; a partial one may not, and then a synonym names it.
  const name = term ?? draft.synonyms.find((synonym) => synonym.trim() !== '')?.trim();
  if (name === undefined) return undefined;
  const kind = (tag === undefined ? undefined : KIND_BY_TAG.get(tag)) ?? 'other';
  const concept: PackConcept = { id: draft.id, system: 'snomed', code: sctid, name: detach(name), kind };
  if (tag !== undefined) concept.attrs = { semanticTag: detach(tag) };
  const synonyms = distinctNames(name, draft.synonyms);
  if (synonyms.length > 0) concept.synonyms = synonyms;
  return concept;
}

/** "Myocardial infarction (disorder)" → term "Myocardial infarction", tag "disorder". */
function splitSemanticTag(fsn: string | undefined): { term: string | undefined; tag: string | undefined } {
  if (fsn === undefined || fsn.trim() === '') return { term: undefined, tag: undefined };
  const match = /^(.*\S)\s*\(([^()]+)\)\s*$/.exec(fsn);
  return match === null ? { term: fsn.trim(), tag: undefined } : { term: match[1], tag: match[2] };
}

/** Rows of one RF2 file keyed by column name, after checking the header, the field count and `active`. */
async function* readRf2<Column extends string>(
  file: string,
  columns: readonly Column[],
  read: ReadLinesOptions,
): AsyncGenerator<{ row: Record<Column, string>; line: number; name: string }> {
  const name = path.basename(file);
  let header: string[] | undefined;
  let at: number[] = [];
  let activeAt = 0;
  let effectiveTimeAt = 0;
  for await (const { text, number } of readLines(file, read)) {
    if (header === undefined) {
      header = text.split('\t');
      at = columnIndices(header, columns, name);
      activeAt = header.indexOf('active');
      effectiveTimeAt = header.indexOf('effectiveTime');
      continue;
    }
    if (text === '') continue;
    const fields = text.split('\t');
    if (fields.length !== header.length) {
      throw new SourceFormatError(name, number, `expected ${header.length} tab-separated fields, found ${fields.length}`);
    }
    checkRowBasics(fields[activeAt], fields[effectiveTimeAt], name, number);
    const row = Object.fromEntries(columns.map((column, i) => [column, fields[at[i]]])) as Record<Column, string>;
    yield { row, line: number, name };
  }
  if (header === undefined) throw new SourceFormatError(name, undefined, 'file is empty; expected an RF2 header row');
}

/** Where each wanted column sits; every RF2 file has `active` and `effectiveTime`, so they are required too. */
function columnIndices(header: readonly string[], columns: readonly string[], name: string): number[] {
  for (const column of ['effectiveTime', 'active', ...columns]) {
    if (!header.includes(column)) {
      throw new SourceFormatError(name, 1, `missing column '${column}' in the header (expected ${columns.join(', ')})`);
    }
  }
  return columns.map((column) => header.indexOf(column));
}

function checkRowBasics(active: string, effectiveTime: string, name: string, line: number): void {
  if (active !== '0' && active !== '1') throw new SourceFormatError(name, line, `active must be 0 or 1, found '${active}'`);
  if (!/^\d{8}$/.test(effectiveTime)) throw new SourceFormatError(name, line, `effectiveTime must be YYYYMMDD, found '${effectiveTime}'`);
}

function checkSctid(value: string, partition: Partition, column: string, name: string, line: number): void {
  const problem = sctidProblem(value, partition);
  if (problem !== undefined) throw new SourceFormatError(name, line, `${column} '${value}' ${problem}`);
}

/** Why a string is not a valid SCTID of the given partition, or undefined if it is. */
export function sctidProblem(value: string, partition: Partition): string | undefined {
  if (!/^[1-9]\d{5,17}$/.test(value)) return 'is not an SCTID (6–18 digits, no leading zero)';
  if (value[value.length - 2] !== PARTITION_DIGIT[partition] || !'01'.includes(value[value.length - 3])) {
    return `is not a ${partition} SCTID (partition identifier ${value.slice(-3, -1)})`;
  }
  return verhoeffValid(value) ? undefined : 'fails the Verhoeff check digit';
}

/** Verhoeff dihedral-group tables, as the SNOMED CT identifier guide specifies the check digit. */
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/** True when a digit string (check digit last) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  let check = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    check = VERHOEFF_D[check][VERHOEFF_P[i % 8][digit]];
  }
  return check === 0;
}
