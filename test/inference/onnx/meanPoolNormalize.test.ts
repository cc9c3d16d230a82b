import { test } from '@jest/globals';
import assert from 'node:assert/strict';
import { meanPoolNormalize } from '../../../src/inference/onnx/meanPoolNormalize.js';
import { argmax, softmax } from '../../../src/inference/onnx/softmax.js';

test('mean pooling ignores padded positions and L2-normalises', () => {
  // batch 2, sequence 3, width 2; row 2's last position is padding with a huge value that must not count.
  const hidden = Float32Array.from([1, 0, 3, 0, 2, 0, /* row 2 */ 0, 2, 0, 4, 1000, 1000]);
  const [a, b] = meanPoolNormalize(hidden, [2, 3, 2], [
    [1, 1, 1],
    [1, 1, 0],
  ]);
  assert.deepEqual(a, [1, 0]);
  assert.deepEqual(b, [0, 1]);
});

test('an all-zero vector stays zero instead of NaN', () => {
  assert.deepEqual(meanPoolNormalize(new Float32Array(2), [1, 1, 2], [[1]]), [[0, 0]]);
});

test('softmax is stable for large logits', () => {
  const p = softmax(Float32Array.from([1000, 1000, -1000]), 0, 3);
  assert.deepEqual(p.map((x) => Number(x.toFixed(6))), [0.5, 0.5, 0]);
  assert.deepEqual(argmax([0.1, 0.7, 0.2]), { index: 1, value: 0.7 });
});
