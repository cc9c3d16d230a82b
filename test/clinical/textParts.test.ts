import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { readMedicationDetails } from '../../src/clinical/medications/medicationDetails.js';
import { detectSections } from '../../src/clinical/sections/detectSections.js';
import { splitSentences } from '../../src/clinical/text/tokenize.js';

function detailsAfter(line: string, drug: string) {
  const from = line.indexOf(drug) + drug.length;
  return readMedicationDetails(line, from, line.length);
}

describe('medication details', () => {
  test('dose, unit, route and frequency in prescription order', () => {
    const d = detailsAfter('metformin 500 mg PO bd', 'metformin');
    assert.deepEqual([d.dose, d.doseValue, d.unit, d.route, d.frequency, d.asNeeded], ['500 mg', 500, 'mg', 'oral', 'twice daily', false]);
  });

  test('glued units, UK frequencies and durations in days, weeks and months', () => {
    const d = detailsAfter('Augmentin 625mg tds for 5/7', 'Augmentin');
    assert.deepEqual([d.dose, d.unit, d.frequency, d.duration], ['625mg', 'mg', 'three times daily', '5 days']);
    assert.equal(detailsAfter('prednisolone 40 mg od x 2/52', 'prednisolone').duration, '2 weeks');
    assert.equal(detailsAfter('alendronate 70 mg weekly for 3/12', 'alendronate').duration, '3 months');
  });

  test('as needed, inhaled puffs, every N hours', () => {
    const d = detailsAfter('salbutamol 2 puffs inh prn', 'salbutamol');
    assert.deepEqual([d.dose, d.route, d.asNeeded], ['2 puffs', 'inhaled', true]);
    assert.equal(detailsAfter('morphine 2.5-5 mg SC q4h as required', 'morphine').frequency, 'every 4 hours');
    assert.equal(detailsAfter('morphine 2.5-5 mg SC q4h as required', 'morphine').dose, '2.5-5 mg');
  });

  test('offsets cover exactly the details read, and stop at the first other word', () => {
    const line = 'aspirin 75mg od and review';
    const d = detailsAfter(line, 'aspirin');
    assert.equal(line.slice(d.start, d.end).trim(), '75mg od');
    assert.equal(detailsAfter('aspirin was stopped', 'aspirin').dose, null);
  });
});

describe('sections', () => {
  test('headings in their common spellings, with offsets', () => {
    const note = 'PC: chest pain\nPMHx - asthma\nCurrent medications:\n  salbutamol\nAllergies: nil\nFamily history: none\nO/E: alert\nImpression: ACS\nPlan\nECG';
    const kinds = detectSections(note).map((s) => s.kind);
    assert.deepEqual(kinds, ['chief_complaint', 'past_history', 'medications', 'allergies', 'family_history', 'examination', 'assessment', 'plan']);
    const meds = detectSections(note)[2]!;
    assert.equal(note.slice(meds.bodyStart, meds.end).trim(), 'salbutamol');
  });

  test('a heading word in running prose is not a heading; lower-case shorthand is not either', () => {
    assert.deepEqual(detectSections('History was taken from her daughter.\npmh: asthma'), []);
  });
});

describe('sentences', () => {
  test('line breaks and full stops end sentences; abbreviations, decimals and a leading "?" do not', () => {
    const text = 'Seen by Dr. Patel today. Temp 38.5 and HR 110.\n? PE. Metformin 500 mg b.d. continued.';
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(parts, ['Seen by Dr. Patel today.', 'Temp 38.5 and HR 110.', '? PE.', 'Metformin 500 mg b.d. continued.']);
  });
});
