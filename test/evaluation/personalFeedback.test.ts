import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { personalFeedback, type ConstrainedGenerate } from '../../src/evaluation/feedback/personalFeedback.js';
import type { CriterionResult } from '../../src/evaluation/types.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { startService } from '../inference/support.js';
import { hasSmolLm2 } from '../support/paths.js';

const criteria: CriterionResult[] = [
  { name: 'Purpose', score: 3, max: 3, evidence: [], feedback: [{ code: 'PURPOSE_CLEAR', kind: 'POSITIVE', message: 'The opening sentence states why you are writing.' }] },
  {
    name: 'Genre & Style', score: 4, max: 7, evidence: [],
    feedback: [{ code: 'STYLE_CONTRACTION', kind: 'ISSUE', message: '"don\'t" is a contraction: formal letters use full forms.', evidence: { start: 10, end: 15, text: "don't" }, suggestion: 'do not' }],
  },
  { name: 'Language', score: 5, max: 7, evidence: [], feedback: [{ code: 'LANGUAGE_GRAMMAR_SVA_THIRD_PERSON', kind: 'ISSUE', message: 'Use "has" with he, she or a singular noun.', evidence: { start: 30, end: 34, text: 'have' }, suggestion: 'has' }] },
];

describe('personalised feedback from an instruction model', () => {
  it('keeps only tips about a criterion with a finding, that speak of that finding', async () => {
    // A scripted answer standing in for the model: it includes the kinds of tip a small model invents.
    const scripted: ConstrainedGenerate = async () => JSON.stringify({ tips: [
      { criterion: 'Genre & Style', tip: 'Write "do not" instead of the contraction "don\'t" in a formal letter.' },
      { criterion: 'Purpose', tip: 'State your purpose more clearly.' },
      { criterion: 'Language', tip: 'Your vocabulary is excellent.' },
      { criterion: 'Content', tip: 'Add the discharge date.' },
    ] });
    const tips = await personalFeedback(criteria, scripted);
    assert.deepEqual(tips, [{ criterion: 'Genre & Style', text: 'Write "do not" instead of the contraction "don\'t" in a formal letter.' }]);
  });

  it('gives nothing when no model is loaded, the answer is not JSON, or there is nothing to improve', async () => {
    assert.deepEqual(await personalFeedback(criteria, async () => null), []);
    assert.deepEqual(await personalFeedback(criteria, async () => '{"tips": [oops'), []);
    let asked = false;
    assert.deepEqual(await personalFeedback([criteria[0]!], async () => { asked = true; return '{"tips":[]}'; }), []);
    assert.equal(asked, false, 'the model is not asked when the rules found no issue');
  });

  skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').describe('with SmolLM2-135M-Instruct', () => {
    let service: InferenceService;
    beforeAll(async () => {
      service = await startService({ threads: undefined, parallelSequences: 1 }, { contextSize: 1024 });
    });
    afterAll(() => service.dispose());

    it('answers in the schema when it finishes, and every tip kept is about a criterion with a finding', async () => {
      let finished: { text: string; finishReason: string } | null = null;
      const tips = await personalFeedback(criteria, async (prompt, jsonSchema) => {
        finished = await service.generate({ prompt, jsonSchema, temperature: 0, maxTokens: 200 });
        return finished.text;
      });
      assert.ok(finished !== null, 'the model was asked');
      const run = finished as { text: string; finishReason: string };
      // A 135M model may loop inside a string until the token limit: then nothing is kept (checked below).
      if (run.finishReason === 'stop') {
        const parsed = JSON.parse(run.text) as { tips: { criterion: string }[] };
        for (const t of parsed.tips) assert.ok(['Genre & Style', 'Language'].includes(t.criterion), `schema allowed ${t.criterion}`);
      } else assert.deepEqual(tips, [], 'a cut-off answer gives no tips');
      for (const t of tips) assert.ok(['Genre & Style', 'Language'].includes(t.criterion));
    });
  });
});
