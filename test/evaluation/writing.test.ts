import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import { ClinicalProvider } from '../../src/clinical/ClinicalProvider.js';
import { EvaluationProvider } from '../../src/evaluation/EvaluationProvider.js';
import type { CriterionResult } from '../../src/evaluation/types.js';
import { parseCaseNotes } from '../../src/evaluation/writing/caseNotes.js';
import { letterParts } from '../../src/evaluation/writing/letterParts.js';
import { KnowledgeProvider } from '../../src/knowledge/KnowledgeProvider.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';
import { repoRoot } from '../support/paths.js';

interface Case {
  caseId: string;
  profession: 'MEDICINE';
  letterType: string;
  reader: string;
  task: string;
  caseNotes: string;
  letters: { level: string; text: string }[];
}

// Two dev cases of the labelled set (eval/data/oet-writing): a referral to a colleague and advice to a patient.
const cases = readFileSync(path.join(repoRoot, 'eval/data/oet-writing/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Case);
const referral = cases.find((c) => c.caseId === 'med-referral-cardiology')!;
const advice = cases.find((c) => c.reader === 'PATIENT')!;
const letter = (c: Case, level: string) => c.letters.find((l) => l.level === level)!.text;

const knowledge = new KnowledgeProvider(() => shippedKnowledge());
const provider = new EvaluationProvider(knowledge, new ClinicalProvider(knowledge));
const score = (criteria: CriterionResult[], name: string) => criteria.find((c) => c.name === name)!.score;
const evaluate = (c: Case, level: string) => provider.evaluateWriting({ letter: letter(c, level), caseNotes: c.caseNotes, letterType: c.letterType, reader: c.reader, profession: c.profession, task: c.task });

describe('letter parts', () => {
  it('finds the recipient, full date, Re: line with name and date of birth, salutation, paragraphs, closing and role', () => {
    const text = letter(referral, 'strong');
    const parts = letterParts(text);
    assert.deepEqual(parts.recipient.map((l) => l.text).slice(0, 2), ['Dr Helen Ward', 'Cardiologist']);
    assert.equal(parts.date?.text, '17 March 2026');
    assert.equal(parts.date?.fullForm, true);
    assert.equal(parts.re?.hasName, true);
    assert.equal(parts.re?.hasDateOfBirthOrAge, true);
    assert.equal(parts.salutation?.kind, 'TITLE_AND_NAME');
    assert.equal(parts.closing?.kind, 'SINCERELY');
    assert.equal(parts.signOff[0]?.text, 'General Practitioner');
    assert.equal(parts.paragraphs.length, 5);
    assert.ok(parts.body.text.startsWith('I am writing to refer'));
    assert.ok(parts.bodyWords > 180 && parts.bodyWords < 230, `body words ${parts.bodyWords}`);
  });

  it('reads a letter with no layout as one body', () => {
    const parts = letterParts('He has chest pain. Please see him.');
    assert.equal(parts.salutation, null);
    assert.equal(parts.closing, null);
    assert.equal(parts.body.text, 'He has chest pain. Please see him.');
  });
});

describe('case notes', () => {
  it('splits headed notes into items by section and keeps the patient name', () => {
    const notes = parseCaseNotes(referral.caseNotes);
    assert.deepEqual(notes.patientName, { title: 'Mr', first: 'Graham', last: 'Peterson' });
    const section = (fragment: string) => notes.items.find((i) => i.text.includes(fragment))?.section;
    assert.equal(section('Keen fisherman'), 'SOCIAL');
    assert.equal(section('Appendicectomy'), 'HISTORY');
    assert.equal(section('Amlodipine 5 mg'), 'MEDICATIONS');
    assert.equal(section('Refer to cardiologist'), 'PLAN');
    for (const item of notes.items) assert.equal(referral.caseNotes.slice(item.start, item.end), item.text);
  });
});

describe('evaluateWriting on labelled letters', () => {
  it('scores the six criteria on their scales with exact evidence spans', async () => {
    const text = letter(referral, 'strong');
    const result = await evaluate(referral, 'strong');
    assert.deepEqual(result.criteria.map((c) => [c.name, c.max]), [['Purpose', 3], ['Content', 7], ['Conciseness & Clarity', 7], ['Genre & Style', 7], ['Organisation & Layout', 7], ['Language', 7]]);
    for (const c of result.criteria) {
      assert.ok(c.score >= 0 && c.score <= c.max);
      for (const e of c.evidence) assert.equal(text.slice(e.start, e.end), e.text);
      for (const f of c.feedback) if (f.evidence) assert.equal(text.slice(f.evidence.start, f.evidence.end), f.evidence.text);
    }
    assert.equal(score(result.criteria, 'Purpose'), 3);
    assert.equal(result.estimate, true);
    assert.ok(result.estimatedScore >= 350, `strong letter estimated ${result.estimatedScore}`);
  });

  it('orders each weakened letter below the strong one on the criterion it weakens', async () => {
    const strong = (await evaluate(referral, 'strong')).criteria;
    const expectations: [string, string][] = [
      ['no-purpose', 'Purpose'],
      ['casual', 'Genre & Style'],
      ['copied-notes', 'Conciseness & Clarity'],
      ['language-errors', 'Language'],
      ['facts-changed', 'Content'],
    ];
    for (const [level, criterion] of expectations) {
      const weaker = (await evaluate(referral, level)).criteria;
      assert.ok(score(weaker, criterion) < score(strong, criterion), `${level}: ${criterion} ${score(weaker, criterion)} vs strong ${score(strong, criterion)}`);
    }
  });

  it('finds facts changed from the notes — a drug swapped, a dose raised, "ruled out" turned into "confirmed" — and not brand names', async () => {
    const result = await evaluate(referral, 'facts-changed');
    const changed = result.factsChanged.map((f) => `${f.type}:${f.text}`);
    assert.ok(result.factsChanged.some((f) => f.type === 'DOSE' && /10 mg/.test(f.text)), changed.join(', '));
    assert.ok(result.factsChanged.some((f) => /clopidogrel/i.test(f.text)), changed.join(', '));
    assert.equal((await evaluate(referral, 'strong')).factsChanged.filter((f) => f.type === 'DOSE' || f.type === 'DRUG').length, 0);
    const brand = await provider.evaluateWriting({ letter: letter(referral, 'strong').replace('atorvastatin to 80 mg', 'Lipitor to 80 mg'), caseNotes: referral.caseNotes, letterType: 'REFERRAL', reader: 'COLLEAGUE', profession: 'MEDICINE' });
    assert.equal(brand.factsChanged.filter((f) => /lipitor/i.test(f.text)).length, 0);
  });

  it('marks down a letter to a patient written in unexplained jargon', async () => {
    const strong = (await evaluate(advice, 'strong')).criteria;
    const jargon = await evaluate(advice, 'wrong-reader');
    assert.ok(score(jargon.criteria, 'Genre & Style') < score(strong, 'Genre & Style'));
    assert.ok(jargon.criteria.find((c) => c.name === 'Genre & Style')!.feedback.some((f) => f.code === 'STYLE_UNEXPLAINED_TERM'));
  });

  it('says which case-note items were used and which should have been left out', async () => {
    const copied = await evaluate(referral, 'copied-notes');
    const fisherman = copied.notes.find((n) => n.text.includes('Keen fisherman'))!;
    assert.equal(fisherman.relevance, 'LEAVE_OUT');
    assert.equal(fisherman.used, true);
    const strong = await evaluate(referral, 'strong');
    assert.equal(strong.notes.find((n) => n.text.includes('Keen fisherman'))!.used, false);
    assert.equal(strong.notes.find((n) => n.text.includes('Allergy: penicillin'))!.used, true);
  });

  it('refuses empty letters, missing notes and unknown letter types with BAD_USER_INPUT', async () => {
    const base = { letter: 'Dear Dr Ward,', caseNotes: 'Plan:\n- refer', letterType: 'REFERRAL', reader: 'COLLEAGUE', profession: 'MEDICINE' as const };
    for (const bad of [{ ...base, letter: '  ' }, { ...base, caseNotes: '' }, { ...base, letterType: 'POSTCARD' }, { ...base, reader: 'ROBOT' }]) {
      await assert.rejects(provider.evaluateWriting(bad), (e: { code?: string }) => e.code === 'BAD_USER_INPUT');
    }
  });
});
