import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { getNamedType, isObjectType } from 'graphql';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { collect, firstErrorCode, postGraphQL, wsClient } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';
import { repoRoot } from '../support/paths.js';
import { permissionRules } from '../../src/graphql/permissions.js';
import { createEngineSchema } from '../../src/graphql/createEngineSchema.js';

type Who = 'ANONYMOUS' | 'LEARNER' | 'ASSESSOR' | 'ADMIN' | 'SERVICE';
const WHO: Who[] = ['ANONYMOUS', 'LEARNER', 'ASSESSOR', 'ADMIN', 'SERVICE'];
type Expect = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'MODEL_NOT_FOUND' | 'NOT_FOUND';

const anyUser: Record<Who, Expect> = { ANONYMOUS: 'UNAUTHENTICATED', LEARNER: 'ok', ASSESSOR: 'ok', ADMIN: 'ok', SERVICE: 'ok' };
const adminOnly: Record<Who, Expect> = { ANONYMOUS: 'UNAUTHENTICATED', LEARNER: 'FORBIDDEN', ASSESSOR: 'FORBIDDEN', ADMIN: 'ok', SERVICE: 'FORBIDDEN' };
const adminOrService: Record<Who, Expect> = { ...adminOnly, SERVICE: 'ok' };
const learnerOrAdmin: Record<Who, Expect> = { ...adminOnly, LEARNER: 'ok' };
// Past the permission check an unknown evaluation id is NOT_FOUND: that is what proves the role was admitted.
const assessorOrAdminOnMissing: Record<Who, Expect> = { ANONYMOUS: 'UNAUTHENTICATED', LEARNER: 'FORBIDDEN', ASSESSOR: 'NOT_FOUND', ADMIN: 'NOT_FOUND', SERVICE: 'FORBIDDEN' };
// verifyClaim needs the trained claim verifier: a checkout without it answers MODEL_NOT_FOUND past the permission check.
const hasClaimVerifier = existsSync(path.join(repoRoot, 'models/claim-verifier/onnx/model_quantized.onnx'));
const anyUserWithClaimModel: Record<Who, Expect> = hasClaimVerifier ? anyUser : { ANONYMOUS: 'UNAUTHENTICATED', LEARNER: 'MODEL_NOT_FOUND', ASSESSOR: 'MODEL_NOT_FOUND', ADMIN: 'MODEL_NOT_FOUND', SERVICE: 'MODEL_NOT_FOUND' };
const everyone: Record<Who, Expect> = { ANONYMOUS: 'ok', LEARNER: 'ok', ASSESSOR: 'ok', ADMIN: 'ok', SERVICE: 'ok' };

/** One operation per root field, and who may run it. A root field missing here fails the coverage test. */
const MATRIX: Record<string, { type: 'Query' | 'Mutation' | 'Subscription'; document: string; expect: Record<Who, Expect> }> = {
  _service: { type: 'Query', document: '{ _service { sdl } }', expect: everyone },
  _entities: { type: 'Query', document: '{ _entities(representations: [{ __typename: "ModelInfo", id: "stories260k" }]) { ... on ModelInfo { id state } } }', expect: anyUser },
  me: { type: 'Query', document: '{ me { id roles } }', expect: anyUser },
  evaluation: { type: 'Query', document: '{ evaluation(id: "nope") { id } }', expect: anyUser },
  evaluations: { type: 'Query', document: '{ evaluations { id } }', expect: anyUser },
  medicalEntity: { type: 'Query', document: '{ medicalEntity(id: "nope") { id } }', expect: anyUser },
  medicalEntities: { type: 'Query', document: '{ medicalEntities { id } }', expect: anyUser },
  safetyReport: { type: 'Query', document: '{ safetyReport(id: "nope") { id } }', expect: anyUser },
  safetyReports: { type: 'Query', document: '{ safetyReports { id } }', expect: anyUser },
  drugInteraction: { type: 'Query', document: '{ drugInteraction(id: "nope") { id } }', expect: anyUser },
  knowledgeSources: { type: 'Query', document: '{ knowledgeSources { id licence } }', expect: anyUser },
  normalizeDrug: { type: 'Query', document: '{ normalizeDrug(name: "Lipitor") { drugbankId } }', expect: anyUser },
  checkDrugInteractions: { type: 'Query', document: '{ checkDrugInteractions(drugs: ["warfarin", "ibuprofen"]) { unrecognized } }', expect: anyUser },
  suggestIcd10Codes: { type: 'Query', document: '{ suggestIcd10Codes(text: "asthma", rerank: false) { code } }', expect: anyUser },
  correlateSymptoms: { type: 'Query', document: '{ correlateSymptoms(symptoms: ["fever"]) { name } }', expect: anyUser },
  assessSymptoms: { type: 'Query', document: '{ assessSymptoms(symptoms: ["fever"]) { unrecognized } }', expect: anyUser },
  concept: { type: 'Query', document: '{ concept(id: "icd10cm:I10") { name } }', expect: anyUser },
  searchConcepts: { type: 'Query', document: '{ searchConcepts(text: "asthma", first: 1) { totalCount } }', expect: anyUser },
  conceptNeighbors: { type: 'Query', document: '{ conceptNeighbors(id: "icd10cm:I10", first: 1) { totalCount } }', expect: anyUser },
  summarizeClinicalNote: { type: 'Query', document: '{ summarizeClinicalNote(text: "PMHx: asthma.", abstractive: false) { abstractiveSkipped } }', expect: anyUser },
  validateClinicalScenario: { type: 'Query', document: '{ validateClinicalScenario(input: { diagnosis: "asthma", symptoms: ["wheeze"] }) { diagnosisCode } }', expect: anyUser },
  redactPhi: { type: 'Query', document: '{ redactPhi(text: "Seen Mrs Aisha Rahman on 12/03/2024.") { text } }', expect: anyUser },
  verifyClaim: { type: 'Query', document: '{ verifyClaim(claim: "Masks reduce transmission.", evidence: "Mask wearing reduced transmission in households.") { label score } }', expect: anyUserWithClaimModel },
  models: { type: 'Query', document: '{ models { id state } }', expect: anyUser },
  model: { type: 'Query', document: '{ model(id: "stories260k") { id fileSizeBytes } }', expect: anyUser },
  embed: { type: 'Query', document: '{ embed(texts: ["chest pain"]) }', expect: anyUser },
  modelAliases: { type: 'Query', document: '{ modelAliases { name } }', expect: adminOrService },
  auditLog: { type: 'Query', document: '{ auditLog { id operation } }', expect: adminOnly },
  analytics: { type: 'Query', document: '{ analytics { operation total } }', expect: adminOrService },
  inferenceStats: { type: 'Query', document: '{ inferenceStats { queueDepth } }', expect: adminOrService },
  submitEvaluation: { type: 'Mutation', document: 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Smith," }) { id } }', expect: learnerOrAdmin },
  generate: { type: 'Mutation', document: 'mutation { generate(input: { model: "tiny", prompt: "Once", maxTokens: 2 }) { text } }', expect: anyUser },
  analyzeSafety: { type: 'Mutation', document: 'mutation { analyzeSafety(text: "Mrs Aisha Rahman is non-compliant.") { id verdict findings { category type start end } } }', expect: anyUser },
  analyzeClinicalText: { type: 'Mutation', document: 'mutation { analyzeClinicalText(text: "No chest pain.") { id } }', expect: anyUser },
  loadModel: { type: 'Mutation', document: 'mutation { loadModel(id: "stories260k") { id state } }', expect: adminOnly },
  unloadModel: { type: 'Mutation', document: 'mutation { unloadModel(id: "stories260k") { id state } }', expect: adminOnly },
  setModelAlias: { type: 'Mutation', document: 'mutation { setModelAlias(name: "matrix", variants: [{ modelId: "stories260k" }]) { name } }', expect: adminOnly },
  evaluateWriting: { type: 'Mutation', document: 'mutation { evaluateWriting(input: { letter: "Dear Dr Ward,\\n\\nI am writing to refer Mr Peterson with angina.\\n\\nYours sincerely,\\nGP", caseNotes: "Plan:\\n- Refer to cardiologist", letterType: REFERRAL, profession: MEDICINE, reader: COLLEAGUE }) { id criteria { name score } } }', expect: anyUser },
  evaluateSpeaking: { type: 'Mutation', document: 'mutation { evaluateSpeaking(input: { profession: NURSING, transcript: [{ speaker: CANDIDATE, text: "Hello, I am the nurse. How are you feeling today?" }, { speaker: INTERLOCUTOR, text: "A bit worried." }] }) { id criteria { name score } } }', expect: anyUser },
  rescoreEvaluation: { type: 'Mutation', document: 'mutation { rescoreEvaluation(id: "nope") { id } }', expect: assessorOrAdminOnMissing },
  recordAssessorScores: { type: 'Mutation', document: 'mutation { recordAssessorScores(evaluationId: "nope", scores: [{ criterion: "Purpose", score: 2 }]) { id } }', expect: assessorOrAdminOnMissing },
  assessLanguage: { type: 'Query', document: '{ assessLanguage(text: "The patient was admitted with chest pain and discharged home the next day.") { grammar conventions head } }', expect: anyUser },
  evaluationAnalytics: { type: 'Query', document: '{ evaluationAnalytics(filter: { kind: "WRITING" }) { distribution { criterion score count } means(groupBy: PROFESSION) { criterion mean } } }', expect: anyUser },
  backgroundJob: { type: 'Query', document: '{ backgroundJob(id: "nope") { id state } }', expect: adminOnly },
  rescoreEvaluations: { type: 'Mutation', document: 'mutation { rescoreEvaluations(input: { evaluationIds: [] }) { id state } }', expect: adminOnly },
  generateStream: { type: 'Subscription', document: 'subscription { generateStream(input: { model: "tiny", prompt: "Once", maxTokens: 2 }) { text done } }', expect: anyUser },
  evaluationUpdated: { type: 'Subscription', document: 'subscription { evaluationUpdated { id } }', expect: anyUser },
};

describe('role × root-field matrix (deny by default)', () => {
  let t: TestEngine;
  let tokens: Record<Who, string | undefined>;
  beforeAll(async () => {
    t = await startTestEngine();
    const signed = await roleTokens();
    tokens = { ANONYMOUS: undefined, LEARNER: signed.LEARNER, ASSESSOR: signed.ASSESSOR, ADMIN: signed.ADMIN, SERVICE: signed.SERVICE };
  });
  afterAll(() => t.stop());

  it('covers every root field of the schema, and every one has an explicit rule', async () => {
    const schema = await createEngineSchema({ maxTextChars: 100 });
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
    const rootFields = roots.flatMap((root) => Object.keys(root?.getFields() ?? {}));
    assert.deepEqual(rootFields.sort(), Object.keys(MATRIX).sort());
    const rules = permissionRules as Record<string, Record<string, unknown>>;
    for (const [field, row] of Object.entries(MATRIX)) assert.ok(rules[row.type]?.[field], `no rule for ${row.type}.${field}`);
    // Every object type reachable in the schema has rules too (fallback deny would hide it otherwise).
    for (const type of Object.values(schema.getTypeMap())) {
      if (isObjectType(type) && !type.name.startsWith('__') && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
        assert.ok(rules[getNamedType(type).name], `no rule for type ${type.name}`);
      }
    }
  });

  for (const [field, row] of Object.entries(MATRIX)) {
    for (const who of WHO) {
      const expected = row.expect[who];
      it(`${row.type}.${field} as ${who} → ${expected}`, async () => {
        if (row.type === 'Subscription') {
          const client = wsClient(t.wsUrl, tokens[who]);
          const sub = collect(client, row.document);
          try {
            if (field === 'evaluationUpdated') {
              // Nothing arrives until something is published: no error within a short wait means accepted.
              await new Promise((r) => setTimeout(r, 300));
            } else await sub.waitFor(1, 20_000);
            if (expected === 'ok') {
              assert.deepEqual(sub.errors, []);
            } else {
              // Without a token the connection itself is refused (close 4403).
              assert.ok(sub.errors.length > 0, 'expected the subscription to be refused');
            }
          } finally {
            sub.unsubscribe();
            await client.dispose();
          }
          return;
        }
        const res = await postGraphQL(t.graphqlUrl, row.document, { token: tokens[who] });
        if (expected === 'ok') assert.deepEqual(res.errors ?? [], [], JSON.stringify(res.errors));
        else assert.equal(firstErrorCode(res), expected, JSON.stringify(res));
      });
    }
  }
});
