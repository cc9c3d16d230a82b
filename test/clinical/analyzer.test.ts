import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import { ClinicalAnalyzer, type ClinicalAnalysis } from '../../src/clinical/ClinicalAnalyzer.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';

const NOTE = `Presenting complaint: 3 days of productive cough, fever and shortness of breath. No chest pain. Denies haemoptysis.
PMHx: T2DM, HTN, previous MI in 2015. ? pneumonia.
Medications:
- metformin 500 mg PO bd
- Augmentin 625mg tds for 5/7 for cellulitis
- salbutamol 2 puffs inh prn
Allergies: penicillin (rash)
FHx: mother had breast cancer.
Plan: chest X-ray, FBC, CRP. Return if chest pain develops.`;

let analyzer: ClinicalAnalyzer;
let analysis: ClinicalAnalysis;
beforeAll(async () => {
  analyzer = new ClinicalAnalyzer(await shippedKnowledge());
  analysis = await analyzer.analyze(NOTE);
});

const entity = (text: string, from = 0) => {
  const found = analysis.entities.find((e) => e.text === text && e.start >= from);
  assert.ok(found, `an entity "${text}"`);
  return found;
};

describe('analyzeClinicalText', () => {
  test('entities carry exact UTF-16 offsets, category and codes', () => {
    for (const e of analysis.entities) assert.equal(NOTE.slice(e.start, e.end), e.text);
    assert.equal(entity('metformin').category, 'MEDICATION');
    assert.deepEqual([entity('metformin').code, entity('metformin').codeSystem], ['DB00331', 'DRUGBANK']);
    assert.deepEqual([entity('T2DM').category, entity('T2DM').code], ['CONDITION', 'E11.9']);
    assert.equal(entity('shortness of breath').category, 'SYMPTOM');
    assert.equal(entity('FBC').category, 'TEST');
  });

  test('context flags per entity, with sections', () => {
    assert.equal(entity('chest pain').negated, true);
    assert.equal(entity('haemoptysis').negated, true);
    assert.equal(entity('pneumonia').uncertain, true);
    assert.equal(entity('MI').historical, true);
    assert.equal(entity('HTN').historical, false, 'a year dates only what it follows');
    assert.equal(entity('breast cancer').family, true);
    const plan = NOTE.indexOf('Plan:');
    assert.equal(entity('chest pain', plan).hypothetical, true);
    assert.equal(entity('chest pain', plan).section, 'plan');
    assert.equal(entity('metformin').section, 'medications');
  });

  test('medication details attach to their drug; an allergy list drug is an allergy, not a current medication', () => {
    const byDrug = new Map(analysis.medications.map((m) => [m.drug, m]));
    assert.deepEqual(
      [byDrug.get('metformin')!.dose, byDrug.get('metformin')!.route, byDrug.get('metformin')!.frequency, byDrug.get('metformin')!.status],
      ['500 mg', 'oral', 'twice daily', 'current'],
    );
    const augmentin = byDrug.get('Augmentin')!;
    assert.deepEqual([augmentin.dose, augmentin.frequency, augmentin.duration, augmentin.indication], ['625mg', 'three times daily', '5 days', 'cellulitis']);
    assert.equal(byDrug.get('salbutamol')!.asNeeded, true);
    assert.equal(byDrug.get('penicillin')!.status, 'allergy');
    assert.deepEqual(analysis.allergies.map((a) => a.substance), ['penicillin']);
  });

  test("the patient's conditions are coded; negated, family, hypothetical and uncertain ones are not", () => {
    const codes = analysis.conditions.map((c) => c.code);
    for (const code of ['E11.9', 'I10', 'I21.9', 'L03.90']) assert.ok(codes.includes(code), code);
    assert.ok(!codes.some((c) => c.startsWith('C50')), 'family breast cancer is not coded');
    assert.ok(!codes.includes('J18.9'), 'queried pneumonia is not coded');
  });

  test('"no known drug allergies" is read', async () => {
    const nkda = await analyzer.analyze('Allergies: NKDA. On ramipril 5 mg od.');
    assert.equal(nkda.noKnownAllergies, true);
    assert.deepEqual(nkda.allergies, []);
    assert.equal(nkda.medications[0]?.status, 'current');
  });

  test('bad input: empty, oversize and binary get clear codes; non-English is an answer', async () => {
    const code = async (text: string) => analyzer.analyze(text).then(() => 'none', (e: unknown) => (e instanceof DomainError ? e.code : String(e)));
    assert.equal(await code('   '), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code('x'.repeat(50_001)), ErrorCode.INPUT_TOO_LARGE);
    assert.equal(await code('\u0000\u0001binary\uFFFD'), ErrorCode.BAD_USER_INPUT);
    const spanish = await analyzer.analyze('El paciente refiere dolor torácico desde hace tres días y no tiene fiebre ni tos. Toma metformina cada día.');
    assert.equal(spanish.likelyEnglish, false);
  });
});
