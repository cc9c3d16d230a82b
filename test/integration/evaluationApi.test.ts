import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { hasMiniLm, hasSmolLm2, repoRoot } from '../support/paths.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';

const EVALUATE = `mutation ($input: WritingEvaluationInput!) {
  evaluateWriting(input: $input) {
    id kind status estimatedScore grade scoreIsEstimate scorerVersion modelVersions createdAt
    criteria { name score max evidence { start end text } feedback feedbackItems { code kind suggestion } }
    caseNoteCoverage { text relevance used }
    factsChanged { type letter { text } notes { text } }
  }
}`;
const SPEAK = `mutation ($input: SpeakingEvaluationInput!) {
  evaluateSpeaking(input: $input) { id kind estimatedScore criteria { name score max evidence { start end text turn } } indicators { id met } measures { name value } }
}`;

interface Criterion { name: string; score: number; max: number; evidence: { start: number; end: number; text: string }[]; feedback: string[] }
interface Evaluated { id: string; kind: string; status: string; createdAt: string; modelVersions: string; estimatedScore: number; grade: string; scoreIsEstimate: boolean; scorerVersion: string; criteria: Criterion[]; caseNoteCoverage: { text: string; relevance: string; used: boolean }[]; factsChanged: { type: string; letter: { text: string } }[] }

const cases = readFileSync(path.join(repoRoot, 'eval/data/oet-writing/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { caseNotes: string; letterType: string; reader: string; profession: string; letters: { level: string; text: string }[] });
const referral = cases[0]!;
const input = (level: string, extra: Record<string, unknown> = {}) => ({ letter: referral.letters.find((l) => l.level === level)!.text, caseNotes: referral.caseNotes, letterType: referral.letterType, reader: referral.reader, profession: referral.profession, ...extra });
const speaking = readFileSync(path.join(repoRoot, 'eval/data/oet-speaking/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { level: string; profession: string; transcript: unknown[] })[0]!;

describe('OET evaluation through GraphQL', () => {
  let t: TestEngine;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    t = await startTestEngine();
    tokens = await roleTokens();
  });
  afterAll(() => t.stop());

  it('evaluateWriting scores, stores and returns the six criteria with evidence spans in the letter', async () => {
    const res = await postGraphQL<{ evaluateWriting: Evaluated }>(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables: { input: input('facts-changed') } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const e = res.data!.evaluateWriting;
    assert.equal(e.kind, 'WRITING');
    assert.equal(e.status, 'SCORED');
    assert.equal(e.scoreIsEstimate, true);
    assert.equal(e.scorerVersion, 'writing-rules-1');
    assert.match((JSON.parse(e.modelVersions) as Record<string, string>)['language-traits'] ?? '', /^[0-9a-f]{12}$/);
    expect(e.criteria.map((c) => c.name)).toEqual(['Purpose', 'Content', 'Conciseness & Clarity', 'Genre & Style', 'Organisation & Layout', 'Language']);
    const letter = input('facts-changed').letter;
    for (const c of e.criteria) for (const ev of c.evidence) assert.equal(letter.slice(ev.start, ev.end), ev.text);
    assert.ok(e.factsChanged.some((f) => f.type === 'DOSE'), JSON.stringify(e.factsChanged));
    assert.ok(e.caseNoteCoverage.some((n) => n.relevance === 'LEAVE_OUT' && !n.used));

    // Read back by id: the owner sees it, another learner does not, the cohort's assessor does.
    const read = `query ($id: ID!) { evaluation(id: $id) { id submission criteria { name score } caseNoteCoverage { used } } }`;
    const own = await postGraphQL<{ evaluation: { submission: string; criteria: Criterion[] } | null }>(t.graphqlUrl, read, { token: tokens.LEARNER, variables: { id: e.id } });
    assert.equal(own.data!.evaluation!.submission, letter);
    assert.deepEqual(own.data!.evaluation!.criteria.map((c) => c.score), e.criteria.map((c) => c.score));
    const other = await postGraphQL<{ evaluation: unknown }>(t.graphqlUrl, read, { token: tokens.LEARNER2, variables: { id: e.id } });
    assert.equal(other.data!.evaluation, null);
    const assessor = await postGraphQL<{ evaluation: { criteria: Criterion[] } | null }>(t.graphqlUrl, read, { token: tokens.ASSESSOR, variables: { id: e.id } });
    assert.equal(assessor.data!.evaluation!.criteria.length, 6);
  });

  it('a retried request with the same idempotency key returns the same evaluation', async () => {
    const variables = { input: input('strong', { idempotencyKey: 'attempt-42' }) };
    const first = await postGraphQL<{ evaluateWriting: Evaluated }>(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables });
    const second = await postGraphQL<{ evaluateWriting: Evaluated }>(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables });
    assert.equal(first.data!.evaluateWriting.id, second.data!.evaluateWriting.id);
    assert.equal(first.data!.evaluateWriting.createdAt, second.data!.evaluateWriting.createdAt);
  });

  it('bad input gets a stable code, never a crash', async () => {
    const empty = await postGraphQL(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables: { input: input('strong', { letter: '   ' }) } });
    assert.equal(firstErrorCode(empty), 'BAD_USER_INPUT');
    const badType = await postGraphQL(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables: { input: input('strong', { letterType: 'POSTCARD' }) } });
    assert.equal(firstErrorCode(badType), 'BAD_USER_INPUT');
    const noCandidate = await postGraphQL(t.graphqlUrl, SPEAK, { token: tokens.LEARNER, variables: { input: { profession: 'NURSING', transcript: [{ speaker: 'INTERLOCUTOR', text: 'Hello?' }] } } });
    assert.equal(firstErrorCode(noCandidate), 'BAD_USER_INPUT');
    const anonymous = await postGraphQL(t.graphqlUrl, EVALUATE, { variables: { input: input('strong') } });
    assert.equal(firstErrorCode(anonymous), 'UNAUTHENTICATED');
  });

  it('evaluateSpeaking scores the nine criteria with indicator evidence', async () => {
    const res = await postGraphQL<{ evaluateSpeaking: { criteria: Criterion[]; indicators: { id: string; met: boolean | null }[]; measures: { name: string; value: number | null }[] } }>(t.graphqlUrl, SPEAK, { token: tokens.LEARNER, variables: { input: { profession: speaking.profession, transcript: speaking.transcript } } });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const e = res.data!.evaluateSpeaking;
    assert.equal(e.criteria.length, 9);
    expect(e.criteria.map((c) => c.max)).toEqual([6, 6, 6, 6, 3, 3, 3, 3, 3]);
    assert.equal(e.indicators.find((i) => i.id === 'A1')?.met, true);
    assert.ok(e.measures.some((m) => m.name === 'speakingRateWpm' && m.value !== null && m.value > 100));
  });

  it('assessors record scores; analytics report agreement, distributions and progress; re-scoring keeps both', async () => {
    const res = await postGraphQL<{ evaluateWriting: Evaluated }>(t.graphqlUrl, EVALUATE, { token: tokens.LEARNER, variables: { input: input('casual') } });
    const e = res.data!.evaluateWriting;
    const record = `mutation ($id: ID!, $scores: [AssessorScoreInput!]!) { recordAssessorScores(evaluationId: $id, scores: $scores) { id } }`;
    const scores = e.criteria.map((c) => ({ criterion: c.name, score: c.score }));
    const asLearner = await postGraphQL(t.graphqlUrl, record, { token: tokens.LEARNER, variables: { id: e.id, scores } });
    assert.equal(firstErrorCode(asLearner), 'FORBIDDEN');
    const recorded = await postGraphQL(t.graphqlUrl, record, { token: tokens.ASSESSOR, variables: { id: e.id, scores } });
    assert.equal(recorded.errors, undefined, JSON.stringify(recorded.errors));
    const offScale = await postGraphQL(t.graphqlUrl, record, { token: tokens.ASSESSOR, variables: { id: e.id, scores: [{ criterion: 'Purpose', score: 9 }] } });
    assert.equal(firstErrorCode(offScale), 'BAD_USER_INPUT');

    const analytics = `query ($filter: EvaluationAnalyticsFilter!) { evaluationAnalytics(filter: $filter) {
      distribution { criterion score count } means(groupBy: LETTER_TYPE) { criterion group mean count } progress { criterion group mean }
      agreement { criterion n qwk exact adjacent } } }`;
    const a = await postGraphQL<{ evaluationAnalytics: { distribution: { count: number }[]; means: { group: string }[]; progress: { group: string }[]; agreement: { criterion: string; n: number; exact: number }[] } }>(t.graphqlUrl, analytics, { token: tokens.ASSESSOR, variables: { filter: { kind: 'WRITING' } } });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    const view = a.data!.evaluationAnalytics;
    assert.equal(view.agreement.length, 6);
    for (const row of view.agreement) {
      assert.equal(row.n, 1);
      assert.equal(row.exact, 1, 'the assessor gave the engine’s scores');
    }
    assert.ok(view.distribution.reduce((s, d) => s + d.count, 0) >= 6);
    assert.ok(view.means.every((m) => m.group === 'REFERRAL'));
    assert.match(view.progress[0]!.group, /^\d{4}-W\d{2}$/);

    const learnerView = await postGraphQL<{ evaluationAnalytics: { agreement: unknown[] } }>(t.graphqlUrl, analytics, { token: tokens.LEARNER2, variables: { filter: { kind: 'WRITING' } } });
    expect(learnerView.data!.evaluationAnalytics.agreement).toEqual([]); // 'a learner of another cohort sees none of it'

    const rescored = await postGraphQL<{ rescoreEvaluation: { id: string; rescoredFromId: string; criteria: Criterion[] } }>(t.graphqlUrl, 'mutation ($id: ID!) { rescoreEvaluation(id: $id) { id rescoredFromId criteria { name score } } }', { token: tokens.ASSESSOR, variables: { id: e.id } });
    assert.equal(rescored.errors, undefined, JSON.stringify(rescored.errors));
    assert.equal(rescored.data!.rescoreEvaluation.rescoredFromId, e.id);
    assert.notEqual(rescored.data!.rescoreEvaluation.id, e.id);
    assert.deepEqual(rescored.data!.rescoreEvaluation.criteria.map((c) => c.score), e.criteria.map((c) => c.score), 'same scorer, same scores');
    const old = await postGraphQL<{ evaluation: { id: string } | null }>(t.graphqlUrl, 'query ($id: ID!) { evaluation(id: $id) { id } }', { token: tokens.LEARNER, variables: { id: e.id } });
    assert.equal(old.data!.evaluation!.id, e.id, 'the original is kept');
  });

  it('evaluation latency is exported for the operators, by kind and outcome', async () => {
    const body = await (await fetch(`${t.url}/metrics`)).text();
    const scored = /^oet_evaluation_duration_seconds_count\{kind="WRITING",outcome="scored"\} (\d+)/m.exec(body);
    assert.ok(scored && Number(scored[1]) >= 3, 'the writing evaluations above were timed');
    assert.match(body, /^oet_evaluation_duration_seconds_count\{kind="WRITING",outcome="failed"\} [1-9]/m, 'the empty letter was timed as failed');
  });

  it('assessLanguage returns the six ELLIPSE traits labelled non-commercial', async () => {
    const res = await postGraphQL<{ assessLanguage: Record<string, number | string | boolean> }>(t.graphqlUrl, '{ assessLanguage(text: "The patient were admit yesterday because he have chest pain and he dont take his tablet.") { cohesion syntax vocabulary phraseology grammar conventions head commercialUse } }', { token: tokens.LEARNER });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const a = res.data!.assessLanguage;
    for (const trait of ['cohesion', 'syntax', 'vocabulary', 'phraseology', 'grammar', 'conventions']) assert.ok((a[trait] as number) >= 1 && (a[trait] as number) <= 5);
    assert.equal(a.commercialUse, false);
    // The most informed head whose inputs this machine has: the encoder's embedding and SmolLM2's token likelihoods.
    assert.equal(a.head, ['features', hasMiniLm ? '+embedding' : '', hasSmolLm2 ? '+likelihood' : ''].join('').replace(/^features\+/, 'features+'));
    const empty = await postGraphQL(t.graphqlUrl, '{ assessLanguage(text: "  ") { grammar } }', { token: tokens.LEARNER });
    assert.equal(firstErrorCode(empty), 'BAD_USER_INPUT');
  });
});
