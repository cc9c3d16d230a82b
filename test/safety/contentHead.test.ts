import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { loadOnnxModel } from '../../src/inference/onnx/loadOnnxModel.js';
import { loadContentHead } from '../../src/safety/content/contentHead.js';
import { hasMiniLm, miniLmDir, repoRoot } from '../support/paths.js';

interface Parity { items: { text: string; embeddingFirst8: number[]; probabilities: number[] }[] }

skipWhen(hasMiniLm ? false : 'needs all-MiniLM-L6-v2 int8 in ../shared/models').describe('content head (models/content-head) through the inference core', () => {
  test('embeds and scores as the Python training code did (parity within 1e-3)', async () => {
    const parity = JSON.parse(readFileSync(path.join(repoRoot, 'test/safety/fixtures/content-head-parity.json'), 'utf8')) as Parity;
    const head = loadContentHead();
    assert.ok(head, 'models/content-head/head.json is shipped');
    const model = await loadOnnxModel({ id: 'embedder', path: miniLmDir, task: 'feature-extraction' });
    try {
      const vectors = await model.embed(parity.items.map((i) => i.text));
      parity.items.forEach((item, n) => {
        item.embeddingFirst8.forEach((v, i) => assert.ok(Math.abs(vectors[n]![i]! - v) < 1e-3, `embedding ${n}[${i}]`));
        head.score(vectors[n]!).forEach((p, k) => assert.ok(Math.abs(p - item.probabilities[k]!) < 1e-3, `${item.text.slice(0, 40)}: ${head.labels[k]} ${p} vs ${item.probabilities[k]}`));
      });
    } finally {
      await model.dispose();
    }
  });
});
