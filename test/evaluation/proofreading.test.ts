import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { createMedicalWordList, proofread, type ProofIssue, type ProofreadResult } from '../../src/evaluation/proofreading/index.js';
import { MEDICAL_WORDS } from '../fixtures/proofreading/medicalWords.js';

const medicalWords = createMedicalWordList(MEDICAL_WORDS);

const CLEAN_LETTER = `Dear Dr Papadopoulos,

Re: Mrs Nguyen, DOB 12/03/1952

Thank you for seeing Mrs Nguyen, a 67-year-old retired teacher, whom I am referring for review of her poorly controlled type 2 diabetes and hypertension.

Mrs Nguyen was diagnosed with diabetes in 2015 and has been taking metformin 1 g bd since then. Her most recent HbA1c was 9.1%, and her eGFR is 52. Her BP today was 162/94 mmHg despite atorvastatin (Lipitor) 40 mg nocte, amlodipine 10 mg mane and insulin glargine. She has also noticed some ankle oedema and tiredness, which she attributes to her haemoglobin being low. I have organised a full blood count and advised her to reduce her salt intake.

I would be grateful if you could assess her and optimise her management. Please do not hesitate to contact me at clinic@example.org if you require further information.

Yours sincerely,

Dr Sarah Smith
General Practitioner`;

async function check(text: string): Promise<ProofreadResult> {
  const result = await proofread(text, { medicalWords });
  for (const issue of result.issues) assert.equal(issue.text, text.slice(issue.start, issue.end), `span of ${issue.code}`);
  return result;
}

function only(result: ProofreadResult, code: string): ProofIssue[] {
  return result.issues.filter((i) => i.code === code);
}

test('a well-written referral letter with drugs, abbreviations, names and British spelling has no issues', async () => {
  const result = await check(CLEAN_LETTER);
  assert.deepEqual(result.issues, []);
  assert.equal(result.spelling.variety, 'en-GB');
  assert.ok(result.spelling.varietyCounts['en-GB'] >= 3);
  assert.equal(result.spelling.varietyCounts['en-US'], 0);
  assert.equal(result.errorsPer100Words, 0);
  assert.ok(result.words > 100);
});

test('issues are sorted, one per span, and every span is the text it names', async () => {
  const text = 'i recieve the pateint. he have a cough ,and she dont  take her tablets.The the colour is diffrent from the color';
  const result = await check(text);
  const keys = result.issues.map((i) => `${i.start}:${i.end}`);
  assert.equal(new Set(keys).size, keys.length);
  for (let k = 1; k < result.issues.length; k++) assert.ok(result.issues[k - 1]!.start <= result.issues[k]!.start);
  assert.ok(result.issues.length >= 6);
});

test('misspellings are flagged with the intended word among the suggestions', async () => {
  const text = 'I will recieve the pateint who has hypertention on Monday.';
  const result = await check(text);
  const spelling = only(result, 'SPELLING_UNKNOWN_WORD');
  const expected: [string, string][] = [['recieve', 'receive'], ['pateint', 'patient'], ['hypertention', 'hypertension']];
  assert.deepEqual(spelling.map((i) => i.text), expected.map(([w]) => w));
  for (const [i, [, right]] of expected.entries()) assert.ok(spelling[i]!.suggestions?.includes(right), `${right} in ${spelling[i]!.suggestions}`);
  assert.equal(spelling[1]!.suggestion, 'patient');
  assert.equal(result.spelling.misspelled, 3);
});

test('a misspelt word opening a sentence is flagged; an unknown capitalised name mid-sentence is not', async () => {
  const result = await check('Pateint was reviewed by Mr Okonkwo-Adeyemi and Sister Wojciechowska with Ngozi.');
  assert.deepEqual(only(result, 'SPELLING_UNKNOWN_WORD').map((i) => i.text), ['Pateint']);
});

test('the medical word list suppresses drug and disease words the dictionaries reject', async () => {
  const text = 'She takes insulin glargine and insulin aspart.';
  const without = await proofread(text);
  assert.deepEqual(only(without, 'SPELLING_UNKNOWN_WORD').map((i) => i.text), ['glargine', 'aspart']);
  const withList = await check(text);
  assert.deepEqual(withList.issues, []);
});

test('codes, units, URLs and e-mail addresses are not spell-checked', async () => {
  const result = await check('Her SpO2 was 94% on 2L, NT-proBNP 1200 ng/L; see https://www.nhs.uk/condtions or write to xyzzy.qwerty@hsptl.org today.');
  assert.deepEqual(only(result, 'SPELLING_UNKNOWN_WORD'), []);
});

test('mixing British and American spelling flags the minority variety with its counterpart', async () => {
  const result = await check('Her haemoglobin was low and her colour was pale, so we will organise a review of her anemia.');
  assert.equal(result.spelling.variety, 'mixed');
  assert.deepEqual(result.spelling.varietyCounts, { 'en-GB': 3, 'en-AU': 3, 'en-US': 1 });
  const mixed = only(result, 'VARIETY_MIXED_SPELLING');
  assert.deepEqual(mixed.map((i) => [i.text, i.suggestion, i.category]), [['anemia', 'anaemia', 'VARIETY']]);
});

test('a consistently American letter is en-US with no variety issues', async () => {
  const result = await check('Her hemoglobin was low and her color was pale, so we will organize a pediatric review.');
  assert.equal(result.spelling.variety, 'en-US');
  assert.deepEqual(only(result, 'VARIETY_MIXED_SPELLING'), []);
});

// Each rule: [code, text with the error, the flagged text, the suggestion, the correct counterpart].
const RULES: [string, string, string, string | undefined, string][] = [
  ['GRAMMAR_SVA_THIRD_PERSON', 'He have a cough.', 'have', 'has', 'He has a cough.'],
  ['GRAMMAR_SVA_THIRD_PERSON', "She don't take her tablets.", "don't", "doesn't", "She doesn't take her tablets."],
  ['GRAMMAR_SVA_THIRD_PERSON', 'The patient have a fever.', 'have', 'has', 'Does the patient have a fever?'],
  ['GRAMMAR_SVA_THIRD_PERSON', 'Mrs Nguyen take her insulin at night.', 'take', 'takes', 'Mrs Nguyen should take her insulin at night.'],
  ['GRAMMAR_SVA_PLURAL', 'They was admitted on Monday.', 'was', 'were', 'They were admitted on Monday.'],
  ['GRAMMAR_SVA_PLURAL', 'We has arranged a review.', 'has', 'have', 'The advice we gave you was clear.'],
  ['GRAMMAR_THERE_IS_PLURAL', 'There is many complications of diabetes.', 'is', 'are', 'There is some swelling of the ankle.'],
  ['GRAMMAR_DOUBLE_COMPARATIVE', 'She is more better today.', 'more better', 'better', 'She is much better today.'],
  ['GRAMMAR_UNCOUNTABLE_PLURAL', 'I gave him some informations.', 'informations', 'information', 'I gave him some information.'],
  ['GRAMMAR_UNCOUNTABLE_PLURAL', 'She was given several advices.', 'advices', 'advice', 'She was given advice.'],
  ['GRAMMAR_UNCOUNTABLE_PLURAL', 'Many peoples have diabetes.', 'peoples', 'people', 'Indigenous peoples have higher rates of diabetes.'],
  ['GRAMMAR_UNCOUNTABLE_PLURAL', 'The equipments were checked.', 'equipments', 'equipment', 'The equipment was checked.'],
  ['GRAMMAR_ARTICLE_A_AN', 'He has a ulcer on his foot.', 'a', 'an', 'He has an ulcer on his foot.'],
  ['GRAMMAR_ARTICLE_A_AN', 'A HbA1c was requested.', 'A', 'An', 'An HbA1c and a UTI screen were requested.'],
  ['GRAMMAR_ARTICLE_A_AN', 'She had an CT scan.', 'an', 'a', 'She had an MRI scan and a CT scan.'],
  ['GRAMMAR_REPEATED_WORD', 'He was was admitted.', 'was was', 'was', 'He had had a fall.'],
  ['PUNCTUATION_SENTENCE_CAPITAL', 'He is well. she is not.', 'she', 'She', 'He is well. She is not, e.g. she is tired. eGFR was 40.'],
  ['GRAMMAR_LOWERCASE_I', 'Yesterday i saw her.', 'i', 'I', 'Yesterday I saw her, i.e. on Monday.'],
  ['PUNCTUATION_MISSING_FINAL', 'Her blood pressure remains high despite treatment', 'treatment', 'treatment.', 'Her blood pressure remains high despite treatment.'],
  ['PUNCTUATION_SPACE_BEFORE', 'She was tired , and pale.', ' ,', ',', 'She was tired, and pale; take 0.5 mg at 10 : 30.'],
  ['PUNCTUATION_NO_SPACE_AFTER', 'She was tired,and pale.', ',', ', ', 'The dose was 1,000 units, e.g. daily.'],
  ['PUNCTUATION_NO_SPACE_AFTER', 'She was seen today.She is well.', '.', '. ', 'She was seen today. She is well.'],
  ['PUNCTUATION_DOUBLED', 'She was tired,, and pale.', ',,', ',', 'She was tired... and pale.'],
  ['PUNCTUATION_COMMA_SPLICE', 'He was admitted on Monday, he was given fluids.', ',', ';', 'When he was admitted on Monday, he was given fluids.'],
  ['GRAMMAR_COMPLAINT_FOR_COMPLIANT', 'He was complaint with his medication.', 'complaint', 'compliant', 'His main complaint was chest pain.'],
  ['GRAMMAR_PASSIVE_PARTICIPLE', 'He was discharge from hospital yesterday.', 'discharge', 'discharged', 'The plan was discharge home tomorrow.'],
  ['GRAMMAR_MODAL_VERB_FORM', 'She can takes paracetamol.', 'takes', 'take', 'She can take paracetamol.'],
  ['GRAMMAR_MODAL_VERB_FORM', 'He should to rest.', 'should to', 'should', 'He ought to rest and has the will to recover.'],
  ['GRAMMAR_SINCE_DURATION', 'He has had a cough since 3 days.', 'since', 'for', 'He has had a cough since Monday.'],
  ['GRAMMAR_INFORM_WITHOUT_OBJECT', 'I would like to inform about her progress.', 'inform about', 'inform you about', 'She was informed about the risks.'],
  ['GRAMMAR_EXPLAIN_TO', 'Please explain me the results.', 'explain me', 'explain to me', 'I explained her diagnosis to her.'],
  ['GRAMMAR_DISCUSS_ABOUT', 'We discussed about her diet.', 'discussed about', 'discussed', 'We discussed her diet.'],
  ['GRAMMAR_ADVICE_AS_VERB', 'I advice him to stop smoking.', 'advice', 'advise', 'I gave him advice on smoking.'],
  // Learner errors from whole OET letters (eval/proofreadingLetters.ts).
  ['GRAMMAR_SVA_NOUN_SUBJECT', 'His total cholesterol were high.', 'were', 'was', 'His blood pressure and heart rate were high.'],
  ['GRAMMAR_SVA_NOUN_SUBJECT', 'Metformin have been restarted.', 'have', 'has', 'Her family have been informed.'],
  ['GRAMMAR_SVA_NOUN_SUBJECT', 'He is afebrile and the erythema have receded.', 'have', 'has', 'The results of her tests have improved.'],
  ['GRAMMAR_SVA_NOUN_SUBJECT', 'Her medications is listed below.', 'is', 'are', 'Her diabetes is well controlled.'],
  ['GRAMMAR_SVA_THIRD_PERSON', 'He still have chest pain.', 'have', 'has', 'Does he still have chest pain?'],
  ['GRAMMAR_SVA_PLURAL', 'You already takes aspirin.', 'takes', 'take', 'The tablet I gave you works well.'],
  ['GRAMMAR_PERFECT_PARTICIPLE', 'He has stop smoking.', 'stop', 'stopped', 'She has complete heart block.'],
  ['GRAMMAR_PERFECT_PARTICIPLE', 'I have increase his dose.', 'increase', 'increased', 'I have increased his dose.'],
  ['GRAMMAR_PERFECT_FOR_PASSIVE', 'She has discharged home today.', 'has discharged', 'has been discharged', 'She has been discharged home today.'],
  ['GRAMMAR_BE_BASE_FORM', 'Metformin and ramipril were withhold.', 'withhold', 'withheld', 'The course is complete.'],
  ['GRAMMAR_BE_BASE_FORM', 'His pain is respond to rest.', 'respond', 'responding', 'His pain is responding to rest.'],
  ['GRAMMAR_BE_WITH_PAST_TENSE', 'His ECG was showed sinus rhythm.', 'was showed', 'showed', 'His ECG showed sinus rhythm.'],
  ['GRAMMAR_MODAL_PARTICIPLE', 'Compression must not applied yet.', 'applied', 'be applied', 'Compression must not be applied yet.'],
  ['GRAMMAR_PREPOSITION', 'He is allergic with penicillin.', 'with', 'to', 'He had an allergic reaction to penicillin.'],
  ['GRAMMAR_PREPOSITION', 'She takes aspirin in addition of amlodipine.', 'of', 'to', 'She takes aspirin in addition to amlodipine.'],
  ['GRAMMAR_PREPOSITION', 'The organism was sensitive for cefalexin.', 'for', 'to', 'The test is sensitive for venous thrombosis.'],
  ['GRAMMAR_PREPOSITION', 'Her creatinine was high, compare to her baseline.', 'compare to', 'compared with', 'Her creatinine was high compared with her baseline.'],
  ['GRAMMAR_PREPOSITION', 'She was given ceftriaxone, follow by oral cefalexin.', 'follow by', 'followed by', 'We will follow by telephone.'],
  ['GRAMMAR_PREPOSITION', 'She is in high risk of falls.', 'in', 'at', 'She is at high risk of falls.'],
  ['GRAMMAR_DATE_PREPOSITION', 'He was admitted in 14 April.', 'in', 'on', 'He was admitted on 14 April and seen in May.'],
  ['GRAMMAR_DATE_PREPOSITION', 'She hopes to travel on April.', 'on', 'in', 'She hopes to travel on 5 April.'],
  ['GRAMMAR_YOU_FOR_YOUR', 'I am referring him for you assessment.', 'you', 'your', 'I am referring him to you for assessment.'],
  ['GRAMMAR_GERUND_AFTER_VERB', 'Please consider to restart ramipril.', 'consider to restart', 'consider restarting', 'Please consider restarting ramipril.'],
  ['GRAMMAR_FOR_PLUS_VERB', 'I am writing for refer Mr Smith.', 'for', 'to', 'I am writing to refer Mr Smith for review.'],
  ['GRAMMAR_TELL_TO', 'Always tell to any doctor.', 'tell to', 'tell', 'She was told to rest.'],
  ['GRAMMAR_PLURAL_AFTER_NUMBER', 'He has two to three episode a week.', 'episode', 'episodes', 'He had a two week course of antibiotics.'],
  ['GRAMMAR_PLURAL_AFTER_NUMBER', 'Two troponin level were normal.', 'level', 'levels', 'Two troponin levels were normal.'],
  ['GRAMMAR_HYPHENATED_AGE', 'He is a 68-years-old man.', '68-years-old', '68-year-old', 'He is a 68-year-old man.'],
  ['GRAMMAR_MISSING_ARTICLE', 'He presented with six week history of chest pain.', 'six week history', 'a six-week history', 'He presented with a six-week history of chest pain.'],
  ['GRAMMAR_MISSING_ARTICLE', 'I am referring Mrs Finch, 72-year-old woman.', '72-year-old', 'a 72-year-old', 'I am referring Mrs Finch, a 72-year-old woman.'],
  ['GRAMMAR_WEIGHT_WORD_FORM', 'I will weight her weekly.', 'weight', 'weigh', 'I will check her weight weekly.'],
  ['GRAMMAR_WEIGHT_WORD_FORM', 'She has unintentional weight lost.', 'lost', 'loss', 'She has lost weight.'],
  ['GRAMMAR_EVERYDAY_ADVERB', 'Take it once a week, not everyday.', 'everyday', 'every day', 'She manages everyday tasks.'],
  ['GRAMMAR_ARTICLE_BEFORE_PLURAL', 'You will need a blood tests.', 'a', undefined, 'You will need a few blood tests.'],
  ['GRAMMAR_ING_AFTER_CONJUNCTION', 'She is breathless while eat.', 'eat', 'eating', 'She is breathless after exercise.'],
  ['GRAMMAR_SINCE_WITH_PRESENT', 'He is afebrile since 17 April.', 'is', 'has been', 'He has been afebrile since 17 April.'],
  ['GRAMMAR_ADJECTIVE_FOR_ADVERB', 'He is understandable anxious.', 'understandable', 'understandably', 'His concern is understandable.'],
];

function wholeWordIndex(text: string, part: string): number {
  if (!/^\p{L}/u.test(part)) return text.indexOf(part);
  const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').exec(text)?.index ?? -1;
}

for (const [code, wrong, flagged, suggestion, right] of RULES) {
  test(`${code}: "${wrong}" is flagged, "${right}" is not`, async () => {
    const bad = only(await check(wrong), code);
    assert.equal(bad.length, 1, JSON.stringify(bad));
    assert.equal(bad[0]!.text, flagged);
    assert.equal(bad[0]!.start, wholeWordIndex(wrong, flagged));
    assert.equal(bad[0]!.suggestion, suggestion);
    assert.deepEqual((await check(right)).issues, []);
  });
}

test('a 40-word sentence without punctuation is a run-on; one with commas is not', async () => {
  const long = `He came to the clinic ${'and told me that he had been feeling tired '.repeat(4)}and he wanted help.`;
  assert.equal(only(await check(long), 'PUNCTUATION_RUN_ON_SENTENCE').length, 1);
  const punctuated = `He came to the clinic, ${'and told me that he had been feeling tired, '.repeat(4)}and he wanted help.`;
  assert.deepEqual(only(await check(punctuated), 'PUNCTUATION_RUN_ON_SENTENCE'), []);
});

test('clinical notes with units, lists and collective nouns raise none of the agreement and verb-form rules', async () => {
  const notes = [
    'ECG in January showed a QTc of 438 ms. We have supplied a naloxone spray.',
    'Sodium, potassium, urea were normal. The staff were informed and the team have reviewed her.',
    'If her blood pressure were to rise, the plan is continue amlodipine. She has help at home.',
    'The tablets she was given were taken with food. The results obtained were reassuring.',
    'Her husband and son have been told. He had a fall after a night without sleep.',
  ];
  for (const text of notes) {
    const flagged = (await check(text)).issues.filter((i) => i.category === 'GRAMMAR');
    assert.deepEqual(flagged.map((i) => `${i.code} ${i.text}`), [], text);
  }
});

test('an aborted signal rejects', async () => {
  await assert.rejects(proofread('He has a cough.', { signal: AbortSignal.abort() }));
});

test('an empty text has no issues and no words', async () => {
  const result = await proofread('');
  assert.equal(result.words, 0);
  assert.equal(result.errorsPer100Words, 0);
  assert.deepEqual(result.issues, []);
  assert.equal(result.spelling.variety, 'unknown');
});
