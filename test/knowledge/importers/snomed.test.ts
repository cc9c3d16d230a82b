import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { sctidProblem, snomed, verhoeffValid } from '../../../src/knowledge/importers/snomed.js';
import { SourceFormatError, type PackRelation } from '../../../src/knowledge/packs/packTypes.js';
import {
  CASE_INSENSITIVE, CORE_MODULE, EXISTENTIAL, FINDING_SITE, FSN, INFERRED, IS_A, PRIMITIVE, RF2_CONCEPT_HEADER, RF2_DESCRIPTION_HEADER,
  RF2_RELATIONSHIP_HEADER, sctid, SYNONYM, tempDir, writeRf2,
} from './fixtures.js';

const ROOT = '138875005';
const CLINICAL_FINDING = '404684003';
const DISEASE = '64572001';
const MYOCARDIAL_INFARCTION = '22298006';
const CHEST_PAIN = '29857009';
const HEART_STRUCTURE = '80891009';
const ASPIRIN = '387458008';
const RETIRED = sctid(1234567, '00');

const CONCEPT_FILE = 'sct2_Concept_Snapshot_INT_20240101.txt';
const DESCRIPTION_FILE = 'sct2_Description_Snapshot-en_INT_20240101.txt';
const RELATIONSHIP_FILE = 'sct2_Relationship_Snapshot_INT_20240101.txt';

const concept = (id: string, active = '1'): string[] => [id, '20240101', active, CORE_MODULE, PRIMITIVE];
const conceptRows = [ROOT, CLINICAL_FINDING, DISEASE, MYOCARDIAL_INFARCTION, CHEST_PAIN, HEART_STRUCTURE, ASPIRIN].map((id) => concept(id));
conceptRows.push(concept(RETIRED, '0'));

let nextDescription = 100;
const description = (conceptId: string, typeId: string, term: string, options: { active?: string; language?: string } = {}): string[] => [
  sctid((nextDescription += 1), '01'), '20240101', options.active ?? '1', CORE_MODULE, conceptId, options.language ?? 'en', typeId, term, CASE_INSENSITIVE,
];
const descriptionRows = [
  description(ROOT, FSN, 'SNOMED CT Concept (SNOMED RT+CTV3)'),
  description(CLINICAL_FINDING, FSN, 'Clinical finding (finding)'),
  description(DISEASE, FSN, 'Disease (disorder)'),
  description(MYOCARDIAL_INFARCTION, SYNONYM, 'Heart attack'),
  description(MYOCARDIAL_INFARCTION, FSN, 'Myocardial infarction (disorder)'),
  description(MYOCARDIAL_INFARCTION, SYNONYM, 'Myocardial infarction'),
  description(MYOCARDIAL_INFARCTION, SYNONYM, 'Cardiac infarction'),
  description(MYOCARDIAL_INFARCTION, SYNONYM, 'Infarto de miocardio', { language: 'es' }),
  description(MYOCARDIAL_INFARCTION, SYNONYM, 'Old retired synonym', { active: '0' }),
  description(CHEST_PAIN, FSN, 'Chest pain (finding)'),
  description(HEART_STRUCTURE, FSN, 'Heart structure (body structure)'),
  description(ASPIRIN, FSN, 'Aspirin (substance)'),
  description(ASPIRIN, SYNONYM, 'Acetylsalicylic acid'),
  description(RETIRED, FSN, 'Retired concept (disorder)'),
];

let nextRelationship = 200;
const relationship = (source: string, destination: string, typeId = IS_A, active = '1'): string[] => [
  sctid((nextRelationship += 1), '02'), '20240101', active, CORE_MODULE, source, destination, '0', typeId, INFERRED, EXISTENTIAL,
];
const relationshipRows = [
  relationship(MYOCARDIAL_INFARCTION, DISEASE),
  relationship(DISEASE, CLINICAL_FINDING),
  relationship(CHEST_PAIN, CLINICAL_FINDING),
  relationship(CLINICAL_FINDING, ROOT),
  relationship(MYOCARDIAL_INFARCTION, HEART_STRUCTURE, FINDING_SITE), // not is-a
  relationship(MYOCARDIAL_INFARCTION, CHEST_PAIN, IS_A, '0'), // inactive
  relationship(RETIRED, DISEASE), // source inactive
];

function writeRelease(dir: string): string[] {
  return [
    writeRf2(dir, CONCEPT_FILE, RF2_CONCEPT_HEADER, conceptRows),
    writeRf2(dir, DESCRIPTION_FILE, RF2_DESCRIPTION_HEADER, descriptionRows),
    writeRf2(dir, RELATIONSHIP_FILE, RF2_RELATIONSHIP_HEADER, relationshipRows),
  ];
}

function edges(relations: readonly PackRelation[]): string[] {
  return relations.map(({ from, type, to }) => `${from} ${type} ${to}`).sort();
}

describe('SNOMED CT importer', () => {
  test('the Verhoeff check accepts real SCTIDs and refuses a changed digit', () => {
    for (const id of [ROOT, IS_A, FSN, SYNONYM, MYOCARDIAL_INFARCTION, ASPIRIN]) assert.equal(sctidProblem(id, 'concept'), undefined, id);
    assert.equal(verhoeffValid('22298007'), false);
    assert.equal(verhoeffValid('116680030'), false, 'a transposition is caught');
    assert.match(sctidProblem('751689013', 'concept') ?? '', /not a concept SCTID/, 'a description id where a concept id belongs');
    assert.equal(sctidProblem('751689013', 'description'), undefined);
    assert.match(sctidProblem('01234', 'concept') ?? '', /6–18 digits/);
  });

  test('maps active concepts: FSN without its tag as name, tag as kind, English synonyms, is-a', async () => {
    const { body, edition, rows } = await snomed.importFiles(writeRelease(tempDir()));
    const concepts = new Map(body.concepts.map((c) => [c.code, c]));
    assert.equal(concepts.has(RETIRED), false);
    assert.deepEqual(concepts.get(MYOCARDIAL_INFARCTION), {
      id: 'snomed:22298006', system: 'snomed', code: '22298006', name: 'Myocardial infarction', kind: 'condition',
      attrs: { semanticTag: 'disorder' }, synonyms: ['Heart attack', 'Cardiac infarction'],
    });
    assert.equal(concepts.get(CHEST_PAIN)?.kind, 'symptom');
    assert.equal(concepts.get(HEART_STRUCTURE)?.kind, 'anatomy');
    assert.equal(concepts.get(ASPIRIN)?.kind, 'drug');
    assert.deepEqual(concepts.get(ASPIRIN)?.synonyms, ['Acetylsalicylic acid']);
    assert.equal(concepts.get(ROOT)?.name, 'SNOMED CT Concept');
    assert.equal(concepts.get(ROOT)?.kind, 'other');

    assert.deepEqual(edges(body.relations), [
      `snomed:${CHEST_PAIN} is-a snomed:${CLINICAL_FINDING}`,
      `snomed:${CLINICAL_FINDING} is-a snomed:${ROOT}`,
      `snomed:${DISEASE} is-a snomed:${CLINICAL_FINDING}`,
      `snomed:${MYOCARDIAL_INFARCTION} is-a snomed:${DISEASE}`,
    ].sort());
    assert.equal(edition, 'INT 20240101');
    assert.equal(rows.concepts, 7);
    assert.equal(rows.conceptsInactive, 1);
    assert.equal(rows.relationshipsSkippedEnds, 1);
  });

  test('an SCTID failing the Verhoeff check names the file and line', async () => {
    const dir = tempDir();
    const [, descriptions] = writeRelease(dir);
    const concepts = writeRf2(dir, CONCEPT_FILE, RF2_CONCEPT_HEADER, [concept(ROOT), concept('22298007')]);
    await assert.rejects(snomed.importFiles([concepts, descriptions]), (error: unknown) => {
      assert.ok(error instanceof SourceFormatError);
      assert.equal(error.file, CONCEPT_FILE);
      assert.equal(error.line, 3);
      assert.match(error.message, /id '22298007' fails the Verhoeff check digit/);
      return true;
    });
  });

  test('a wrong header, a short row or a Full file is refused', async () => {
    const dir = tempDir();
    const [, descriptions] = writeRelease(dir);
    const noStatus = writeRf2(dir, CONCEPT_FILE, RF2_CONCEPT_HEADER.slice(0, 4), [concept(ROOT).slice(0, 4)]);
    await assert.rejects(snomed.importFiles([noStatus, descriptions]), {
      name: 'SourceFormatError',
      message: /^sct2_Concept_Snapshot_INT_20240101\.txt, line 1: missing column 'definitionStatusId'/,
    });
    const short = writeRf2(dir, CONCEPT_FILE, RF2_CONCEPT_HEADER, [concept(ROOT), concept(DISEASE), concept(CHEST_PAIN).slice(0, 3)]);
    await assert.rejects(snomed.importFiles([short, descriptions]), {
      message: 'sct2_Concept_Snapshot_INT_20240101.txt, line 4: expected 5 tab-separated fields, found 3',
    });
    const full = writeRf2(dir, 'sct2_Concept_Full_INT_20240101.txt', RF2_CONCEPT_HEADER, conceptRows);
    await assert.rejects(snomed.importFiles([full, descriptions]), { message: /Full or Delta file/ });
    await assert.rejects(snomed.importFiles([descriptions]), { message: /^sct2_Concept_Snapshot: missing/ });
  });

  test('other RF2 files of the release are skipped; an aborted signal stops the import', async () => {
    const dir = tempDir();
    const files = writeRelease(dir);
    const stated = writeRf2(dir, 'sct2_StatedRelationship_Snapshot_INT_20240101.txt', RF2_RELATIONSHIP_HEADER, []);
    const { rows } = await snomed.importFiles([...files, stated]);
    assert.equal(rows.filesIgnored, 1);
    const controller = new AbortController();
    controller.abort(new Error('user cancelled'));
    await assert.rejects(snomed.importFiles(files, { signal: controller.signal }), { message: 'user cancelled' });
  });
});
