import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { applyContext, type MentionContext } from '../../src/clinical/context/ConText.js';
import { splitSentences, tokenize } from '../../src/clinical/text/tokenize.js';

/** The context of `target` (its first occurrence) in `text`. */
function contextOf(text: string, target: string): MentionContext {
  const start = text.indexOf(target);
  assert.ok(start >= 0, `"${target}" is in "${text}"`);
  const end = start + target.length;
  const sentence = splitSentences(text).find((s) => start >= s.start && end <= s.end)!;
  return applyContext(tokenize(text, sentence.start, sentence.end), [{ start, end }])[0]!;
}

const flags = (c: MentionContext) => (['negated', 'uncertain', 'historical', 'family', 'hypothetical'] as const).filter((f) => c[f]);

describe('ConText', () => {
  test('negation, with the cue as evidence', () => {
    const c = contextOf('Patient denies chest pain or shortness of breath.', 'shortness of breath');
    assert.deepEqual(flags(c), ['negated']);
    assert.deepEqual(c.cues.map((q) => [q.kind, q.text, q.start]), [['NEGATED', 'denies', 8]]);
    assert.deepEqual(flags(contextOf('Chest X-ray: no evidence of pneumothorax.', 'pneumothorax')), ['negated']);
    assert.deepEqual(flags(contextOf('PE has been ruled out.', 'PE')), ['negated']);
  });

  test('uncertainty: possible, query, rule out, cannot exclude', () => {
    for (const [text, target] of [
      ['Possible community-acquired pneumonia.', 'community-acquired pneumonia'],
      ['? PE', 'PE'],
      ['Admitted to r/o MI.', 'MI'],
      ['Cannot exclude appendicitis at this stage.', 'appendicitis'],
    ]) assert.deepEqual(flags(contextOf(text!, target!)), ['uncertain'], text);
  });

  test('historical, family and hypothetical', () => {
    assert.deepEqual(flags(contextOf('History of MI in 2015, now well.', 'MI')), ['historical']);
    assert.deepEqual(flags(contextOf('Her mother had breast cancer.', 'breast cancer')), ['family']);
    assert.deepEqual(flags(contextOf('FHx: father - type 2 diabetes.', 'type 2 diabetes')), ['family']);
    assert.deepEqual(flags(contextOf('Return to ED if chest pain recurs.', 'chest pain')), ['hypothetical']);
  });

  test('pseudo-cues do not trigger', () => {
    assert.deepEqual(flags(contextOf('No increase in pain overnight.', 'pain')), []);
    assert.deepEqual(flags(contextOf('Blood cultures grew gram negative bacilli.', 'bacilli')), []);
    assert.deepEqual(flags(contextOf('She walks without difficulty and has knee pain.', 'knee pain')), []);
  });

  test('scope ends at a terminator and at the sentence end', () => {
    assert.deepEqual(flags(contextOf('No fever but has a productive cough.', 'productive cough')), []);
    assert.deepEqual(flags(contextOf('No fever but has a productive cough.', 'fever')), ['negated']);
    assert.deepEqual(flags(contextOf('Denies vomiting. Abdominal pain since Monday.', 'Abdominal pain')), []);
  });

  test('a cue combined with another applies both (no family history of …)', () => {
    assert.deepEqual(flags(contextOf('No family history of diabetes.', 'diabetes')), ['negated', 'family']);
  });
});
