import assert from 'node:assert/strict';
import { expect, test } from '@jest/globals';
import { LIKELIHOOD_FEATURE_NAMES, likelihoodFeatures, likelihoodFeaturesOf, type TokenLogprob } from '../../src/evaluation/language/likelihoodFeatures.js';

const tok = (piece: string, logprob: number): TokenLogprob => ({ piece, logprob });

test('likelihood features: quantiles, shares and per-sentence minima of the token log-probs', () => {
  const tokens = [tok('I', -1), tok(' is', -10), tok(' happy', -2), tok('.', -1), tok(' They', -3), tok(' goes', -13), tok('.', -1), tok('\n', Number.NaN)];
  const f = likelihoodFeaturesOf(tokens);
  expect(Object.keys(f)).toEqual([...LIKELIHOOD_FEATURE_NAMES]);
  assert.equal(f.lm_mean, -31 / 7, 'NaN tokens are left out');
  assert.equal(f.lm_median, -2);
  assert.equal(f.lm_share_below_8, 2 / 7);
  assert.equal(f.lm_share_below_12, 1 / 7);
  assert.equal(f.lm_sentence_min_mean, (-10 + -13) / 2);
  assert.ok(f.lm_p10 <= f.lm_p25 && f.lm_p25 <= f.lm_median);
  for (const n of LIKELIHOOD_FEATURE_NAMES) assert.ok(Number.isFinite(likelihoodFeaturesOf([])[n]), `empty ${n}`);
});

test('likelihood features: null without a model, the scorer gets the text and signal', async () => {
  assert.equal(await likelihoodFeatures('Some text.', async () => null), null);
  const seen: string[] = [];
  const f = await likelihoodFeatures('A b.', async (text) => (seen.push(text), [tok('A', -1), tok(' b', -3), tok('.', -2)]));
  expect(seen).toEqual(['A b.']);
  assert.equal(f?.lm_mean, -2);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(likelihoodFeatures('A b.', async () => [tok('A', -1)], ac.signal));
});
