import assert from 'node:assert/strict';
import { open, readFile, writeFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError, ErrorCode } from '../../src/errors.js';
import { createInferenceService } from '../../src/inference/InferenceService.js';
import type { ModelState } from '../../src/inference/types.js';
import { hasSmolLm2, hasStories260k, stories260kPath } from '../support/paths.js';
import { startService, tempDir, testConfig, writeJson } from './support.js';

const isCode = (code: ErrorCode) => (e: unknown): boolean => {
  assert.ok(e instanceof DomainError, `expected a DomainError, got ${String(e)}`);
  assert.equal(e.code, code, e.message);
  return true;
};

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('model lifecycle', () => {
  it('loads once for parallel callers, reports memory, unloads', async () => {
    const states: ModelState[] = [];
    const service = await startService({}, { observer: { onModelStateChange: (e) => e.modelId === 'stories260k' && states.push(e.state) } });
    try {
      const [a, b] = await Promise.all([service.loadModel('stories260k'), service.loadModel('tiny')]);
      assert.equal(a.state, 'ready');
      assert.equal(b.state, 'ready');
      assert.deepEqual(states, ['loading', 'ready'], 'one shared load');
      assert.ok(a.memoryBytes >= a.fileSizeBytes, `memory ${a.memoryBytes}`);
      assert.equal(service.stats().memoryUsedBytes, a.memoryBytes);
      assert.ok(a.lastUsedAt instanceof Date);
      const unloaded = await service.unloadModel('stories260k');
      assert.equal(unloaded.state, 'unloaded');
      assert.equal(unloaded.memoryBytes, 0);
      assert.equal(service.stats().memoryUsedBytes, 0);
      // Lazy load on first use.
      const r = await service.generate({ model: 'stories260k', prompt: 'Once', maxTokens: 4 });
      assert.equal(r.modelId, 'stories260k');
      assert.equal(service.getModel('stories260k')!.state, 'ready');
      assert.deepEqual(states, ['loading', 'ready', 'unloaded', 'loading', 'ready']);
    } finally {
      await service.dispose();
    }
    await service.dispose(); // safe twice
    await assert.rejects(service.generate({ prompt: 'x' }), isCode(ErrorCode.SERVICE_UNAVAILABLE));
  });

  it('lets requests in flight finish before an unload disposes the model', async () => {
    const service = await startService({}, { contextSize: 2048 });
    try {
      await service.loadModel('tiny');
      const running = service.generate({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 1000 });
      await sleep(20);
      const unloading = service.unloadModel('tiny');
      assert.equal(service.getModel('tiny')!.state, 'ready', 'still serving');
      const [result, info] = await Promise.all([running, unloading]);
      assert.equal(result.finishReason, 'length');
      assert.equal(result.usage.completionTokens, 1000);
      assert.equal(info.state, 'unloaded');
    } finally {
      await service.dispose();
    }
  });

  it('unloads an idle model after keepAliveMs', async () => {
    const service = await startService({ keepAliveMs: 150 });
    try {
      await service.generate({ model: 'tiny', prompt: 'Once', maxTokens: 2 });
      assert.equal(service.getModel('tiny')!.state, 'ready');
      await sleep(500);
      assert.equal(service.getModel('tiny')!.state, 'unloaded');
    } finally {
      await service.dispose();
    }
  });

  it('refuses a model bigger than the whole budget', async () => {
    const service = await startService({ memoryBudgetBytes: 1024 * 1024 });
    try {
      await assert.rejects(service.loadModel('tiny'), isCode(ErrorCode.INSUFFICIENT_MEMORY));
      assert.equal(service.getModel('tiny')!.state, 'failed');
      assert.match(service.getModel('tiny')!.error ?? '', /memory budget/);
    } finally {
      await service.dispose();
    }
  });

  skipWhen(!hasSmolLm2 && 'SmolLM2 is missing').it('evicts the least recently used idle model to fit the next', async () => {
    const probe = await startService();
    const smolBytes = await probe.estimateModelMemory('smollm2-135m-instruct');
    const tinyBytes = await probe.estimateModelMemory('stories260k');
    await probe.dispose();
    // Room for SmolLM2 alone, not for both.
    const service = await startService({ memoryBudgetBytes: smolBytes + Math.floor(tinyBytes / 2) });
    try {
      await service.loadModel('stories260k');
      const smol = await service.loadModel('smollm2-135m-instruct');
      assert.equal(smol.state, 'ready');
      assert.equal(service.getModel('stories260k')!.state, 'unloaded');
      assert.ok(service.stats().memoryUsedBytes <= service.stats().memoryBudgetBytes);
    } finally {
      await service.dispose();
    }
  });

  it('survives a truncated and a garbage GGUF, and retries a failed load', async () => {
    const tmp = await tempDir();
    try {
      const full = await readFile(stories260kPath);
      await writeFile(path.join(tmp.dir, 'truncated.gguf'), full.subarray(0, Math.floor(full.length / 2)));
      await writeFile(path.join(tmp.dir, 'garbage.gguf'), Buffer.from('this is not a gguf file at all '.repeat(100)));
      await symlink(stories260kPath, path.join(tmp.dir, 'good.gguf'));
      const service = createInferenceService({
        modelsDirs: [tmp.dir],
        manifestPath: path.join(tmp.dir, 'manifest.json'),
        contextSize: 256,
        config: testConfig(),
      });
      try {
        const ids = (await service.refresh()).map((m) => m.id).sort();
        assert.deepEqual(ids, ['garbage', 'good', 'truncated']);
        for (const id of ['truncated', 'garbage']) {
          await assert.rejects(service.loadModel(id), isCode(ErrorCode.MODEL_LOAD_FAILED));
          const info = service.getModel(id)!;
          assert.equal(info.state, 'failed');
          assert.ok((info.error ?? '').length > 0);
        }
        const ok = await service.generate({ model: 'good', prompt: 'Once upon a time', maxTokens: 5 });
        assert.ok(ok.text.length > 0);
        // Repair the truncated file: a later load retries and succeeds.
        const handle = await open(path.join(tmp.dir, 'truncated.gguf'), 'w');
        await handle.writeFile(full);
        await handle.close();
        assert.equal((await service.loadModel('truncated')).state, 'ready');
      } finally {
        await service.dispose();
      }
    } finally {
      await tmp.remove();
    }
  });

  it('reports an unparseable manifest entry file as MODEL_NOT_FOUND only when absent', async () => {
    const tmp = await tempDir();
    try {
      const manifestPath = path.join(tmp.dir, 'manifest.json');
      await writeJson(manifestPath, {
        models: [{ id: 'later', file: 'later.gguf', format: 'gguf', task: 'text-generation', sourceUri: 'https://example.org/later.gguf' }],
        aliases: { default: [{ modelId: 'later', weight: 1 }] },
      });
      const service = createInferenceService({ modelsDirs: [tmp.dir], manifestPath, config: testConfig() });
      try {
        await service.refresh();
        await assert.rejects(service.generate({ prompt: 'x' }), (e: unknown) => {
          isCode(ErrorCode.MODEL_NOT_FOUND)(e);
          assert.match((e as Error).message, /later\.gguf.*npm run models -- pull https:\/\/example\.org\/later\.gguf/);
          return true;
        });
        await symlink(stories260kPath, path.join(tmp.dir, 'later.gguf'));
        await service.refresh();
        assert.ok((await service.generate({ prompt: 'x', maxTokens: 2 })).usage.completionTokens > 0);
      } finally {
        await service.dispose();
      }
    } finally {
      await tmp.remove();
    }
  });
});
