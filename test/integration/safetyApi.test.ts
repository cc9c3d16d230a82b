import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

const ANALYZE = `mutation ($text: String!, $source: String, $use: SafetyUse) {
  analyzeSafety(text: $text, source: $source, use: $use) { id kind verdict findings { category type severity start end text evidence suggestion verdict } }
}`;
const REDACT = `query ($text: String!, $strategy: RedactionStrategy) {
  redactPhi(text: $text, strategy: $strategy) { text strategy dateShiftDays findings { type start end redactedStart redactedEnd replacement } }
}`;

interface Finding { category: string; type: string; severity: string; start: number; end: number; text: string; evidence: string | null; suggestion: string | null; verdict: string }
interface Report { id: string; kind: string; verdict: string; findings: Finding[] }

describe('safety through GraphQL', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine();
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  const letter = 'Dear Dr Patel, I am writing about Mrs Aisha Rahman (NHS No. 943 476 5919), who is non-compliant with her warfarin.';

  it('analyzeSafety reports PHI and bias with exact spans, stores the report for its owner only', async () => {
    const res = await postGraphQL<{ analyzeSafety: Report }>(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: letter } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const report = res.data!.analyzeSafety;
    assert.equal(report.kind, 'LEARNER_INPUT');
    assert.equal(report.verdict, 'WARN');
    for (const f of report.findings) assert.equal(letter.slice(f.start, f.end), f.text);
    expect(report.findings.map((f) => [f.category, f.type, f.text])).toEqual([
      ['PHI', 'NAME', 'Patel'],
      ['PHI', 'NAME', 'Aisha Rahman'],
      ['PHI', 'INSURANCE_ID', '943 476 5919'],
      ['BIAS', 'JUDGEMENTAL', 'non-compliant'],
    ]);
    const mine = await postGraphQL<{ safetyReport: { id: string; findings: Finding[] } | null }>(t.graphqlUrl, `{ safetyReport(id: "${report.id}") { id findings { type } } }`, { token: tokens.LEARNER });
    assert.equal(mine.data!.safetyReport!.findings.length, 4);
    const other = await postGraphQL<{ safetyReport: unknown }>(t.graphqlUrl, `{ safetyReport(id: "${report.id}") { id } }`, { token: tokens.LEARNER2 });
    assert.equal(other.data?.safetyReport ?? null, null);
  });

  it('analyzeSafety blocks harmful model output and flags what the source does not support', async () => {
    const res = await postGraphQL<{ analyzeSafety: Report }>(t.graphqlUrl, ANALYZE, {
      token: tokens.ASSESSOR,
      variables: { text: 'Continue metformin 2000 mg BD. You should just kill yourself.', source: 'Meds: metformin 500 mg BD.', use: 'MODEL_OUTPUT' },
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const report = res.data!.analyzeSafety;
    assert.equal(report.verdict, 'BLOCK');
    assert.ok(report.findings.some((f) => f.category === 'HALLUCINATION' && f.type === 'DOSE' && /500 mg/.test(f.evidence ?? '')));
    assert.ok(report.findings.some((f) => f.category === 'CONTENT' && f.type === 'SELF_HARM' && f.verdict === 'BLOCK'));
  });

  it('redactPhi answers each strategy with offsets that map into the redacted text', async () => {
    for (const strategy of ['MASK', 'PLACEHOLDER', 'SURROGATE', 'HASH']) {
      const res = await postGraphQL<{ redactPhi: { text: string; findings: { type: string; start: number; end: number; redactedStart: number; redactedEnd: number; replacement: string }[] } }>(t.graphqlUrl, REDACT, { token: tokens.LEARNER, variables: { text: letter, strategy } });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const r = res.data!.redactPhi;
      assert.equal(r.findings.length, 3);
      for (const f of r.findings) {
        assert.equal(r.text.slice(f.redactedStart, f.redactedEnd), f.replacement);
        assert.ok(!r.text.includes(letter.slice(f.start, f.end)), `${strategy} kept ${letter.slice(f.start, f.end)}`);
      }
    }
  });

  it('bad input gets clear codes', async () => {
    const empty = await postGraphQL(t.graphqlUrl, ANALYZE, { token: tokens.LEARNER, variables: { text: '   ' } });
    assert.equal(firstErrorCode(empty), 'BAD_USER_INPUT');
    const huge = await postGraphQL(t.graphqlUrl, REDACT, { token: tokens.LEARNER, variables: { text: 'x'.repeat(60_000) } });
    assert.ok(['INPUT_TOO_LARGE'].includes(firstErrorCode(huge) ?? ''), JSON.stringify(huge.errors));
    const binary = await postGraphQL(t.graphqlUrl, REDACT, { token: tokens.LEARNER, variables: { text: 'abc\u0000def' } });
    assert.equal(firstErrorCode(binary), 'BAD_USER_INPUT');
    const badEnum = await postGraphQL(t.graphqlUrl, REDACT, { token: tokens.LEARNER, variables: { text: 'x', strategy: 'SHRED' } });
    assert.equal(firstErrorCode(badEnum), 'BAD_USER_INPUT');
    const claim = await postGraphQL(t.graphqlUrl, '{ verifyClaim(claim: "", evidence: "x") { label } }', { token: tokens.LEARNER });
    assert.equal(firstErrorCode(claim), 'BAD_USER_INPUT');
  });
});
