import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import {
  chiValid,
  emiratesIdValid,
  ihiValid,
  medicareAuValid,
  nhiValid,
  nhsValid,
  nricValid,
  ppsnValid,
  sinValid,
  ssnPlausible,
} from '../../src/safety/phi/checkDigits.js';
import { detectPhi } from '../../src/safety/phi/detectPhi.js';
import type { PhiType } from '../../src/safety/phi/phiTypes.js';

/** The spans of `text` as `TYPE:text` strings, in order. */
function found(text: string): string[] {
  return detectPhi(text).map((s) => `${s.type}:${s.text}`);
}

function assertFinds(text: string, expected: [PhiType, string][]): void {
  const spans = found(text);
  for (const [type, value] of expected) assert.ok(spans.includes(`${type}:${value}`), `expected ${type} "${value}" in ${JSON.stringify(spans)}`);
}

describe('check digits', () => {
  test('accept published or computed valid identifiers and reject one-digit changes', () => {
    const cases: [(v: string) => boolean, string, string][] = [
      [nhsValid, '943 476 5919', '943 476 5918'],
      [chiValid, '2308324260', '2308324261'],
      [medicareAuValid, '2123 45670 1', '2123 45680 1'],
      [ihiValid, '8003 6012 3456 7894', '8003 6012 3456 7895'],
      [nhiValid, 'ZZZ0016', 'ZZZ0017'],
      [nhiValid, 'ZZZ00AX', 'ZZZ00AY'],
      [ppsnValid, '1234567T', '1234567A'],
      [sinValid, '130 714 421', '130 714 422'],
      [nricValid, 'S1234567D', 'S1234567E'],
      [emiratesIdValid, '784-1968-6570305-0', '784-1968-6570305-1'],
    ];
    for (const [valid, good, bad] of cases) {
      assert.equal(valid(good), true, `${valid.name}(${good})`);
      assert.equal(valid(bad), false, `${valid.name}(${bad})`);
    }
    assert.equal(ssnPlausible('123-45-6789'), true);
    assert.equal(ssnPlausible('666-45-6789'), false);
    assert.equal(ssnPlausible('912-45-6789'), false);
  });
});

describe('detectPhi: identifiers by country, with exact boundaries and types', () => {
  test('UK and Ireland: NHS, CHI, NINO, PPSN, hospital numbers, postcodes and Eircodes', () => {
    assertFinds('NHS No. 943 476 5919. Hospital No: K4418203. NI number AB 12 34 56 C. Lives at 27 Tilehurst Road, Reading, Berkshire RG1 7TW.', [
      ['INSURANCE_ID', '943 476 5919'],
      ['MRN', 'K4418203'],
      ['NATIONAL_ID', 'AB 12 34 56 C'],
      ['ADDRESS', '27 Tilehurst Road, Reading, Berkshire RG1 7TW'],
    ]);
    assertFinds('CHI 2308324260 on the wristband. PPSN 1234567T. Address: Cloonacauneen, Claregalway, Co. Galway H91 E2P8', [
      ['INSURANCE_ID', '2308324260'],
      ['NATIONAL_ID', '1234567T'],
      ['ADDRESS', 'Cloonacauneen, Claregalway, Co. Galway H91 E2P8'],
    ]);
  });

  test('Australia and New Zealand: Medicare with its issue number, IHI, NHI, UR numbers', () => {
    assertFinds('Medicare 2123 45670 1, IHI 8003 6012 3456 7894, UR A1289473. NHI ZZZ0016 and the new-format ZZZ00AX.', [
      ['INSURANCE_ID', '2123 45670 1'],
      ['INSURANCE_ID', '8003 6012 3456 7894'],
      ['MRN', 'A1289473'],
      ['INSURANCE_ID', 'ZZZ0016'],
      ['INSURANCE_ID', 'ZZZ00AX'],
    ]);
  });

  test('North America: SSN, SIN, MBI, ZIP and Canadian postcodes', () => {
    assertFinds('SSN: 123-45-6789. SIN 130 714 421. Medicare MBI: 1EG4-TE5-MK73. Home: 6024 S Calumet Ave, Apt 2R, Chicago, IL 60637', [
      ['NATIONAL_ID', '123-45-6789'],
      ['NATIONAL_ID', '130 714 421'],
      ['INSURANCE_ID', '1EG4-TE5-MK73'],
      ['ADDRESS', '6024 S Calumet Ave, Apt 2R, Chicago, IL 60637'],
    ]);
  });

  test('Singapore and the Gulf: NRIC, Emirates ID, insurer cards, villa addresses', () => {
    assertFinds('NRIC S1234567D. Emirates ID: 784-1968-6570305-0. Thiqa card no.: 10041872236. Address: Villa 22, Street 14, Khalifa City A, Abu Dhabi', [
      ['NATIONAL_ID', 'S1234567D'],
      ['NATIONAL_ID', '784-1968-6570305-0'],
      ['INSURANCE_ID', '10041872236'],
      ['ADDRESS', 'Villa 22, Street 14, Khalifa City A, Abu Dhabi'],
    ]);
  });

  test('contact details, links, devices and accounts', () => {
    assertFinds('Call 0412 345 678 or +44 20 7946 0958 (fax (02) 9876 5432), email grace.r@example.com, portal https://clinic.example.org/p/77 from 192.168.1.20. Pacemaker serial no. PM4471-22. IBAN GB82 WEST 1234 5698 7654 32.', [
      ['PHONE', '0412 345 678'],
      ['PHONE', '+44 20 7946 0958'],
      ['PHONE', '(02) 9876 5432'],
      ['EMAIL', 'grace.r@example.com'],
      ['URL', 'https://clinic.example.org/p/77'],
      ['IP', '192.168.1.20'],
      ['DEVICE_ID', 'PM4471-22'],
      ['ACCOUNT', 'GB82 WEST 1234 5698 7654 32'],
    ]);
  });
});

describe('detectPhi: names, dates and ages', () => {
  test('names with titles, initials, particles and non-Anglo forms, without the title', () => {
    assertFinds('Dear Dr. A. K. Sharma, I saw Mrs Siti Aminah binte Yusof and Mr Ramasamy s/o Krishnan with Sheikha Lama Al-Qahtani.', [
      ['NAME', 'A. K. Sharma'],
      ['NAME', 'Siti Aminah binte Yusof'],
      ['NAME', 'Ramasamy s/o Krishnan'],
      ['NAME', 'Lama Al-Qahtani'],
    ]);
  });

  test('names from labels, relations, sign-offs and credentials; a found name is found again', () => {
    const text = 'Patient: Aroha Te Rangi\nNOK: her daughter, Grace, 021 555 0199.\nHanded over by Mere Rāwiri (RN). Aroha slept well.\n\nKind regards,\nTan Wei Ming';
    assertFinds(text, [
      ['NAME', 'Aroha Te Rangi'],
      ['NAME', 'Grace'],
      ['NAME', 'Mere Rāwiri'],
      ['NAME', 'Aroha'],
      ['NAME', 'Tan Wei Ming'],
    ]);
  });

  test('dates with a day or month; years alone, times and relative dates are not PHI', () => {
    assertFinds('DOB 14/07/1952. Admitted 2024-03-12, seen on 3 June 2024 and March 12th; review in August. Start 4/8.', [
      ['DATE', '14/07/1952'],
      ['DATE', '2024-03-12'],
      ['DATE', '3 June 2024'],
      ['DATE', 'March 12th'],
      ['DATE', 'August'],
      ['DATE', '4/8'],
    ]);
    assert.deepEqual(found('Diagnosed in 2015, 3 days ago; obs at 14:30 yesterday; GCS 14/15, power 4/5.'), []);
  });

  test('ages over 89 are PHI as the number alone; 89 and under are not', () => {
    assertFinds('A 94-year-old woman; her husband, aged 92; Mrs Isobel McAllister, 91, CHI 2308324260.', [
      ['AGE', '94'],
      ['AGE', '92'],
      ['AGE', '91'],
    ]);
    assert.deepEqual(found('A 76-year-old man, aged 89.').filter((s) => s.startsWith('AGE')), []);
  });
});

describe('detectPhi: clinical words are not PHI', () => {
  test('eponyms, programmes, abbreviations, doses, scores and organisations', () => {
    const text = [
      "Known Parkinson's disease, Hodgkin lymphoma in remission and Graves' disease. Down syndrome. Apgar score 9 at 5 minutes.",
      "Crohn's disease, Bell's palsy and Wilson's disease reviewed. She is eligible for Medicare and called NHS 111.",
      'Paracetamol 1 g QID, INR 2.5, eGFR 45, HbA1c 58 mmol/mol, NEWS2 3, BP 150/90, Hb 98 g/L.',
      "Bed 12, Ward 7B at St Vincent's Hospital; the GP and the registrar agreed. She flew in from Manila in 2019.",
    ].join(' ');
    assert.deepEqual(found(text), []);
  });
});
