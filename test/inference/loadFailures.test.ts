import assert from 'node:assert/strict';
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { ErrorCode } from '../../src/errors.js';
import { createInferenceService } from '../../src/inference/InferenceService.js';
import { hasStories260k, stories260kPath } from '../support/paths.js';
import { testConfig } from './support.js';

skipWhen(!hasStories260k && 'stories260K is missing').describe('a model that fails to load', () => {
  it('names no server path to clients, and requests do not retry it until the file changes', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oet-load-failure-'));
    try {
      const file = path.join(dir, 'broken.gguf');
      const full = await readFile(stories260kPath);
      await writeFile(file, full.subarray(0, Math.floor(full.length / 2)));
      let loads = 0;
      const service = createInferenceService({
        modelsDirs: [dir], manifestPath: path.join(dir, 'manifest.json'), contextSize: 256, config: testConfig(),
        observer: { onGeneration: () => undefined, onQueueChange: () => undefined, onModelStateChange: ({ state }) => { if (state === 'loading') loads++; } },
      });
      try {
        await service.refresh();
        const first = await service.generate({ model: 'broken', prompt: 'Once', maxTokens: 2 }).then(() => null, (e: { code?: string; message: string }) => e);
        assert.equal(first?.code, ErrorCode.MODEL_LOAD_FAILED);
        const info = service.getModel('broken')!;
        assert.equal(info.state, 'failed');
        assert.ok(!(info.error ?? '').includes(dir), `ModelInfo.error names the folder: ${info.error}`);
        // llama.cpp's own text (internals) stays in the log: clients read the engine's summary.
        assert.equal(info.error, 'Loading broken.gguf failed (is the file complete? compare its sha256 with the manifest).');
        assert.equal(loads, 1);
        const again = await service.generate({ model: 'broken', prompt: 'Once', maxTokens: 2 }).then(() => null, (e: { code?: string }) => e);
        assert.equal(again?.code, ErrorCode.MODEL_LOAD_FAILED);
        assert.equal(loads, 1, 'the unchanged file was not loaded again');
        // An explicit load still retries (an operator's decision).
        await assert.rejects(service.loadModel('broken'), (e: { code?: string }) => e.code === ErrorCode.MODEL_LOAD_FAILED);
        assert.equal(loads, 2);
        // The file is repaired: the next request loads it.
        await writeFile(file, full);
        const later = new Date(Date.now() + 5_000);
        await utimes(file, later, later);
        const ok = await service.generate({ model: 'broken', prompt: 'Once upon a time', maxTokens: 3 });
        assert.ok(ok.text.length > 0);
        assert.equal(loads, 3);
      } finally {
        await service.dispose();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
