import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import { ClinicalAnalyzer } from '../../src/clinical/ClinicalAnalyzer.js';
import { splitSentences } from '../../src/clinical/text/tokenize.js';
import { checkBias } from '../../src/safety/bias/checkBias.js';
import { filterContent } from '../../src/safety/content/filterContent.js';
import { SafetyPolicy } from '../../src/safety/policy/SafetyPolicy.js';
import { SafetyAnalyzer } from '../../src/safety/SafetyAnalyzer.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';

let safety: SafetyAnalyzer;
beforeAll(async () => {
  const knowledge = await shippedKnowledge();
  safety = new SafetyAnalyzer({ knowledge, clinical: new ClinicalAnalyzer(knowledge) });
});

const bias = (text: string) => checkBias(text, splitSentences(text));
const content = (text: string) => filterContent(text, splitSentences(text)).map((f) => f.category);

describe('bias and inclusive language', () => {
  test('judgemental, gendered, stereotyping and condition-first wording, each with a neutral alternative', async () => {
    const found = await bias('The patient is non-compliant and a known drug seeker. The male nurse said the diabetic in bed 4 is wheelchair-bound. Asian patients are always stoic.');
    assert.deepEqual(found.map((f) => [f.type, f.text]), [
      ['JUDGEMENTAL', 'non-compliant'],
      ['JUDGEMENTAL', 'drug seeker'],
      ['GENDERED', 'male nurse'],
      ['DISABILITY', 'the diabetic'],
      ['DISABILITY', 'wheelchair-bound'],
      ['STEREOTYPE', 'Asian patients are'],
    ]);
    for (const f of found) assert.ok(f.suggestion.length > 0);
  });

  test('clinical words that alex and retext-equality misfire on are not flagged', async () => {
    const text = "The patient's husband was present; he was discharged home. Black stools and a raised white cell count. Crazy paving pattern on CT. Psychomotor retardation noted. Cervical smear normal. She has a master's degree. People with diabetes were offered review. He is a wheelchair user. History of alcohol use disorder.";
    assert.deepEqual((await bias(text)).map((f) => f.text), []);
  });
});

describe('content filter', () => {
  test('harm with intent is flagged in its category', () => {
    assert.deepEqual(content('Tell the patient that 40 tablets of her amitriptyline will be enough to end it painlessly.').sort(), ['DANGEROUS_CLINICAL', 'SELF_HARM']);
    assert.deepEqual(content("I'll kill you if you touch my mother again."), ['VIOLENCE']);
    assert.deepEqual(content("Don't document the wrong dose, just change the drug chart so nobody finds out."), ['DANGEROUS_CLINICAL']);
  });

  test('ordinary clinical content is not refused', () => {
    const negatives = [
      'Have you had any thoughts of ending your life?',
      'Paracetamol overdose: start acetylcysteine if the level is above the treatment line.',
      'Take a sexual history, including contraception and STI risk.',
      'Documented bruising consistent with assault; safeguarding referral made.',
      'The maximum daily dose of paracetamol for adults is 4 g.',
      'Do not combine warfarin with aspirin without review.',
      'He asked for a pain killer and the nurse hung a new drip.',
    ];
    for (const text of negatives) assert.deepEqual(content(text), [], text);
  });
});

describe('SafetyAnalyzer', () => {
  test('fact-check findings cite the knowledge-pack entry they rest on', async () => {
    const report = await safety.analyze('Warfarin and aspirin can be safely taken together. Metformin is a beta blocker. Paracetamol 5 g QID. Code E11.9 means asthma.', { categories: ['FACT'] });
    const byType = new Map(report.findings.map((f) => [f.type, f]));
    assert.match(byType.get('INTERACTION_DENIED')!.evidence!, /\[open-interactions:[^\]]+\]/);
    assert.match(byType.get('WRONG_DRUG_CLASS')!.evidence!, /\[open-interactions:class:beta-blocker\]/);
    assert.match(byType.get('DOSE_OUT_OF_RANGE')!.evidence!, /\[dose-ranges:/);
    assert.match(byType.get('WRONG_ICD_MEANING')!.evidence!, /\[icd10cm:E11\.9\]/);
    assert.equal(report.verdict, 'WARN');
  });

  test('a drug said to be for a condition its licensed indications do not include is flagged, citing the pack', async () => {
    const wrong = await safety.analyze('Metformin is used to treat hypertension.', { categories: ['FACT'] });
    const finding = wrong.findings.find((f) => f.type === 'INDICATION_UNSUPPORTED');
    assert.ok(finding, JSON.stringify(wrong.findings));
    assert.match(finding.evidence!, /\[indications:Metformin\]/);
    const right = await safety.analyze('Metformin is used to treat type 2 diabetes. Amlodipine is prescribed for hypertension.', { categories: ['FACT'] });
    assert.deepEqual(right.findings.filter((f) => f.type === 'INDICATION_UNSUPPORTED'), []);
  });

  test('hallucinated doses, drugs, numbers and flipped negations are flagged with the source evidence', async () => {
    const source = 'PMHx: HTN, T2DM (2015). Meds: metformin 500mg BD, ramipril 5mg mane. NKDA. Denies chest pain. BP 150/90.';
    const output = 'He has hypertension and type 2 diabetes, takes metformin 1000 mg BD and Lipitor 20 mg, and is allergic to penicillin. He reports chest pain. BP 130/80.';
    const report = await safety.analyze(output, { source, use: 'MODEL_OUTPUT', categories: ['HALLUCINATION'] });
    const got = report.findings.map((f) => [f.type, f.text]);
    assert.deepEqual(got, [
      ['DOSE', 'metformin 1000 mg BD'],
      ['DRUG', 'Lipitor'],
      ['NEGATION_FLIP', 'penicillin'],
      ['NEGATION_FLIP', 'chest pain'],
      ['NUMBER', '130/80'],
    ]);
    assert.match(report.findings[0]!.evidence!, /metformin 500mg BD/);
    // A faithful paraphrase (brand for generic, abbreviation expanded, facts left out) raises nothing.
    const faithful = await safety.analyze('Known hypertension and type 2 diabetes on metformin 500 mg twice daily. No known drug allergies.', { source, use: 'MODEL_OUTPUT', categories: ['HALLUCINATION'] });
    assert.deepEqual(faithful.findings.map((f) => [f.type, f.text]), []);
  });

  test('the policy turns findings into a verdict per use and role', async () => {
    const harmful = 'You should just kill yourself.';
    assert.equal((await safety.analyze(harmful, { use: 'MODEL_OUTPUT' })).verdict, 'BLOCK');
    const relaxed = new SafetyPolicy(JSON.parse('{"uses":{"MODEL_OUTPUT":{"CONTENT":{"HIGH":"BLOCK"}}},"roles":{"ADMIN":{"MODEL_OUTPUT":{"CONTENT":{"HIGH":"WARN"}}}}}'));
    assert.equal(relaxed.verdictFor('CONTENT', 'HIGH', 'MODEL_OUTPUT', ['ADMIN']), 'WARN');
    assert.equal(relaxed.verdictFor('CONTENT', 'HIGH', 'MODEL_OUTPUT', ['LEARNER']), 'BLOCK');
    assert.throws(() => SafetyPolicy.fromJson('{"uses":{"MODEL_OUTPUT":{"CONTNET":{"HIGH":"BLOCK"}}}}'), /unknown category "CONTNET"/);
  });
});

describe('retext-equality pre-filter', () => {
  test("reads the plugin's own word table (or every sentence would be parsed: ~10 ms per 500 characters)", async () => {
    const { triggerWords } = await import('../../src/safety/bias/equalityLinter.js');
    const words = triggerWords();
    assert.ok(words && words.size > 200, `got ${words?.size}`);
    assert.ok(words.has('fireman') && !words.has('husband'), 'allow-listed words do not trigger the parser');
  });
});
