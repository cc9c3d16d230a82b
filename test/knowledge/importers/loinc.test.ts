import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { loinc, loincCheckDigit, parseCsvRecord } from '../../../src/knowledge/importers/loinc.js';
import { SourceFormatError } from '../../../src/knowledge/packs/packTypes.js';
import { csvLine, tempDir, writeLines } from './fixtures.js';

const HEADER = [
  'LOINC_NUM', 'COMPONENT', 'PROPERTY', 'TIME_ASPCT', 'SYSTEM', 'SCALE_TYP', 'METHOD_TYP', 'CLASS', 'VersionLastChanged', 'STATUS',
  'CONSUMER_NAME', 'DefinitionDescription', 'RELATEDNAMES2', 'SHORTNAME', 'LONG_COMMON_NAME',
];

interface Term {
  num: string;
  component: string;
  system?: string;
  version?: string;
  status?: string;
  consumer?: string;
  definition?: string;
  related?: string;
  short?: string;
  long: string;
}

function termLine(term: Term): string {
  return csvLine([
    term.num, term.component, 'MCnc', 'Pt', term.system ?? 'Bld', 'Qn', '', 'CHEM', term.version ?? '2.73', term.status ?? 'ACTIVE',
    term.consumer ?? '', term.definition ?? '', term.related ?? '', term.short ?? '', term.long,
  ]);
}

const glucose = termLine({
  num: '2345-7', component: 'Glucose', system: 'Ser/Plas', version: '2.77', consumer: 'Glucose, Serum or Plasma',
  related: 'Gluc; Glucose; SerPl; Serum or plasma; gluc', short: 'Glucose SerPl-mCnc', long: 'Glucose [Mass/volume] in Serum or Plasma',
});
// Loinc.csv has quoted fields spanning lines (definitions): this record takes lines 3 and 4.
const hemoglobin = termLine({
  num: '718-7', component: 'Hemoglobin', definition: 'Measures "Hb".\nSee also 4548-4.', short: 'Hgb Bld-mCnc', long: 'Hemoglobin [Mass/volume] in Blood',
});
const deprecated = termLine({ num: '1-8', component: 'Acyclovir', version: '2.9', status: 'DEPRECATED', long: 'Acyclovir [Susceptibility]' });
const trial = termLine({ num: '99999-5', component: 'Trialin', status: 'TRIAL', long: 'Trialin [Mass/volume] in Blood' });

describe('LOINC importer', () => {
  test('the check digit follows the documented mod 10 scheme', () => {
    assert.deepEqual(['2345', '718', '1', '4548', '2160', '12345'].map(loincCheckDigit), [7, 7, 8, 4, 0, 5]);
  });

  test('parses RFC 4180 records: quotes, doubled quotes, embedded commas, empty fields', () => {
    assert.deepEqual(parseCsvRecord('a,"b,c","d""e",,"x\ny"'), { kind: 'fields', fields: ['a', 'b,c', 'd"e', '', 'x\ny'] });
    assert.deepEqual(parseCsvRecord('"open, still'), { kind: 'open' });
    assert.equal(parseCsvRecord('"a"b,c').kind, 'problem');
  });

  test('maps ACTIVE terms to test concepts and counts the others; the edition is the latest version', async () => {
    // As some releases write it: a UTF-8 byte order mark, CRLF line ends.
    const file = writeLines(tempDir(), 'Loinc.csv', [`\uFEFF${csvLine(HEADER)}`, glucose, hemoglobin, deprecated, trial], '\r\n');
    const { body, edition, rows } = await loinc.importFiles([file]);
    assert.deepEqual(body.concepts.map((c) => c.id), ['loinc:2345-7', 'loinc:718-7']);
    assert.deepEqual(body.concepts[0], {
      id: 'loinc:2345-7',
      system: 'loinc',
      code: '2345-7',
      name: 'Glucose [Mass/volume] in Serum or Plasma',
      kind: 'test',
      synonyms: ['Glucose SerPl-mCnc', 'Glucose, Serum or Plasma'],
      attrs: {
        component: 'Glucose', property: 'MCnc', timeAspect: 'Pt', system: 'Ser/Plas', scale: 'Qn', class: 'CHEM',
        relatedNames: ['Gluc', 'Glucose', 'SerPl', 'Serum or plasma'],
      },
    });
    assert.deepEqual(body.concepts[1].synonyms, ['Hgb Bld-mCnc']);
    assert.equal(edition, 'LOINC 2.77', '2.77 is later than 2.9');
    assert.equal(rows.termsRead, 4);
    assert.equal(rows.active, 2);
    assert.equal(rows.deprecated, 1);
    assert.equal(rows.trial, 1);
  });

  test('a bad check digit names the line', async () => {
    const file = writeLines(tempDir(), 'Loinc.csv', [csvLine(HEADER), glucose, glucose.replace('2345-7', '2345-8')]);
    await assert.rejects(loinc.importFiles([file]), (error: unknown) => {
      assert.ok(error instanceof SourceFormatError);
      assert.equal(error.file, 'Loinc.csv');
      assert.equal(error.line, 3);
      assert.equal(error.message, "Loinc.csv, line 3: LOINC_NUM '2345-8' has a bad check digit (expected 7)");
      return true;
    });
  });

  test('line numbers count the physical lines of multi-line records', async () => {
    const file = writeLines(tempDir(), 'Loinc.csv', [csvLine(HEADER), glucose, hemoglobin, '"1-8","too","few"']);
    await assert.rejects(loinc.importFiles([file]), { message: 'Loinc.csv, line 5: expected 15 comma-separated fields, found 3' });
  });

  test('a header without a required column is refused on line 1', async () => {
    const file = writeLines(tempDir(), 'Loinc.csv', [csvLine(HEADER.filter((c) => c !== 'LONG_COMMON_NAME')), glucose]);
    await assert.rejects(loinc.importFiles([file]), { message: /^Loinc\.csv, line 1: missing column 'LONG_COMMON_NAME'/ });
  });

  test('an unterminated quote is reported where its record starts', async () => {
    const file = writeLines(tempDir(), 'Loinc.csv', [csvLine(HEADER), glucose, '"718-7","Hemoglobin']);
    await assert.rejects(loinc.importFiles([file]), { message: /^Loinc\.csv, line 3: unterminated quoted field/ });
  });

  test('among several CSVs of a release, Loinc.csv is read; an aborted signal stops the import', async () => {
    const dir = tempDir();
    const table = writeLines(dir, 'Loinc.csv', [csvLine(HEADER), glucose]);
    const parts = writeLines(dir, 'LoincPartLink_Primary.csv', ['"x"']);
    const { body, rows } = await loinc.importFiles([parts, table]);
    assert.equal(body.concepts.length, 1);
    assert.equal(rows.filesIgnored, 1);
    await assert.rejects(loinc.importFiles([parts, writeLines(dir, 'MapTo.csv', ['"x"'])]), { message: /^Loinc\.csv: missing/ });
    await assert.rejects(loinc.importFiles([table], { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
