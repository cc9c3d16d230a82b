import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { loadOnnxModel } from '../../src/inference/onnx/loadOnnxModel.js';
import { loadLocalTokenizer } from '../../src/inference/onnx/loadLocalTokenizer.js';
import { repoRoot } from '../support/paths.js';

interface Parity { pairs: { claim: string; evidence: string; input_ids: number[]; token_type_ids: number[]; logits: number[] }[] }

const folder = path.join(repoRoot, 'models/claim-verifier');
const installed = existsSync(path.join(folder, 'onnx/model_quantized.onnx'));

skipWhen(installed ? false : 'models/claim-verifier is not built').describe('claim verifier (models/claim-verifier) through the inference core', () => {
  const parity = JSON.parse(readFileSync(path.join(repoRoot, 'test/safety/fixtures/claim-verifier-parity.json'), 'utf8')) as Parity;

  test('pairs are tokenised exactly as in training: ids and segment ids', async () => {
    const tokenizer = await loadLocalTokenizer(folder, 512);
    assert.equal(tokenizer.maxLength, 256);
    for (const p of parity.pairs) {
      const batch = tokenizer.encodePairs([p.claim], [p.evidence]);
      assert.deepEqual(batch.inputIds[0], p.input_ids);
      assert.deepEqual(batch.tokenTypeIds![0], p.token_type_ids);
    }
    // Longer than the model takes: cut inside the evidence, the final [SEP] kept.
    const long = tokenizer.encodePairs(['Masks work.'], ['evidence '.repeat(400)]);
    assert.equal(long.inputIds[0]!.length, 256);
    assert.equal(long.inputIds[0]!.at(-1), parity.pairs[0]!.input_ids.at(-1));
  });

  test('scores each pair as the Python export did (one pair per run; int8 depends on the batch)', async () => {
    const model = await loadOnnxModel({ id: 'claim-verifier', path: folder, task: 'text-classification' }, { maxBatchSize: 1 });
    try {
      for (const p of parity.pairs) {
        const [scores] = await model.classifyPairs([[p.claim, p.evidence]]);
        const max = Math.max(...p.logits);
        const expected = p.logits.map((l) => Math.exp(l - max));
        const total = expected.reduce((a, b) => a + b, 0);
        ['SUPPORTS', 'REFUTES', 'NEUTRAL'].forEach((label, i) => assert.ok(Math.abs(scores![label]! - expected[i]! / total) < 1e-3, `${label}: ${scores![label]} vs ${expected[i]! / total}`));
      }
    } finally {
      await model.dispose();
    }
  });
});
