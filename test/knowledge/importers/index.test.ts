import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { licensedImporters } from '../../../src/knowledge/importers/index.js';
import { tempDir, writeLines } from './fixtures.js';

describe('licensed importers registry', () => {
  test('lists the four terminologies under their own ids, with the licence the user holds', () => {
    assert.deepEqual(Object.keys(licensedImporters).sort(), ['loinc', 'rxnorm', 'snomed', 'umls']);
    for (const [id, importer] of Object.entries(licensedImporters)) {
      assert.equal(importer.id, id);
      assert.match(importer.licence, /\(user's own\)$/);
      assert.ok(importer.files.length > 0);
    }
    assert.deepEqual(Object.values(licensedImporters).map((i) => i.name).sort(), ['LOINC', 'RxNorm', 'SNOMED CT', 'UMLS Metathesaurus']);
  });

  test('every importer refuses to start under an aborted signal, with the signal\'s reason', async () => {
    const dir = tempDir();
    const files: Record<keyof typeof licensedImporters, string[]> = {
      rxnorm: [writeLines(dir, 'RXNCONSO.RRF', [])],
      snomed: [writeLines(dir, 'sct2_Concept_Snapshot_INT_20240101.txt', []), writeLines(dir, 'sct2_Description_Snapshot-en_INT_20240101.txt', [])],
      loinc: [writeLines(dir, 'Loinc.csv', [])],
      umls: [writeLines(dir, 'MRCONSO.RRF', [])],
    };
    const reason = new Error('shutting down');
    for (const importer of Object.values(licensedImporters)) {
      await assert.rejects(importer.importFiles(files[importer.id], { signal: AbortSignal.abort(reason) }), (error) => error === reason, importer.id);
    }
  });

  test('an empty file is a format error, not an empty pack', async () => {
    const dir = tempDir();
    await assert.rejects(licensedImporters.rxnorm.importFiles([writeLines(dir, 'RXNCONSO.RRF', [])]), { name: 'SourceFormatError', message: /no current English RXNORM names/ });
    await assert.rejects(licensedImporters.loinc.importFiles([writeLines(dir, 'Loinc.csv', [])]), { message: /Loinc\.csv: file is empty/ });
    await assert.rejects(licensedImporters.umls.importFiles([writeLines(dir, 'MRCONSO.RRF', [])]), { message: /no current English/ });
  });
});
