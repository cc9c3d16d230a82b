import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

/**
 * The knowledge API as a fresh clone serves it: OET_DATA_DIR points at an empty folder, so everything comes from the
 * packs committed in the repository.
 */
describe('knowledge through GraphQL, on a fresh clone (no OET_DATA_DIR)', () => {
  let t: TestEngine;
  let token: string;

  beforeAll(async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'oet-empty-data-'));
    t = await startTestEngine({ OET_DATA_DIR: empty, OET_PACKS_DIR: path.join(empty, 'packs'), OET_KNOWLEDGE_PRELOAD: 'true' });
    token = (await roleTokens()).LEARNER;
  });
  afterAll(() => t.stop());

  const gql = <T>(query: string, variables?: Record<string, unknown>) => postGraphQL<T>(t.graphqlUrl, query, { token, variables });

  it('codes conditions and lists its sources, without file paths', async () => {
    const coded = await gql<{ suggestIcd10Codes: { code: string; billable: boolean; edition: string; evidence: { expandedQuery: string } }[] }>(
      '{ suggestIcd10Codes(text: "T2DM", limit: 3, rerank: false) { code billable edition evidence { expandedQuery } } }',
    );
    assert.equal(coded.errors, undefined);
    assert.equal(coded.data!.suggestIcd10Codes[0]!.code, 'E11.9');
    assert.equal(coded.data!.suggestIcd10Codes[0]!.edition, 'FY2021');
    const sources = await gql<{ knowledgeSources: { id: string; rows: number; commercialUse: boolean; sourceChecksums: string[] }[] }>('{ knowledgeSources { id rows commercialUse sourceChecksums } }');
    const ids = sources.data!.knowledgeSources.map((s) => s.id);
    for (const id of ['icd10cm', 'drugbank-open', 'drugsatfda', 'mesh', 'open-interactions']) assert.ok(ids.includes(id), id);
    assert.ok(!ids.includes('ddinter'), 'opt-in packs only when named');
    assert.equal(sources.data!.knowledgeSources.find((s) => s.id === 'icd10cm')!.rows, 95_358);
    assert.doesNotMatch(JSON.stringify(sources.data), /\/(work|tmp|home|root)\//);
  });

  it('checks interactions with the contract fields, and resolves them through _entities', async () => {
    const check = await gql<{ checkDrugInteractions: { interactions: { id: string; drugA: string; drugB: string; severity: string; mechanism: string; management: string; source: string; licence: string }[]; unrecognized: string[] } }>(
      '{ checkDrugInteractions(drugs: ["Coumadin", "Nurofen", "zzzq"]) { interactions { id drugA drugB severity description mechanism management source licence } unrecognized } }',
    );
    assert.equal(check.errors, undefined);
    const [found] = check.data!.checkDrugInteractions.interactions;
    assert.deepEqual([found!.drugA, found!.drugB, found!.severity], ['Warfarin', 'Ibuprofen', 'MAJOR']);
    expect(check.data!.checkDrugInteractions.unrecognized).toEqual(['zzzq']);
    const entity = await gql<{ _entities: ({ id: string; severity: string } | null)[] }>(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on DrugInteraction { id severity } ... on MedicalConcept { id name } } }',
      { r: [{ __typename: 'DrugInteraction', id: found!.id }, { __typename: 'MedicalConcept', id: 'drugbank:DB01076' }, { __typename: 'MedicalConcept', id: 'nope:1' }] },
    );
    assert.equal(entity.errors, undefined);
    expect(entity.data!._entities).toEqual([{ id: found!.id, severity: 'MAJOR' }, { id: 'drugbank:DB01076', name: 'Atorvastatin' }, null]);
  });

  it('normalises drugs, correlates symptoms and walks the graph', async () => {
    const drug = await gql<{ normalizeDrug: { id: string; name: string; drugbankId: string; matchedBy: string; confidence: number } }>('{ normalizeDrug(name: "frusemide") { id name drugbankId matchedBy confidence } }');
    expect(drug.data!.normalizeDrug).toEqual({ id: 'drugbank:DB00695', name: 'Furosemide', drugbankId: 'DB00695', matchedBy: 'REGIONAL', confidence: 0.98 });
    const symptoms = await gql<{ assessSymptoms: { candidates: { name: string; icd10: string }[]; redFlags: { id: string }[] } }>('{ assessSymptoms(symptoms: ["chest pain", "SOB"], limit: 3) { candidates { name icd10 } redFlags { id } } }');
    assert.equal(symptoms.errors, undefined);
    assert.ok(symptoms.data!.assessSymptoms.redFlags.length > 0);
    const graph = await gql<{ conceptNeighbors: { items: { concept: { id: string }; relation: string; direction: string }[] } }>('{ conceptNeighbors(id: "product:lipitor", relation: BRAND_OF) { items { concept { id } relation direction } } }');
    expect(graph.data!.conceptNeighbors.items).toEqual([{ concept: { id: 'drugbank:DB01076' }, relation: 'BRAND_OF', direction: 'OUT' }]);
  });

  it('answers bad input with clear codes and stays up', async () => {
    const many = await gql('query ($d: [String!]!) { checkDrugInteractions(drugs: $d) { unrecognized } }', { d: Array.from({ length: 500 }, (_, i) => `d${i}`) });
    assert.equal(firstErrorCode(many), 'INPUT_TOO_LARGE');
    const noise = await gql('query ($t: String!) { suggestIcd10Codes(text: $t) { code } }', { t: '\u0000\u0001\uFFFD' });
    assert.equal(firstErrorCode(noise), 'BAD_USER_INPUT');
    const empty = await gql('{ correlateSymptoms(symptoms: []) { name } }');
    assert.equal(firstErrorCode(empty), 'BAD_USER_INPUT');
    const cursor = await gql('{ searchConcepts(text: "asthma", after: "bogus") { totalCount } }');
    assert.equal(firstErrorCode(cursor), 'BAD_USER_INPUT');
    const anonymous = await postGraphQL(t.graphqlUrl, '{ normalizeDrug(name: "warfarin") { id } }');
    assert.equal(firstErrorCode(anonymous), 'UNAUTHENTICATED');
    const ready = await fetch(`${t.url}/ready`);
    const body = (await ready.json()) as { checks: { knowledge: { status: string; ok: boolean } } };
    assert.equal(body.checks.knowledge.status, 'ready');
  });
});
