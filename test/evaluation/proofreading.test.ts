import assert from 'node:assert/strict';
import { test } from 'node:test';
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
