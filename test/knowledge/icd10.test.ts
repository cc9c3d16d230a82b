import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { shippedKnowledge } from './support/shippedKnowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

async function top(text: string): Promise<string | undefined> {
  return (await kb.suggestIcd10Codes(text, { limit: 5 }))[0]?.code;
}

describe('suggestIcd10Codes', () => {
  test('common conditions written several ways reach the same code', async () => {
    const ways: Record<string, string[]> = {
      'E11.9': ['type 2 diabetes', 'T2DM', 'diabetes mellitus type 2', 'Type 2 diabetes mellitus'],
      I10: ['hypertension', 'HTN', 'high blood pressure'],
      'J44.9': ['COPD', 'chronic obstructive pulmonary disease'],
      'R60.9': ['oedema', 'edema'],
      'D64.9': ['anaemia', 'anemia'],
      'R19.7': ['diarrhoea', 'diarrhea'],
      'J18.9': ['pneumonia', 'pnemonia', 'CAP'],
      'I21.9': ['heart attack', 'acute myocardial infarction', 'MI'],
    };
    for (const [code, phrases] of Object.entries(ways)) {
      for (const phrase of phrases) assert.equal(await top(phrase), code, `"${phrase}"`);
    }
  });

  test('a bare phrase codes to the billable unspecified code, and says which header it came from', async () => {
    const [first] = await kb.suggestIcd10Codes('heart failure');
    assert.equal(first?.code, 'I50.9');
    assert.equal(first?.billable, true);
    assert.equal(first?.edition, 'FY2021');
    const [diabetes] = await kb.suggestIcd10Codes('Type 2 diabetes mellitus');
    assert.equal(diabetes?.code, 'E11.9');
    assert.equal(diabetes?.evidence.fromHeader, 'E11');
  });

  test('a title that negates a word does not match a phrase naming it', async () => {
    const codes = (await kb.suggestIcd10Codes('severe sepsis with septic shock', { limit: 5 })).map((s) => s.code);
    assert.equal(codes[0], 'R65.21');
    assert.ok(codes.indexOf('R65.20') === -1 || codes.indexOf('R65.20') > 0);
  });

  test('evidence names the matched title or synonym and the expanded abbreviation', async () => {
    const [htn] = await kb.suggestIcd10Codes('HTN');
    assert.equal(htn?.code, 'I10');
    const [lay] = await kb.suggestIcd10Codes('heart attack');
    assert.equal(lay?.evidence.via, 'synonym');
    assert.equal(lay?.evidence.matchedName.toLowerCase(), 'heart attack');
  });

  test('limit is honoured and scores fall from first to last', async () => {
    const suggestions = await kb.suggestIcd10Codes('fracture of femur', { limit: 7 });
    assert.equal(suggestions.length, 7);
    for (let i = 1; i < suggestions.length; i++) assert.ok(suggestions[i - 1]!.score >= suggestions[i]!.score);
  });

  test('nonsense gives no suggestion rather than a random code', async () => {
    assert.deepEqual(await kb.suggestIcd10Codes('qwzx vbnm'), []);
  });
});
