import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from '@jest/globals';
import { detectPhi } from '../../src/safety/phi/detectPhi.js';
import { redactSpans } from '../../src/safety/redaction/redactPhi.js';

const NOTE = `Re: Mrs Aisha Rahman, DOB 14/07/1952, NHS No. 943 476 5919, MRN A1289473
Seen at 12 Smith Street, Parramatta NSW 2150; call 0412 345 678 or grace.r@example.com; IP 10.20.30.40.`;

test('a surrogate never repeats a piece of its original, whatever the key (400 keys)', () => {
  const spans = detectPhi(NOTE);
  for (let i = 0; i < 400; i++) {
    const r = redactSpans(NOTE, spans, { strategy: 'SURROGATE', key: randomBytes(32) });
    for (const s of r.spans) {
      if (s.type === 'NAME' || s.type === 'DATE') continue; // names map token by token; a shifted date may keep its year
      const words = NOTE.slice(s.start, s.end).toLowerCase().split(/[\s,./-]+/).filter((w) => w.length >= 3);
      for (const w of words) assert.ok(!s.replacement.toLowerCase().includes(w), `${s.type} "${NOTE.slice(s.start, s.end)}" → "${s.replacement}" keeps "${w}"`);
    }
  }
});
