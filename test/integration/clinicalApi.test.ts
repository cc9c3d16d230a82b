import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

const ANALYZE = `mutation ($text: String!, $store: Boolean!) {
  analyzeClinicalText(text: $text, options: { store: $store }) {
    id stored likelyEnglish recognizers { dictionary model }
    entities { id text start end category negated uncertain historical family hypothetical code codeSystem confidence section contextCues { kind text start end } }
    medications { drug generic status dose route frequency duration asNeeded indication }
    allergies { substance }
    conditions { code description }
    sections { kind heading start end }
  }
}`;

interface Analysis {
  id: string;
  stored: boolean;
  entities: { id: string; text: string; start: number; end: number; category: string; negated: boolean; family: boolean; code: string | null; contextCues: { kind: string; text: string }[] }[];
  medications: { drug: string; status: string; dose: string | null; frequency: string | null }[];
  allergies: { substance: string }[];
  conditions: { code: string }[];
  sections: { kind: string }[];
}

describe('analyzeClinicalText through GraphQL', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine();
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  const note = 'PMHx: HTN.\nMedications: amlodipine 5 mg od\nAllergies: penicillin\nNo chest pain.\nFHx: mother - diabetes.';

  it('answers entities with offsets, context evidence, medications, allergies, coded conditions and sections', async () => {
    const res = await postGraphQL<{ analyzeClinicalText: Analysis }>(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: note, store: false } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const a = res.data!.analyzeClinicalText;
    for (const e of a.entities) assert.equal(note.slice(e.start, e.end), e.text);
    const chestPain = a.entities.find((e) => e.text === 'chest pain')!;
    assert.equal(chestPain.negated, true);
    expect(chestPain.contextCues.map((c) => [c.kind, c.text])).toEqual([['NEGATED', 'No']]);
    assert.equal(a.entities.find((e) => e.text === 'diabetes')!.family, true);
    expect(a.medications.map((m) => [m.drug, m.status, m.dose, m.frequency])).toEqual([
      ['amlodipine', 'current', '5 mg', 'once daily'],
      ['penicillin', 'allergy', null, null],
    ]);
    expect(a.conditions.map((c) => c.code)).toEqual(['I10']);
    expect(a.sections.map((s) => s.kind)).toEqual(['past_history', 'medications', 'allergies', 'family_history']);
    assert.equal(a.stored, false);
  });

  it('stores entities when asked: they resolve by id for their owner, through _entities, and not for another learner', async () => {
    const res = await postGraphQL<{ analyzeClinicalText: Analysis }>(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: note, store: true } });
    assert.equal(res.errors, undefined);
    const first = res.data!.analyzeClinicalText.entities[0]!;
    const own = await postGraphQL<{ medicalEntity: { text: string; start: number; hypothetical: boolean; codeSystem: string } | null }>(t.graphqlUrl, `{ medicalEntity(id: "${first.id}") { text start hypothetical codeSystem } }`, { token: tokens.LEARNER });
    assert.equal(own.data!.medicalEntity?.text, first.text);
    assert.equal(own.data!.medicalEntity?.start, first.start);
    const viaEntities = await postGraphQL<{ _entities: ({ id: string } | null)[] }>(t.graphqlUrl, `query ($r: [_Any!]!) { _entities(representations: $r) { ... on MedicalEntity { id } } }`, { token: tokens.LEARNER, variables: { r: [{ __typename: 'MedicalEntity', id: first.id }] } });
    expect(viaEntities.data!._entities).toEqual([{ id: first.id }]);
    const other = await postGraphQL<{ medicalEntity: unknown }>(t.graphqlUrl, `{ medicalEntity(id: "${first.id}") { text } }`, { token: tokens.LEARNER2 });
    assert.equal(other.data!.medicalEntity, null);
  });

  it('bad input gets clear codes', async () => {
    const empty = await postGraphQL(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: '  ', store: false } });
    assert.equal(firstErrorCode(empty), 'BAD_USER_INPUT');
    const binary = await postGraphQL(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: 'ab\u0000\u0001', store: false } });
    assert.equal(firstErrorCode(binary), 'BAD_USER_INPUT');
    const huge = await postGraphQL(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: 'pain '.repeat(5000), store: false } });
    assert.equal(firstErrorCode(huge), 'INPUT_TOO_LARGE');
    const anonymous = await postGraphQL(t.graphqlUrl, ANALYZE, { variables: { text: 'No fever.', store: false } });
    assert.equal(firstErrorCode(anonymous), 'UNAUTHENTICATED');
  });
});
