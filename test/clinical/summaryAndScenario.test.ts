import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { ClinicalAnalyzer } from '../../src/clinical/ClinicalAnalyzer.js';
import { groundSummary } from '../../src/clinical/summary/abstractiveSummary.js';
import { summarizeNote } from '../../src/clinical/summary/summarizeNote.js';
import { validateScenario } from '../../src/clinical/scenario/validateScenario.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { hasSmolLm2 } from '../support/paths.js';
import { startService } from '../inference/support.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';

const NOTE = `Presenting complaint: productive cough and fever for 3 days. No chest pain.
PMHx: T2DM, HTN.
Medications: metformin 500 mg PO bd, ramipril 5 mg od.
Allergies: penicillin.
Results: CRP 85, WCC 14.2.
Plan: start doxycycline 200 mg on day 1 then 100 mg od for 5/7. Review in 48 hours.`;

let knowledge: KnowledgeBase;
let analyzer: ClinicalAnalyzer;
beforeAll(async () => {
  knowledge = await shippedKnowledge();
  analyzer = new ClinicalAnalyzer(knowledge);
});

describe('summarizeClinicalNote: extractive', () => {
  test('problems, medications, allergies, results and plan, each a span of the source', async () => {
    const { extractive, abstractive, abstractiveSkipped } = await summarizeNote(NOTE, analyzer, undefined);
    assert.equal(abstractive, null);
    assert.match(abstractiveSkipped!, /no instruction model/);
    for (const items of Object.values(extractive)) for (const item of items) assert.equal(NOTE.slice(item.start, item.end), item.text);
    assert.ok(extractive.problems.some((p) => p.text === 'T2DM') && extractive.problems.some((p) => p.text === 'fever'));
    assert.ok(!extractive.problems.some((p) => p.text === 'chest pain'), 'a negated symptom is not a problem');
    assert.deepEqual(extractive.medications.map((m) => m.text), ['metformin 500 mg PO bd', 'ramipril 5 mg od', 'doxycycline 200 mg']);
    assert.deepEqual(extractive.allergies.map((a) => a.text), ['penicillin']);
    assert.deepEqual(extractive.results.map((r) => r.text), ['Results: CRP 85, WCC 14.2.']);
    assert.equal(extractive.plan.length, 2);
  });
});

describe('summarizeClinicalNote: grounding of generated text', () => {
  test('drugs, doses, numbers and conditions the note does not have are flagged; those it has are not', async () => {
    const source = await analyzer.analyze(NOTE);
    const { unsupported, supportedCount } = await groundSummary(
      { summary: 'Patient with T2DM on metformin 500 mg and warfarin 5 mg for atrial fibrillation; CRP 85 and INR 3.1.', problems: ['T2DM'], medications: ['metformin 500 mg'], plan: [] },
      NOTE,
      source,
      analyzer,
    );
    const flagged = unsupported.map((u) => `${u.kind}:${u.text}`);
    for (const claim of ['drug:warfarin', 'dose:5 mg', 'condition:atrial fibrillation', 'number:3.1']) assert.ok(flagged.includes(claim), `${claim} in ${flagged.join(', ')}`);
    for (const fine of ['drug:metformin', 'dose:500 mg', 'condition:T2DM', 'number:85']) assert.ok(!flagged.includes(fine), `${fine} is supported`);
    assert.ok(supportedCount >= 4);
  });
});

skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('summarizeClinicalNote: abstractive with a real instruction model', () => {
  let inference: InferenceService;
  beforeAll(async () => {
    inference = await startService({ threads: 2, requestTimeoutMs: 300_000 }, { contextSize: 2048 });
  });
  afterAll(() => inference.dispose());

  test('JSON-schema output with every unsupported fact listed', async () => {
    const { abstractive } = await summarizeNote(NOTE, analyzer, inference, { maxTokens: 96 });
    assert.ok(abstractive);
    assert.equal(abstractive.modelId, 'smollm2-135m-instruct');
    assert.equal(typeof abstractive.summary, 'string');
    for (const list of [abstractive.problems, abstractive.medications, abstractive.plan]) assert.ok(Array.isArray(list));
    const source = await analyzer.analyze(NOTE);
    const sourceDrugs = new Set(source.entities.filter((e) => e.category === 'MEDICATION').flatMap((e) => (e.code ?? '').split('+')));
    // Every drug the model wrote is either in the note or listed as unsupported: nothing slips through.
    const generated = [abstractive.summary, ...abstractive.problems, ...abstractive.medications, ...abstractive.plan].join('\n');
    const written = (await analyzer.analyze(generated.trim() || 'none', { useModel: false })).entities.filter((e) => e.category === 'MEDICATION' && e.code);
    for (const drug of written) {
      const inNote = drug.code!.split('+').every((id) => sourceDrugs.has(id));
      assert.ok(inNote || abstractive.unsupported.some((u) => u.kind === 'drug' && u.text === drug.text), `${drug.text} is grounded or flagged`);
    }
  });
});

describe('validateClinicalScenario', () => {
  const types = async (input: Parameters<typeof validateScenario>[0]) => (await validateScenario(input, analyzer, knowledge)).findings.map((f) => `${f.severity} ${f.type}`);

  test('impossible vitals and ages, with offsets into the text', async () => {
    const text = 'A 67-year-old man. HR 110, BP 80/95, SpO2 104%.';
    const report = await validateScenario({ text }, analyzer, knowledge);
    const vital = report.findings.filter((f) => f.type === 'IMPLAUSIBLE_VITAL');
    assert.equal(vital.length, 2);
    for (const f of vital) for (const e of f.evidence) assert.equal(text.slice(e.start!, e.end!), e.text);
    assert.deepEqual(await types({ diagnosis: 'asthma', vitals: { age: 150 } }), ['ERROR IMPLAUSIBLE_AGE']);
  });

  test('doses outside the plausible range, daily methotrexate, and interactions', async () => {
    const found = await types({ medications: ['paracetamol 2 g qds', 'methotrexate 10 mg daily', 'warfarin 5 mg od', 'ibuprofen 400 mg tds'] });
    assert.ok(found.filter((f) => f === 'ERROR DOSE_OUT_OF_RANGE').length >= 3, found.join(', '));
    assert.ok(found.includes('ERROR DRUG_INTERACTION'));
    assert.deepEqual(await types({ medications: ['paracetamol 1 g qds', 'amoxicillin 500 mg tds'] }), [], 'ordinary prescriptions are clean');
  });

  test('allergy and condition contraindications', async () => {
    const report = await validateScenario({ text: 'Allergies: penicillin (anaphylaxis).\nMedications: amoxicillin 500 mg tds.', diagnosis: 'asthma', medications: ['propranolol 40 mg bd'] }, analyzer, knowledge);
    const found = report.findings.map((f) => `${f.severity} ${f.type}`);
    assert.ok(found.includes('ERROR ALLERGY_CONFLICT'));
    assert.ok(found.includes('ERROR CONDITION_CONTRAINDICATION'));
    assert.ok(report.findings.every((f) => f.type !== 'ALLERGY_CONFLICT' || f.reference));
  });

  test('symptoms that do not fit the diagnosis, and red flags the plan misses', async () => {
    const found = await types({ diagnosis: 'asthma', symptoms: ['wheeze', 'haematuria'] });
    assert.ok(found.includes('WARNING SYMPTOM_DIAGNOSIS_MISMATCH'));
    const missed = await types({ diagnosis: 'pneumonia', symptoms: ['chest pain', 'shortness of breath'], plan: 'oral antibiotics and review in a week' });
    assert.ok(missed.includes('WARNING RED_FLAG_NOT_ADDRESSED'));
    const addressed = await types({ diagnosis: 'pneumonia', symptoms: ['chest pain', 'shortness of breath'], plan: 'urgent ECG and senior review' });
    assert.ok(!addressed.includes('WARNING RED_FLAG_NOT_ADDRESSED'));
  });

  test('an empty scenario is bad input', async () => {
    const error = await validateScenario({}, analyzer, knowledge).catch((e: unknown) => e);
    assert.ok(error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT);
  });
});
