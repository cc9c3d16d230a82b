import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { umls } from '../../../src/knowledge/importers/umls.js';
import { SourceFormatError, type PackRelation } from '../../../src/knowledge/packs/packTypes.js';
import { consoRow, tempDir, writeLines, type AtomFixture } from './fixtures.js';

const MI = 'C0027051';
const ASPIRIN = 'C0004057';
const NO_PREFERRED = 'C0000005';

const preferred = { ts: 'P', stt: 'PF', ispref: 'Y' } as const;
const atom = (fixture: AtomFixture): string => consoRow({ ts: 'S', stt: 'VO', ispref: 'N', tty: 'PT', ...fixture });

const mrconso = [
  atom({ cui: NO_PREFERRED, str: '(131)I-Macroaggregated Albumin', sab: 'MSH', code: 'D012711' }),
  atom({ cui: NO_PREFERRED, str: '(131)I-MAA', sab: 'MSH', code: 'D012711' }),
  atom({ cui: ASPIRIN, str: 'Acetylsalicylic acid', sab: 'DRUGBANK', code: 'DB00945' }),
  atom({ cui: ASPIRIN, str: 'Aspirin', sab: 'MSH', tty: 'MH', code: 'D001241', ...preferred }),
  atom({ cui: ASPIRIN, str: 'aspirin', sab: 'RXNORM', tty: 'IN', code: '1191' }),
  atom({ cui: ASPIRIN, str: 'Aspirin', sab: 'LNC', tty: 'LPN', code: 'LP16008-4' }), // a LOINC part, not a term
  atom({ cui: ASPIRIN, str: 'Aspirin 81 mg', sab: 'MSH', code: 'C012345' }), // a supplementary concept, not a descriptor
  atom({ cui: MI, str: 'Myocardial Infarction', sab: 'MSH', tty: 'MH', code: 'D009203', ...preferred }),
  atom({ cui: MI, str: 'Myocardial infarction', sab: 'SNOMEDCT_US', code: '22298006' }),
  atom({ cui: MI, str: 'Heart attack', sab: 'SNOMEDCT_US', tty: 'SY', code: '22298006' }),
  atom({ cui: MI, str: 'Acute myocardial infarction, unspecified', sab: 'ICD10CM', code: 'I21.9' }),
  atom({ cui: MI, str: 'Ischemic heart diseases', sab: 'ICD10CM', tty: 'HT', code: 'I20-I25' }), // a block, not a code
  atom({ cui: MI, str: 'Infarto del Miocardio', sab: 'MSHSPA', code: 'D009203', lat: 'SPA' }),
  atom({ cui: MI, str: 'MI - old', sab: 'MTH', code: 'NOCODE', suppress: 'O' }),
  atom({ cui: MI, str: 'Infarct, myocardial', sab: 'MSH', tty: 'PM', code: 'D009203', suppress: 'E' }),
  // Out of CUI order: merged into the concept made above, not a second one.
  atom({ cui: NO_PREFERRED, str: 'Macroaggregated iodinated albumin', sab: 'MTH', code: 'NOCODE' }),
  atom({ cui: ASPIRIN, str: 'ASA', sab: 'SNOMEDCT_US', tty: 'SY', code: '387458008' }),
  atom({ cui: ASPIRIN, str: 'Aspirin', sab: 'RXNORM', tty: 'SY', code: '1191' }), // a link made above: not repeated
];

function edges(relations: readonly PackRelation[]): string[] {
  return relations.map(({ from, type, to }) => `${from} ${type} ${to}`).sort();
}

describe('UMLS importer', () => {
  test('maps English atoms to concepts named by the preferred atom, with same-as links to known vocabularies', async () => {
    const file = writeLines(tempDir(), 'MRCONSO.RRF', mrconso);
    const { body, edition, rows } = await umls.importFiles([file]);
    assert.deepEqual(body.concepts.map((c) => c.id), [`umls:${NO_PREFERRED}`, `umls:${ASPIRIN}`, `umls:${MI}`]);
    const [noPreferred, aspirin, mi] = body.concepts;
    assert.deepEqual(mi, {
      id: 'umls:C0027051', system: 'umls', code: 'C0027051', name: 'Myocardial Infarction', kind: 'other',
      synonyms: ['Heart attack', 'Acute myocardial infarction, unspecified', 'Ischemic heart diseases'],
    });
    assert.equal(aspirin.name, 'Aspirin', 'the preferred atom names the concept though it is not the first row');
    assert.deepEqual(aspirin.synonyms, ['Acetylsalicylic acid', 'Aspirin 81 mg', 'ASA']);
    assert.equal(noPreferred.name, '(131)I-Macroaggregated Albumin');
    assert.deepEqual(noPreferred.synonyms, ['(131)I-MAA', 'Macroaggregated iodinated albumin']);

    assert.deepEqual(edges(body.relations), [
      `umls:${NO_PREFERRED} same-as mesh:D012711`,
      `umls:${ASPIRIN} same-as drugbank:DB00945`,
      `umls:${ASPIRIN} same-as mesh:D001241`,
      `umls:${ASPIRIN} same-as rxnorm:1191`,
      `umls:${ASPIRIN} same-as snomed:387458008`,
      `umls:${MI} same-as icd10cm:I21.9`,
      `umls:${MI} same-as mesh:D009203`,
      `umls:${MI} same-as snomed:22298006`,
    ]);
    assert.equal(edition, 'UMLS (user-supplied)');
    assert.equal(rows.atomsRead, mrconso.length);
    assert.equal(rows.atomsKept, mrconso.length - 3);
    assert.equal(rows.conceptsWithoutPreferredName, 1);
    assert.equal(rows['sameAs:mesh'], 3);
  });

  test('synonyms are capped at 50; the release folder names the edition', async () => {
    const many = Array.from({ length: 60 }, (_, i) => atom({ cui: MI, str: `infarction variant ${i}`, sab: 'MTH' }));
    const file = writeLines(tempDir(), '2024AA/META/MRCONSO.RRF', [atom({ cui: MI, str: 'Myocardial Infarction', ...preferred }), ...many]);
    const { body, edition } = await umls.importFiles([file]);
    assert.equal(body.concepts[0].synonyms?.length, 50);
    assert.equal(edition, 'UMLS 2024AA');
  });

  test('a malformed line names the file and line', async () => {
    const dir = tempDir();
    const short = writeLines(dir, 'MRCONSO.RRF', [mrconso[0], mrconso[1], 'C0027051|ENG|P|L0027051|PF|S0064997|Y|']);
    await assert.rejects(umls.importFiles([short]), (error: unknown) => {
      assert.ok(error instanceof SourceFormatError);
      assert.equal(error.file, 'MRCONSO.RRF');
      assert.equal(error.line, 3);
      assert.equal(error.message, 'MRCONSO.RRF, line 3: expected 18 |-separated fields, found 7');
      assert.doesNotMatch(error.message, new RegExp(dir.replaceAll('\\', '\\\\')));
      return true;
    });
    const badCui = writeLines(dir, 'MRCONSO.RRF', [atom({ cui: 'X123', str: 'x' })]);
    await assert.rejects(umls.importFiles([badCui]), { message: "MRCONSO.RRF, line 1: CUI 'X123' is not C followed by 7 digits" });
  });

  test('an aborted signal stops the import', async () => {
    const file = writeLines(tempDir(), 'MRCONSO.RRF', mrconso);
    await assert.rejects(umls.importFiles([file], { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });
});
