import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { rxnorm } from '../../../src/knowledge/importers/rxnorm.js';
import { SourceFormatError, type PackConcept, type PackRelation } from '../../../src/knowledge/packs/packTypes.js';
import { consoRow, relRow, tempDir, writeLines } from './fixtures.js';

const ATORVASTATIN = '83367';
const ATORVASTATIN_CALCIUM = '83366';
const LIPITOR = '153165';
const ATORVASTATIN_20_MG = '329301'; // SCDC
const ATORVASTATIN_ORAL_TABLET = '372319'; // SCDF
const ATORVASTATIN_20_MG_TABLET = '617310'; // SCD
const LIPITOR_20_MG_TABLET = '617320'; // SBD
const OBSOLETE = '999001';

const consoLines = [
  consoRow({ cui: ATORVASTATIN, tty: 'IN', str: 'atorvastatin' }),
  consoRow({ cui: ATORVASTATIN, sab: 'MTHSPL', tty: 'SU', code: 'A0JWA85V8F', str: 'ATORVASTATIN' }),
  consoRow({ cui: ATORVASTATIN_CALCIUM, tty: 'PIN', str: 'atorvastatin calcium' }),
  consoRow({ cui: LIPITOR, tty: 'BN', str: 'Lipitor' }),
  consoRow({ cui: ATORVASTATIN_20_MG, tty: 'SCDC', str: 'atorvastatin 20 MG' }),
  consoRow({ cui: ATORVASTATIN_ORAL_TABLET, tty: 'SCDF', str: 'atorvastatin Oral Tablet' }),
  // The synonym comes first: the name is still the SCD string, whatever the row order.
  consoRow({ cui: ATORVASTATIN_20_MG_TABLET, tty: 'SY', str: 'atorvastatin 20 MG Oral Tab' }),
  consoRow({ cui: ATORVASTATIN_20_MG_TABLET, tty: 'SCD', str: 'atorvastatin 20 MG Oral Tablet' }),
  consoRow({ cui: ATORVASTATIN_20_MG_TABLET, tty: 'PSN', str: 'Atorvastatin 20 MG Oral Tablet' }),
  consoRow({ cui: ATORVASTATIN_20_MG_TABLET, tty: 'TMSY', str: 'atorvastatin (as atorvastatin calcium trihydrate) 20 MG Oral Tablet' }),
  consoRow({ cui: ATORVASTATIN_20_MG_TABLET, tty: 'SY', str: 'old name', suppress: 'Y' }),
  consoRow({ cui: LIPITOR_20_MG_TABLET, tty: 'SBD', str: 'atorvastatin 20 MG Oral Tablet [Lipitor]' }),
  consoRow({ cui: OBSOLETE, tty: 'IN', str: 'obsoletin', suppress: 'O' }),
];

// Rows as RXNREL.RRF has them: "RXCUI2 <RELA> RXCUI1", each with its inverse row.
const relLines = [
  relRow(ATORVASTATIN, 'tradename_of', LIPITOR), // Lipitor tradename_of atorvastatin
  relRow(LIPITOR, 'has_tradename', ATORVASTATIN), // atorvastatin has_tradename Lipitor
  relRow(ATORVASTATIN, 'form_of', ATORVASTATIN_CALCIUM), // atorvastatin calcium form_of atorvastatin
  relRow(ATORVASTATIN_CALCIUM, 'has_form', ATORVASTATIN),
  relRow(ATORVASTATIN_20_MG, 'ingredient_of', ATORVASTATIN), // atorvastatin ingredient_of atorvastatin 20 MG
  relRow(ATORVASTATIN, 'has_ingredient', ATORVASTATIN_20_MG),
  relRow(ATORVASTATIN_ORAL_TABLET, 'isa', ATORVASTATIN_20_MG_TABLET), // the SCD isa the SCDF
  relRow(ATORVASTATIN_20_MG_TABLET, 'inverse_isa', ATORVASTATIN_ORAL_TABLET),
  relRow(ATORVASTATIN_20_MG_TABLET, 'tradename_of', LIPITOR_20_MG_TABLET), // the SBD tradename_of the SCD
  relRow(ATORVASTATIN_20_MG_TABLET, 'has_dose_form', '317541'), // not mapped
  relRow(ATORVASTATIN, 'tradename_of', OBSOLETE), // end filtered out
  relRow(ATORVASTATIN, 'tradename_of', LIPITOR_20_MG_TABLET, { sab: 'MTHSPL' }), // not RxNorm's own
  relRow(ATORVASTATIN, 'tradename_of', LIPITOR_20_MG_TABLET, { suppress: 'O' }),
];

function byId(concepts: readonly PackConcept[]): Map<string, PackConcept> {
  return new Map(concepts.map((concept) => [concept.id, concept]));
}

function edges(relations: readonly PackRelation[]): string[] {
  return relations.map(({ from, type, to }) => `${from} ${type} ${to}`).sort();
}

describe('RxNorm importer', () => {
  test('maps RXNORM atoms to drug and product concepts with names, synonyms and directed relations', async () => {
    const dir = tempDir();
    const conso = writeLines(dir, 'RXNCONSO.RRF', consoLines);
    const rel = writeLines(dir, 'RXNREL.RRF', relLines);
    const { body, edition, rows } = await rxnorm.importFiles([rel, conso]);

    const concepts = byId(body.concepts);
    assert.deepEqual([...concepts.keys()].sort(), [
      `rxnorm:${ATORVASTATIN}`, `rxnorm:${ATORVASTATIN_CALCIUM}`, `rxnorm:${LIPITOR}`, `rxnorm:${ATORVASTATIN_20_MG}`,
      `rxnorm:${ATORVASTATIN_ORAL_TABLET}`, `rxnorm:${ATORVASTATIN_20_MG_TABLET}`, `rxnorm:${LIPITOR_20_MG_TABLET}`,
    ].sort());
    assert.deepEqual(concepts.get(`rxnorm:${ATORVASTATIN}`), {
      id: 'rxnorm:83367', system: 'rxnorm', code: '83367', name: 'atorvastatin', kind: 'drug', attrs: { tty: 'IN' },
    }, 'other sources\' strings (MTHSPL) are not synonyms');
    assert.equal(concepts.get(`rxnorm:${ATORVASTATIN_CALCIUM}`)?.kind, 'drug');
    assert.equal(concepts.get(`rxnorm:${LIPITOR}`)?.kind, 'product');
    const scd = concepts.get(`rxnorm:${ATORVASTATIN_20_MG_TABLET}`);
    assert.equal(scd?.name, 'atorvastatin 20 MG Oral Tablet');
    assert.equal(scd?.kind, 'product');
    assert.deepEqual(scd?.attrs, { tty: 'SCD' });
    assert.deepEqual(scd?.synonyms, ['atorvastatin 20 MG Oral Tab', 'atorvastatin (as atorvastatin calcium trihydrate) 20 MG Oral Tablet'],
      'the PSN differing only in case and the suppressed SY are dropped');

    assert.deepEqual(edges(body.relations), [
      `rxnorm:${ATORVASTATIN_CALCIUM} salt-of rxnorm:${ATORVASTATIN}`,
      `rxnorm:${ATORVASTATIN_20_MG_TABLET} is-a rxnorm:${ATORVASTATIN_ORAL_TABLET}`,
      `rxnorm:${ATORVASTATIN} component-of rxnorm:${ATORVASTATIN_20_MG}`,
      `rxnorm:${LIPITOR_20_MG_TABLET} brand-of rxnorm:${ATORVASTATIN_20_MG_TABLET}`,
      `rxnorm:${LIPITOR} brand-of rxnorm:${ATORVASTATIN}`,
    ].sort());
    assert.equal(edition, 'RxNorm (user-supplied)');
    assert.equal(rows.concepts, 7);
    assert.equal(rows.relations, 5);
    assert.equal(rows.atomsRead, consoLines.length);
    assert.equal(rows.relationshipsSkippedEnds, 1);
    assert.deepEqual(body.names, []);
  });

  test('RXNREL.RRF is optional; the edition comes from the release folder name', async () => {
    const dir = tempDir();
    writeLines(dir, 'RxNorm_full_12022024/Readme_full_12022024.txt', ['readme']);
    const conso = writeLines(dir, 'RxNorm_full_12022024/rrf/RXNCONSO.RRF', consoLines);
    const { body, edition } = await rxnorm.importFiles([conso]);
    assert.equal(body.concepts.length, 7);
    assert.deepEqual(body.relations, []);
    assert.equal(edition, 'RxNorm full 2024-12-02');
  });

  test('a line with the wrong number of fields names the file and line', async () => {
    const dir = tempDir();
    const conso = writeLines(dir, 'RXNCONSO.RRF', [consoLines[0], consoLines[2], '83367|ENG||||||']);
    await assert.rejects(rxnorm.importFiles([conso]), (error: unknown) => {
      assert.ok(error instanceof SourceFormatError);
      assert.equal(error.file, 'RXNCONSO.RRF');
      assert.equal(error.line, 3);
      assert.equal(error.message, 'RXNCONSO.RRF, line 3: expected 18 |-separated fields, found 7');
      return true;
    });
    const rel = writeLines(dir, 'RXNREL.RRF', [relLines[0], relLines[1].slice(0, -1)]);
    await assert.rejects(rxnorm.importFiles([writeLines(dir, 'RXNCONSO.RRF', consoLines), rel]), {
      name: 'SourceFormatError',
      message: "RXNREL.RRF, line 2: expected the line to end with '|' after its 16 fields",
    });
  });

  test('a missing or unrecognised file is named without its folder', async () => {
    const dir = tempDir();
    await assert.rejects(rxnorm.importFiles([`${dir}/RXNCONSO.RRF`]), (error: unknown) => {
      assert.ok(error instanceof SourceFormatError);
      assert.equal(error.line, undefined);
      assert.equal(error.message, 'RXNCONSO.RRF: file not found');
      return true;
    });
    await assert.rejects(rxnorm.importFiles([writeLines(dir, 'RXNREL.RRF', relLines)]), { message: /^RXNCONSO\.RRF: missing/ });
    await assert.rejects(rxnorm.importFiles([writeLines(dir, 'notes.txt', ['x'])]), { message: /^notes\.txt: not a file this importer reads/ });
    const other = writeLines(dir, 'RXNSAT.RRF', ['x|']);
    const { rows } = await rxnorm.importFiles([writeLines(dir, 'RXNCONSO.RRF', consoLines), other]);
    assert.equal(rows.filesIgnored, 1, 'other files of the release are skipped');
  });

  test('an aborted signal stops the import part-way', async () => {
    const dir = tempDir();
    const many = Array.from({ length: 35_000 }, (_, i) => consoRow({ cui: String(100_000 + i), str: `drug ${i}` }));
    const conso = writeLines(dir, 'RXNCONSO.RRF', many);
    const controller = new AbortController();
    const reports: number[] = [];
    const importing = rxnorm.importFiles([conso], {
      signal: controller.signal,
      onProgress: (lines) => {
        reports.push(lines);
        controller.abort();
      },
    });
    await assert.rejects(importing, { name: 'AbortError' });
    assert.deepEqual(reports, [10_000], 'no line is read after the abort');

    const { rows } = await rxnorm.importFiles([conso], { onProgress: (lines) => reports.push(lines) });
    assert.equal(rows.atomsRead, 35_000);
    assert.deepEqual(reports, [10_000, 10_000, 20_000, 30_000, 35_000]);
  });
});
