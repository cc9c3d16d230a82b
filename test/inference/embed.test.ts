import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { hasMiniLm } from '../support/paths.js';
import { startService } from './support.js';

skipWhen(!hasMiniLm && 'all-MiniLM is missing').describe('embed through the ONNX model', () => {
  let service: InferenceService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.dispose());

  it('loads lazily and returns one normalised 384-d vector per text', async () => {
    assert.equal(service.getModel('embedder')?.state, 'available');
    const vectors = await service.embed({ model: 'embedder', texts: ['chest pain', 'pain in the chest', 'a red ball'] });
    assert.equal(vectors.length, 3);
    for (const v of vectors) {
      assert.equal(v.length, 384);
      assert.ok(Math.abs(Math.hypot(...v) - 1) < 1e-3);
    }
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
    assert.ok(dot(vectors[0]!, vectors[1]!) > dot(vectors[0]!, vectors[2]!), 'similar texts are closer');
    const info = service.getModel('embedder')!;
    assert.equal(info.state, 'ready');
    assert.ok(info.memoryBytes > 0);
  });

  it('refuses text-generation models and empty input', async () => {
    const bad = (e: unknown) => e instanceof DomainError && e.code === ErrorCode.BAD_USER_INPUT;
    await assert.rejects(service.embed({ model: 'tiny', texts: ['x'] }), bad);
    await assert.rejects(service.embed({ model: 'embedder', texts: [] }), bad);
  });
});
