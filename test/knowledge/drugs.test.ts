import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { shippedKnowledge } from './support/shippedKnowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

function normalized(name: string): { id: string | null; name: string; matchedBy: string; confidence: number } | null {
  const concept = kb.normalizeDrug(name);
  return concept && { id: concept.drugbankId, name: concept.name, matchedBy: concept.matchedBy, confidence: concept.confidence };
}

describe('drug names → one DrugBank concept', () => {
  test('generic names match exactly, with full confidence', () => {
    assert.deepEqual(normalized('Metformin'), { id: 'DB00331', name: 'Metformin', matchedBy: 'GENERIC', confidence: 1 });
    assert.equal(normalized('  WARFARIN ')?.id, 'DB00682');
  });

  test('brands map to their generic drug', () => {
    for (const [brand, id, generic] of [
      ['Lipitor', 'DB01076', 'Atorvastatin'],
      ['Zoloft', 'DB01104', 'Sertraline'],
      ['Panadol', 'DB00316', 'Acetaminophen'],
      ['Nurofen', 'DB01050', 'Ibuprofen'],
    ] as const) {
      const concept = normalized(brand);
      assert.equal(concept?.id, id, brand);
      assert.equal(concept?.name, generic, brand);
      assert.equal(concept?.matchedBy, 'BRAND', brand);
    }
  });

  test('salt forms map to the parent drug', () => {
    for (const [salt, id] of [
      ['metoprolol succinate', 'DB00264'],
      ['atorvastatin calcium', 'DB01076'],
      ['sertraline hydrochloride', 'DB01104'],
      ['Atorvastatin calcium 20 mg tablets', 'DB01076'],
    ] as const) {
      const concept = normalized(salt);
      assert.equal(concept?.id, id, salt);
      assert.equal(concept?.matchedBy, 'SALT', salt);
    }
  });

  test('British and Australian names map to the DrugBank drug', () => {
    const expected: Record<string, string> = {
      paracetamol: 'DB00316',
      adrenaline: 'DB00668',
      frusemide: 'DB00695',
      salbutamol: 'DB01001',
      'glyceryl trinitrate': 'DB00727',
      lignocaine: 'DB00281',
    };
    for (const [name, id] of Object.entries(expected)) assert.equal(normalized(name)?.id, id, name);
  });

  test('combination names give every component', () => {
    for (const name of ['co-amoxiclav', 'Augmentin', 'amoxicillin/clavulanic acid']) {
      const concept = kb.normalizeDrug(name);
      assert.equal(concept?.matchedBy, 'COMBINATION', name);
      assert.equal(concept?.drugbankId, null, name);
      assert.deepEqual(concept?.components.map((c) => c.drugbankId).sort(), ['DB00766', 'DB01060'], name);
    }
    const cotrimoxazole = kb.normalizeDrug('co-trimoxazole');
    assert.deepEqual(cotrimoxazole?.components.map((c) => c.name).sort(), ['Sulfamethoxazole', 'Trimethoprim']);
  });

  test('common misspellings are repaired, with lower confidence', () => {
    for (const [typo, id] of [
      ['amoxicilin', 'DB01060'],
      ['metforman', 'DB00331'],
      ['ibuprofin', 'DB01050'],
      ['paracetemol', 'DB00316'],
    ] as const) {
      const concept = normalized(typo);
      assert.equal(concept?.id, id, typo);
      assert.equal(concept?.matchedBy, 'FUZZY', typo);
      assert.ok(concept!.confidence <= 0.85, `${typo} confidence ${concept!.confidence}`);
    }
  });

  test('near-miss drugs are never turned into each other', () => {
    assert.equal(normalized('hydroxyzine')?.id, 'DB00557');
    assert.equal(normalized('hydralazine')?.id, 'DB01275');
    assert.notEqual(normalized('hydroxyzin')?.id, 'DB01275');
    assert.equal(normalized('clonidine')?.id, 'DB00575');
    assert.equal(normalized('clonazepam')?.id, 'DB01068');
  });

  test('words that are no drug give null, not a guess', () => {
    assert.equal(kb.normalizeDrug('xyzzy'), null);
    assert.equal(kb.normalizeDrug('banana bread'), null);
    assert.equal(kb.normalizeDrug('the patient'), null);
  });
});
