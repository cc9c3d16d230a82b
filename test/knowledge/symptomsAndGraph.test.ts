import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { shippedKnowledge } from './support/shippedKnowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

describe('correlateSymptoms', () => {
  test('ranks the conditions that explain the symptoms, with supporting and absent symptoms', () => {
    const result = kb.correlateSymptoms(['fever', 'headache', 'neck stiffness', 'photophobia'], 5);
    const top = result.candidates[0]!;
    assert.match(top.name, /meningitis/i);
    assert.equal(top.supporting.length, 4);
    assert.ok(top.absent.every((a) => !['fever', 'headache'].includes(a.symptom)));
    assert.ok(result.candidates.every((c, i) => i === 0 || result.candidates[i - 1]!.score >= c.score));
  });

  test('shorthand and lay words are recognised (SOB, tummy ache)', () => {
    const result = kb.correlateSymptoms(['SOB', 'wheeze', 'cough'], 3);
    assert.deepEqual(result.unrecognized, []);
    assert.match(result.candidates[0]!.name, /asthma|COPD|obstructive/i);
  });

  test('red flags are marked, with what to do and a reference', () => {
    const result = kb.correlateSymptoms(['chest pain', 'shortness of breath'], 5);
    const flag = result.redFlags.find((f) => f.symptoms.includes('chest pain') && f.symptoms.includes('shortness of breath'));
    assert.ok(flag, 'chest pain with dyspnoea is a red flag');
    assert.ok(flag.action.length > 0 && flag.reference.length > 0);
    assert.ok(result.candidates[0]!.supporting.some((s) => s.redFlag));
    assert.deepEqual(kb.correlateSymptoms(['runny nose', 'sneezing'], 3).redFlags, []);
  });

  test('unknown symptoms are listed, not dropped', () => {
    const result = kb.correlateSymptoms(['fever', 'glorbulence'], 3);
    assert.deepEqual(result.unrecognized, ['glorbulence']);
    assert.ok(result.candidates.length > 0);
  });
});

describe('concept graph', () => {
  test('a concept by id, with its packs', () => {
    const concept = kb.concept('icd10cm:E11.9');
    assert.equal(concept?.name, 'Type 2 diabetes mellitus without complications');
    assert.deepEqual(concept?.packs.includes('icd10cm'), true);
    assert.equal(kb.concept('icd10cm:NOPE'), null);
  });

  test('ICD-10-CM hierarchy: a code is-a its category, the category has the code among its children', async () => {
    const up = await kb.conceptNeighbors('icd10cm:E11.9', { relation: 'is-a', depth: 1 });
    assert.deepEqual(up?.items.filter((n) => n.direction === 'out').map((n) => n.concept.id), ['icd10cm:E11']);
    const down = await kb.conceptNeighbors('icd10cm:E11', { relation: 'is-a', depth: 1, first: 100 });
    assert.ok(down?.items.some((n) => n.concept.id === 'icd10cm:E11.9' && n.direction === 'in'));
  });

  test('brand-of, salt-of and member-of around a drug, and interacts-with one step further', async () => {
    const around = await kb.conceptNeighbors('drugbank:DB00682', { depth: 1, first: 100 });
    const relations = new Set(around?.items.map((n) => n.relation));
    for (const r of ['brand-of', 'salt-of', 'member-of'] as const) assert.ok(relations.has(r), r);
    const twoSteps = await kb.conceptNeighbors('drugbank:DB00682', { depth: 2, first: 100, relation: undefined });
    assert.ok(twoSteps!.totalCount > around!.totalCount);
    const viaClass = await kb.conceptNeighbors('class:vitamin-k-antagonist', { relation: 'interacts-with', depth: 1, first: 100 });
    assert.ok(viaClass!.items.some((n) => n.concept.id === 'class:nsaid'));
  });

  test('neighbourhoods page with cursors', async () => {
    const first = await kb.conceptNeighbors('icd10cm:E11', { depth: 1, first: 4 });
    assert.equal(first?.items.length, 4);
    assert.equal(first?.hasNextPage, true);
    const second = await kb.conceptNeighbors('icd10cm:E11', { depth: 1, first: 4, after: first!.endCursor });
    assert.equal(second?.items.length, 4);
    const ids = new Set([...first!.items, ...second!.items].map((n) => n.concept.id));
    assert.equal(ids.size, 8, 'pages do not overlap');
  });

  test('search by text: exact names first, filtered by kind', async () => {
    const page = await kb.searchConcepts('atorvastatin', { first: 5, kinds: ['drug'] });
    assert.equal(page.items[0]?.concept.id, 'drugbank:DB01076');
    assert.ok(page.items.every((h) => h.concept.kind === 'drug'));
    const lay = await kb.searchConcepts('heart attack', { first: 3 });
    assert.equal(lay.items[0]?.concept.id, 'icd10cm:I21.9');
  });
});
