/**
 * Writers for small files in the documented release formats (RRF, RF2, Loinc.csv). Nothing licensed is committed:
 * tests build their fixtures here, in a temporary folder removed after the test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterThisTest } from '../../support/afterThisTest.js';

/** A fresh temporary folder, removed when the test ends. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-importers-'));
  afterThisTest(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `lines` to `dir/relative` (creating folders), each ended by `eol`; returns the path. */
export function writeLines(dir: string, relative: string, lines: readonly string[], eol = '\n'): string {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, lines.map((line) => `${line}${eol}`).join(''));
  return file;
}

/** An RRF line: every field, the last included, followed by '|'. */
export function rrf(fields: readonly string[]): string {
  return fields.map((field) => `${field}|`).join('');
}

export interface AtomFixture {
  cui: string;
  str: string;
  sab?: string;
  tty?: string;
  code?: string;
  lat?: string;
  ts?: string;
  stt?: string;
  ispref?: string;
  suppress?: string;
}

/** An RXNCONSO.RRF / MRCONSO.RRF row (same 18 columns): CUI|LAT|TS|LUI|STT|SUI|ISPREF|AUI|SAUI|SCUI|SDUI|SAB|TTY|CODE|STR|SRL|SUPPRESS|CVF */
export function consoRow(atom: AtomFixture): string {
  const { cui, str, sab = 'RXNORM', tty = 'IN', code = cui, lat = 'ENG', ts = '', stt = '', ispref = '', suppress = 'N' } = atom;
  return rrf([cui, lat, ts, '', stt, '', ispref, `A${cui}${tty}`, '', '', '', sab, tty, code, str, '', suppress, '4096']);
}

/**
 * An RXNREL.RRF row: RXCUI1|RXAUI1|STYPE1|REL|RXCUI2|RXAUI2|STYPE2|RELA|RUI|SRUI|SAB|SL|DIR|RG|SUPPRESS|CVF.
 * It reads "rxcui2 <rela> rxcui1".
 */
export function relRow(rxcui1: string, rela: string, rxcui2: string, options: { sab?: string; suppress?: string } = {}): string {
  const { sab = 'RXNORM', suppress = 'N' } = options;
  return rrf([rxcui1, '', 'CUI', 'RO', rxcui2, '', 'CUI', rela, `R${rxcui1}${rela}${rxcui2}`, '', sab, sab, '', '', suppress, '4096']);
}

export const RF2_CONCEPT_HEADER = ['id', 'effectiveTime', 'active', 'moduleId', 'definitionStatusId'];
export const RF2_DESCRIPTION_HEADER = ['id', 'effectiveTime', 'active', 'moduleId', 'conceptId', 'languageCode', 'typeId', 'term', 'caseSignificanceId'];
export const RF2_RELATIONSHIP_HEADER = [
  'id', 'effectiveTime', 'active', 'moduleId', 'sourceId', 'destinationId', 'relationshipGroup', 'typeId', 'characteristicTypeId', 'modifierId',
];

export const CORE_MODULE = '900000000000207008';
export const PRIMITIVE = '900000000000074008';
export const FSN = '900000000000003001';
export const SYNONYM = '900000000000013009';
export const CASE_INSENSITIVE = '900000000000448009';
export const IS_A = '116680003';
export const FINDING_SITE = '363698007';
export const INFERRED = '900000000000011006';
export const EXISTENTIAL = '900000000000451002';

/** Writes an RF2 file the way releases do: tab-separated, header row, CRLF line ends. */
export function writeRf2(dir: string, name: string, header: readonly string[], rows: readonly (readonly string[])[]): string {
  return writeLines(dir, name, [header, ...rows].map((row) => row.join('\t')), '\r\n');
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/** A short-format SCTID: item identifier, partition ('00' concept, '01' description, '02' relationship), Verhoeff check digit. */
export function sctid(item: number, partition: '00' | '01' | '02'): string {
  const payload = `${item}${partition}`;
  let check = 0;
  for (let i = 0; i < payload.length; i += 1) {
    check = VERHOEFF_D[check][VERHOEFF_P[(i + 1) % 8][Number(payload[payload.length - 1 - i])]];
  }
  return `${payload}${VERHOEFF_INV[check]}`;
}

/** A Loinc.csv line: every field double-quoted, embedded quotes doubled (as the release writes it). */
export function csvLine(fields: readonly string[]): string {
  return fields.map((field) => `"${field.replaceAll('"', '""')}"`).join(',');
}
