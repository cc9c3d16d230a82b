import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from '@jest/globals';
import { detectPhi } from '../../src/safety/phi/detectPhi.js';
import { REDACTION_STRATEGIES, redactSpans } from '../../src/safety/redaction/redactPhi.js';
import { shiftDate } from '../../src/safety/redaction/surrogates.js';

const NOTE = `Re: Mrs Aisha Rahman, DOB 14/07/1952, NHS No. 943 476 5919
Mrs Rahman was admitted on 12 March 2024 from 12 Smith Street, Parramatta NSW 2150.
Her daughter, Grace Rahman, can be reached on 0412 345 678 or grace.r@example.com.
Aisha was discharged on 2024-03-19.`;

const key = randomBytes(32);
const spans = detectPhi(NOTE);

describe('redactPhi strategies', () => {
  for (const strategy of REDACTION_STRATEGIES) {
    test(`${strategy}: nothing of a found span survives, and offsets map both ways`, () => {
      const r = redactSpans(NOTE, spans, { strategy, key });
      assert.equal(r.spans.length, spans.length);
      for (const s of r.spans) {
        const original = NOTE.slice(s.start, s.end);
        const replaced = r.text.slice(s.redactedStart, s.redactedEnd);
        assert.equal(replaced, s.replacement);
        // No word of the original (3+ characters) is in its replacement; a shifted date may keep its year, which alone
        // is not PHI (HIPAA Safe Harbor).
        const words = original.split(/[\s,./-]+/).filter((w) => w.length >= 3 && !(s.type === 'DATE' && /^(?:19|20)\d\d$/.test(w)));
        for (const word of words) assert.ok(!replaced.includes(word), `${strategy}: "${word}" survives in "${replaced}"`);
        assert.equal(r.offsets.toRedacted(s.start), s.redactedStart);
        assert.equal(r.offsets.toOriginal(s.redactedStart), s.start);
      }
      // Text between the spans is untouched and maps across.
      const at = NOTE.indexOf('was admitted');
      assert.equal(r.text.slice(r.offsets.toRedacted(at), r.offsets.toRedacted(at) + 12), 'was admitted');
      for (const name of ['Aisha', 'Rahman', '943 476 5919', 'grace.r@example.com', 'Smith Street']) assert.ok(!r.text.includes(name), `${strategy} left ${name}`);
    });
  }

  test('PLACEHOLDER writes the type; MASK keeps the length', () => {
    const placeholder = redactSpans(NOTE, spans, { strategy: 'PLACEHOLDER' });
    assert.match(placeholder.text, /^Re: Mrs \[NAME\], DOB \[DATE\], NHS No\. \[INSURANCE_ID\]/);
    const mask = redactSpans(NOTE, spans, { strategy: 'MASK' });
    assert.equal(mask.text.length, NOTE.length);
  });

  test('SURROGATE keeps one person one person, and moves every date by the same days', () => {
    const r = redactSpans(NOTE, spans, { strategy: 'SURROGATE', key, documentKey: 'note-1' });
    const surname = r.spans.filter((s) => s.type === 'NAME').map((s) => s.replacement);
    // "Aisha Rahman", "Rahman", "Grace Rahman", "Aisha": the surname and the given name map consistently.
    const [fullName, surnameOnly, daughter, givenOnly] = surname;
    assert.equal(fullName!.split(' ')[1], surnameOnly);
    assert.equal(daughter!.split(' ')[1], surnameOnly);
    assert.equal(fullName!.split(' ')[0], givenOnly);
    assert.ok(r.dateShiftDays !== null && r.dateShiftDays !== 0);
    const again = redactSpans(NOTE, spans, { strategy: 'SURROGATE', key, documentKey: 'note-1' });
    assert.equal(again.text, r.text, 'same key and document: same surrogates');
    const admitted = r.spans.find((s) => NOTE.slice(s.start, s.end) === '12 March 2024')!;
    assert.equal(admitted.replacement, shiftDate('12 March 2024', r.dateShiftDays!));
  });

  test('HASH links the same value and differs by key', () => {
    const a = redactSpans('Seen Mr John Okafor. Mr John Okafor agreed.', detectPhi('Seen Mr John Okafor. Mr John Okafor agreed.'), { strategy: 'HASH', key });
    const [first, second] = a.spans.map((s) => s.replacement);
    assert.equal(first, second);
    const b = redactSpans('Seen Mr John Okafor.', detectPhi('Seen Mr John Okafor.'), { strategy: 'HASH', key: randomBytes(32) });
    assert.notEqual(b.spans[0]!.replacement, first);
  });

  test('shiftDate keeps the written format', () => {
    assert.equal(shiftDate('14/07/1952', 10), '24/07/1952');
    assert.equal(shiftDate('2024-03-19', -19), '2024-02-29');
    assert.equal(shiftDate('12 March 2024', 30), '11 April 2024');
    assert.equal(shiftDate('March 12th, 2024', 1), 'March 13th, 2024');
    assert.equal(shiftDate('03/14/2024', 1), '03/15/2024');
  });
});
