/**
 * LOINC importer: `Loinc.csv` from the user's own LOINC release, mapped to `loinc:<LOINC_NUM>` test concepts named
 * by LONG_COMMON_NAME. Only ACTIVE terms are kept; TRIAL, DISCOURAGED and DEPRECATED ones are counted.
 * The file is RFC 4180 CSV whose quoted fields may span lines; `csv-parse` is not a dependency, so a small
 * record parser lives here.
 */
import path from 'node:path';
import type { PackConcept } from '../packs/packTypes.js';
import { emptyBody, SourceFormatError } from '../packs/packTypes.js';
import type { ImportOptions, ImportResult, LicensedImporter } from './index.js';
import type { ReadLinesOptions } from './readLines.js';
import { assignFiles, detach, distinctNames, LineProgress, oneFile, readLines } from './readLines.js';

const REQUIRED_COLUMNS = [
  'LOINC_NUM', 'COMPONENT', 'PROPERTY', 'TIME_ASPCT', 'SYSTEM', 'SCALE_TYP', 'METHOD_TYP', 'CLASS', 'STATUS', 'LONG_COMMON_NAME', 'SHORTNAME',
] as const;
/** Absent from some releases: used when present. */
const OPTIONAL_COLUMNS = ['CONSUMER_NAME', 'DisplayName', 'RELATEDNAMES2', 'VersionLastChanged', 'VersionNumber'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
type Row = Record<(typeof REQUIRED_COLUMNS)[number], string> & Partial<Record<(typeof OPTIONAL_COLUMNS)[number], string>>;

/** STATUS values (LOINC Users' Guide), as the row counts name them; only ACTIVE terms become concepts. */
const STATUSES: ReadonlyMap<string, string> = new Map([
  ['ACTIVE', 'active'], ['TRIAL', 'trial'], ['DISCOURAGED', 'discouraged'], ['DEPRECATED', 'deprecated'],
]);
/** RELATEDNAMES2 lists search keywords, dozens per term: keep a bounded, distinct set. */
const RELATED_NAMES_CAP = 50;
/** A quoted field longer than this many lines is an unterminated quote, not data. */
const MAX_RECORD_LINES = 1_000;

export const loinc: LicensedImporter = {
  id: 'loinc',
  name: 'LOINC',
  licence: "LOINC licence (user's own)",
  files: 'Loinc.csv',
  importFiles,
};

async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportResult> {
  const file = pickFile(paths);
  const progress = new LineProgress(options.onProgress);
  const rows: Record<string, number> = { filesIgnored: paths.length - 1, termsRead: 0 };
  const concepts: PackConcept[] = [];
  let version: string | undefined;
  for await (const { row, line } of readLoincRows(file, { signal: options.signal, progress })) {
    rows.termsRead += 1;
    checkLoincNum(row.LOINC_NUM, path.basename(file), line);
    version = laterVersion(version, row.VersionLastChanged || row.VersionNumber);
    const status = STATUSES.get(row.STATUS.trim()) ?? 'otherStatus';
    rows[status] = (rows[status] ?? 0) + 1;
    if (status === 'active') concepts.push(toConcept(row));
  }
  progress.finish();
  if (rows.termsRead === 0) throw new SourceFormatError(path.basename(file), undefined, 'no LOINC terms found');

  const body = emptyBody();
  body.concepts = concepts;
  Object.assign(rows, { concepts: concepts.length, names: 0, relations: 0 });
  return { body, edition: version === undefined ? 'LOINC (user-supplied)' : `LOINC ${version}`, rows };
}

/** One file of any name is taken as Loinc.csv; among several (a release folder's CSVs) the one named Loinc.csv. */
function pickFile(paths: readonly string[]): string {
  if (paths.length === 1) return paths[0];
  const roleOf = (name: string): 'table' | 'ignored' | undefined => {
    if (name.toLowerCase() === 'loinc.csv') return 'table';
    return name.toLowerCase().endsWith('.csv') ? 'ignored' : undefined;
  };
  const { files } = assignFiles(paths, roleOf, 'Loinc.csv');
  return oneFile(files.get('table'), 'Loinc.csv', "pass Loinc.csv from the LOINC release's LoincTable folder");
}

function toConcept(row: Row): PackConcept {
  const name = row.LONG_COMMON_NAME.trim() || row.SHORTNAME.trim() || row.COMPONENT.trim();
  const attrs: Record<string, string | string[]> = {};
  const axes: [string, string][] = [
    ['component', row.COMPONENT], ['property', row.PROPERTY], ['timeAspect', row.TIME_ASPCT], ['system', row.SYSTEM],
    ['scale', row.SCALE_TYP], ['method', row.METHOD_TYP], ['class', row.CLASS],
  ];
  for (const [key, value] of axes) if (value.trim() !== '') attrs[key] = detach(value.trim());
  const related = distinctNames(name, (row.RELATEDNAMES2 ?? '').split(';'), RELATED_NAMES_CAP);
  if (related.length > 0) attrs.relatedNames = related;
  const code = detach(row.LOINC_NUM);
  const concept: PackConcept = { id: `loinc:${code}`, system: 'loinc', code, name: detach(name), kind: 'test', attrs };
  const synonyms = distinctNames(name, [row.SHORTNAME, row.CONSUMER_NAME ?? '', row.DisplayName ?? '']);
  if (synonyms.length > 0) concept.synonyms = synonyms;
  return concept;
}

function checkLoincNum(value: string, name: string, line: number): void {
  const match = /^(\d{1,7})-(\d)$/.exec(value);
  if (match === null) throw new SourceFormatError(name, line, `LOINC_NUM '${value}' is not <digits>-<check digit>`);
  const expected = loincCheckDigit(match[1]);
  if (Number(match[2]) !== expected) throw new SourceFormatError(name, line, `LOINC_NUM '${value}' has a bad check digit (expected ${expected})`);
}

/**
 * LOINC's mod 10 check digit (LOINC Users' Guide): double the digits in odd positions counting from the right,
 * add the digits of the results to the digits in even positions, and take what brings the sum to a multiple of 10.
 */
export function loincCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    const digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    const value = i % 2 === 0 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return (10 - (sum % 10)) % 10;
}

/** The later of two LOINC versions ("2.77" > "2.9"), comparing dot-separated parts as numbers. */
function laterVersion(current: string | undefined, candidate: string | undefined): string | undefined {
  const next = candidate?.trim();
  if (next === undefined || !/^\d+(\.\d+)*$/.test(next)) return current;
  if (current === undefined) return next;
  const a = current.split('.').map(Number);
  const b = next.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const difference = (b[i] ?? 0) - (a[i] ?? 0);
    if (difference !== 0) return difference > 0 ? next : current;
  }
  return current;
}

/** Loinc.csv rows keyed by column (optional columns absent from the header are undefined), with their first line. */
async function* readLoincRows(file: string, read: ReadLinesOptions): AsyncGenerator<{ row: Row; line: number }> {
  const name = path.basename(file);
  let header: string[] | undefined;
  for await (const { fields, line } of readCsvRecords(file, read)) {
    if (header === undefined) {
      header = fields;
      checkHeader(header, name);
      continue;
    }
    if (fields.length !== header.length) {
      throw new SourceFormatError(name, line, `expected ${header.length} comma-separated fields, found ${fields.length}`);
    }
    const row: Partial<Record<Column, string>> = {};
    header.forEach((column, i) => {
      if (isColumn(column)) row[column] = fields[i];
    });
    // checkHeader has made sure every required column is present.
    yield { row: row as Row, line };
  }
  if (header === undefined) throw new SourceFormatError(name, undefined, 'file is empty; expected the Loinc.csv header row');
}

function checkHeader(header: readonly string[], name: string): void {
  for (const column of REQUIRED_COLUMNS) {
    if (!header.includes(column)) throw new SourceFormatError(name, 1, `missing column '${column}' in the header; is this Loinc.csv?`);
  }
}

const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS]);
function isColumn(column: string): column is Column {
  return KNOWN_COLUMNS.has(column);
}

/** CSV records, joining physical lines while a quoted field is open; `line` is where the record starts. */
async function* readCsvRecords(file: string, read: ReadLinesOptions): AsyncGenerator<{ fields: string[]; line: number }> {
  const name = path.basename(file);
  let pending: string | undefined;
  let start = 0;
  for await (const { text, number } of readLines(file, read)) {
    if (pending === undefined) start = number;
    const record = pending === undefined ? text : `${pending}\n${text}`;
    const parsed = parseCsvRecord(record);
    if (parsed.kind === 'open') {
      if (number - start >= MAX_RECORD_LINES) throw new SourceFormatError(name, start, 'unterminated quoted field');
      pending = record;
      continue;
    }
    pending = undefined;
    if (parsed.kind === 'problem') throw new SourceFormatError(name, start, parsed.problem);
    if (record !== '') yield { fields: parsed.fields, line: start };
  }
  if (pending !== undefined) throw new SourceFormatError(name, start, 'unterminated quoted field at the end of the file');
}

type CsvParse = { kind: 'fields'; fields: string[] } | { kind: 'open' } | { kind: 'problem'; problem: string };

/** Parses one RFC 4180 record: comma-separated, optionally double-quoted fields with "" for a quote. */
export function parseCsvRecord(text: string): CsvParse {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) return { kind: 'open' };
        value += text.slice(from, quote);
        if (text[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
      fields.push(value);
    } else {
      const comma = text.indexOf(',', i);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) return { kind: 'problem', problem: `a '"' inside unquoted field ${fields.length + 1}` };
      fields.push(value);
      i = end;
    }
    if (i === text.length) return { kind: 'fields', fields };
    if (text[i] !== ',') return { kind: 'problem', problem: `expected ',' after the closing quote of field ${fields.length}` };
    i += 1;
  }
}
