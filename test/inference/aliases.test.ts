import assert from 'node:assert/strict';
import path from 'node:path';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { createInferenceService, type InferenceService } from '../../src/inference/InferenceService.js';
import type { GenerationResult } from '../../src/inference/types.js';
import { hasStories260k, sharedModelsDir } from '../support/paths.js';
import { replay, tempDir, testConfig, writeJson } from './support.js';

/** Two ids on the same small file: two "models" that load in milliseconds. */
async function twoModelService(random: () => number): Promise<{ service: InferenceService; cleanup(): Promise<void> }> {
  const tmp = await tempDir();
  const manifestPath = path.join(tmp.dir, 'manifest.json');
  const entry = (id: string) => ({ id, file: 'stories260K/stories260K.gguf', format: 'gguf', task: 'text-generation' });
  await writeJson(manifestPath, {
    models: [entry('tiny-a'), entry('tiny-b')],
    aliases: { live: [{ modelId: 'tiny-a', weight: 1 }] },
  });
  const service = createInferenceService({ modelsDirs: [sharedModelsDir], manifestPath, config: testConfig(), contextSize: 2048, random });
  await service.refresh();
  return {
    service,
    async cleanup() {
      await service.dispose();
      await tmp.remove();
    },
  };
}

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('aliases', () => {
  let ctx: Awaited<ReturnType<typeof twoModelService>>;
  beforeAll(async () => {
    ctx = await twoModelService(replay([0.1, 0.8, 0.5, 0.9]));
  });
  afterAll(() => ctx.cleanup());

  it('hot-swaps: in-flight requests finish on the old model, new ones go to the new, then the old is freed', async () => {
    const { service } = ctx;
    const stream = service.generateStream({ model: 'live', prompt: 'Once upon a time', maxTokens: 1500 })[Symbol.asyncIterator]();
    const first = await stream.next();
    assert.equal(first.done, false);
    assert.equal(first.value.done, false);

    const info = service.setAlias('live', [{ modelId: 'tiny-b', weight: 1 }]);
    assert.deepEqual(info.variants, [{ modelId: 'tiny-b', weight: 1 }]);
    assert.equal(service.getModel('live')?.id, 'tiny-b');
    assert.equal(service.getModel('tiny-a')?.state, 'ready', 'the old model drains before it is disposed');

    const fresh = await service.generate({ model: 'live', prompt: 'Once', maxTokens: 5 });
    assert.equal(fresh.modelId, 'tiny-b');
    assert.equal(fresh.alias, 'live');

    let result: GenerationResult | undefined;
    for (let next = await stream.next(); !next.done; next = await stream.next()) {
      if (next.value.done) result = next.value.result;
    }
    assert.ok(result, 'the in-flight stream ended with done: true');
    assert.equal(result.modelId, 'tiny-a');
    assert.equal(result.alias, 'live');
    assert.ok(result.finishReason === 'length' || result.finishReason === 'stop');
    for (let i = 0; i < 50 && service.getModel('tiny-a')?.state !== 'unloaded'; i++) await sleep(10);
    assert.equal(service.getModel('tiny-a')?.state, 'unloaded');
    assert.equal(service.getModel('tiny-b')?.state, 'ready');
  });

  it('splits an alias across variants by weight with an injected random source', async () => {
    const { service } = ctx;
    service.setAlias('ab', [
      { modelId: 'tiny-a', weight: 3 },
      { modelId: 'tiny-b', weight: 1 },
    ]);
    assert.equal(service.getModel('ab')?.id, 'tiny-a', 'getModel gives the heaviest variant');
    const served: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await service.generate({ model: 'ab', prompt: 'Once', maxTokens: 3 });
      assert.equal(r.alias, 'ab');
      served.push(r.modelId);
    }
    // replay([0.1, 0.8, 0.5, 0.9]) against a 3:1 split.
    assert.deepEqual(served, ['tiny-a', 'tiny-b', 'tiny-a', 'tiny-b']);
    assert.ok(service.listAliases().some((a) => a.name === 'ab' && a.variants.length === 2));
    assert.deepEqual(service.getModel('tiny-a')?.aliases, ['ab']);
  });

  it('refuses aliases to unknown models or with bad weights', () => {
    assert.throws(() => ctx.service.setAlias('x', [{ modelId: 'nope', weight: 1 }]), /No model or alias "nope"/);
    assert.throws(() => ctx.service.setAlias('x', [{ modelId: 'tiny-a', weight: 0 }]), /positive numbers/);
    assert.throws(() => ctx.service.setAlias('x', []), /at least one variant/);
  });
});
