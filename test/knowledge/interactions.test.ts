import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { shippedKnowledge } from './support/shippedKnowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

describe('checkDrugInteractions over the open curated pack', () => {
  test('well-known pairs get their severity, mechanism, management and reference', () => {
    const cases: [string, string, string][] = [
      ['warfarin', 'ibuprofen', 'MAJOR'],
      ['simvastatin', 'clarithromycin', 'CONTRAINDICATED'],
      ['sildenafil', 'glyceryl trinitrate', 'CONTRAINDICATED'],
      ['phenelzine', 'sertraline', 'CONTRAINDICATED'],
      ['methotrexate', 'trimethoprim', 'MAJOR'],
      ['spironolactone', 'potassium chloride', 'MAJOR'],
    ];
    for (const [a, b, severity] of cases) {
      const check = kb.checkDrugInteractions([a, b]);
      assert.equal(check.interactions.length, 1, `${a} + ${b}`);
      const found = check.interactions[0]!;
      assert.equal(found.severity, severity, `${a} + ${b}`);
      assert.ok(found.mechanism.length > 10 && found.management.length > 10, `${a} + ${b} explains itself`);
      assert.ok(found.references.length > 0);
      assert.equal(found.licence, 'CC0 1.0 (OET AI Engine project)');
      assert.equal(found.commercialUse, true);
    }
  });

  test('brand, British and salt names reach the same rules', () => {
    const check = kb.checkDrugInteractions(['Coumadin', 'Nurofen']);
    assert.equal(check.interactions[0]?.severity, 'MAJOR');
    assert.deepEqual([check.interactions[0]?.inputA, check.interactions[0]?.inputB], ['Coumadin', 'Nurofen']);
    assert.equal(kb.checkDrugInteractions(['Viagra', 'glyceryl trinitrate']).interactions[0]?.severity, 'CONTRAINDICATED');
    assert.equal(kb.checkDrugInteractions(['simvastatin', 'Klacid']).interactions[0]?.severity, 'CONTRAINDICATED');
  });

  test('safe pairs stay silent', () => {
    for (const pair of [
      ['paracetamol', 'amoxicillin'],
      ['metformin', 'atorvastatin'],
      ['omeprazole', 'paracetamol'],
      ['lisinopril', 'atorvastatin'],
      ['levothyroxine', 'paracetamol'],
    ]) {
      assert.deepEqual(kb.checkDrugInteractions(pair).interactions, [], pair.join(' + '));
    }
  });

  test('every interacting pair once, most severe first; unrecognised names listed', () => {
    const check = kb.checkDrugInteractions(['warfarin', 'Nurofen', 'simvastatin', 'clarithromycin', 'paracetamol', 'wonderpill']);
    const pairs = check.interactions.map((i) => [i.drugbankIdA, i.drugbankIdB].sort().join('|'));
    assert.equal(new Set(pairs).size, pairs.length, 'no pair twice');
    assert.equal(check.interactions[0]?.severity, 'CONTRAINDICATED');
    const ranks = check.interactions.map((i) => ['MINOR', 'MODERATE', 'MAJOR', 'CONTRAINDICATED'].indexOf(i.severity));
    assert.deepEqual(ranks, [...ranks].sort((x, y) => y - x));
    assert.deepEqual(check.unrecognized, ['wonderpill']);
  });

  test('the same drug twice, in two forms, is a duplicate therapy, not an interaction', () => {
    const check = kb.checkDrugInteractions(['simvastatin', 'Zocor', 'ibuprofen', 'Nurofen']);
    assert.deepEqual(check.interactions, []);
    assert.deepEqual(check.duplicates.map((d) => [d.drug, d.inputs]).sort(), [
      ['Ibuprofen', ['ibuprofen', 'Nurofen']],
      ['Simvastatin', ['simvastatin', 'Zocor']],
    ]);
  });

  test('combination products are checked component by component', () => {
    const check = kb.checkDrugInteractions(['co-trimoxazole', 'methotrexate']);
    assert.ok(check.interactions.some((i) => i.drugB === 'Trimethoprim' || i.drugA === 'Trimethoprim'));
  });

  test('an interaction id resolves back to the same finding, and a forged one to null', () => {
    const [found] = kb.checkDrugInteractions(['warfarin', 'ibuprofen']).interactions;
    const again = kb.interactionById(found!.id);
    assert.equal(again?.severity, found!.severity);
    assert.equal(again?.ruleId, found!.ruleId);
    assert.equal(kb.interactionById(found!.id.replace(/DB\d{5}$/, 'DB00316')), null, 'the rule does not cover paracetamol');
    assert.equal(kb.interactionById('nonsense'), null);
  });
});
