import { types } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Token } from 'node-llama-cpp';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import { hasStories260k } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { startService, useLoadedStories260k } from './support.js';

const PROMPT = 'Once upon a time there was a little girl named Lily who loved to play outside';

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('pooled sequences', () => {
  describe('through the service', () => {
    let service: InferenceService;
    beforeAll(async () => {
      service = await startService({ parallelSequences: 4, maxQueue: 8 });
      await service.loadModel('tiny');
    });
    afterAll(() => service.dispose());

    it('returns a timed-out request’s sequence to the pool with its prompt still cached', async () => {
      const timedOut = await service.generate({ model: 'tiny', prompt: PROMPT, maxTokens: 250, temperature: 0, timeoutMs: 30 });
      expect(timedOut.finishReason).toBe('timeout');
      expect(service.stats().activeSequences).toBe(0);
      // The pool hands back the sequence that holds this prompt: only a kept, reused sequence can report cached tokens.
      const again = await service.generate({ model: 'tiny', prompt: PROMPT, maxTokens: 5, temperature: 0 });
      expect(again.usage.cachedPromptTokens).toBeGreaterThan(0);
      expect(service.stats().activeSequences).toBe(0);
    });

    it('returns a sequence to the pool when the client aborts mid-stream', async () => {
      const controller = new AbortController();
      let chunks = 0;
      const consume = async (): Promise<void> => {
        for await (const chunk of service.generateStream({ model: 'tiny', prompt: PROMPT, maxTokens: 250 }, { signal: controller.signal })) {
          if (!chunk.done) chunks += 1;
          if (chunks === 2) controller.abort();
        }
      };
      await expect(consume()).rejects.toMatchObject({ code: ErrorCode.CANCELLED });
      expect(service.stats().activeSequences).toBe(0);
      // All four sequences still serve: four concurrent requests finish without waiting in a queue.
      const four = await Promise.all([0, 1, 2, 3].map((seed) => service.generate({ model: 'tiny', prompt: 'Once', maxTokens: 8, seed })));
      expect(four.map((r) => r.usage.completionTokens)).toEqual([8, 8, 8, 8]);
      expect(service.stats().activeSequences).toBe(0);
    });
  });

  describe('the scheduler over a real context', () => {
    const loadedModel = useLoadedStories260k();

    it('hands out the lowest free id first and reuses ids after release', async () => {
      const { scheduler } = loadedModel();
      const a = await scheduler.acquire('interactive');
      const b = await scheduler.acquire('interactive');
      const c = await scheduler.acquire('interactive');
      expect(scheduler.activeIds).toEqual([0, 1, 2]);
      await scheduler.release(b);
      await scheduler.release(a);
      const next = await scheduler.acquire('interactive');
      expect(scheduler.activeIds).toEqual([0, 2]);
      expect(next).toBe(a);
      await scheduler.release(next);
      await scheduler.release(c);
      expect(scheduler.activeSequences).toBe(0);
    });

    it('takes a sequence back after a failed evaluation, its KV cache cleared', async () => {
      const { scheduler, model } = loadedModel();
      const sequence = await scheduler.acquire('interactive');
      await sequence.evaluateWithoutGeneratingNewTokens(model.tokenize(PROMPT, false));
      expect(sequence.contextTokens.length).toBeGreaterThan(5);
      // An out-of-vocabulary token makes llama.cpp's decode fail: a real native error, not a simulated one.
      const failure = await sequence.evaluateWithoutGeneratingNewTokens([...model.tokenize("Once", false), 99_999 as unknown as Token]).then(
        () => null,
        (error: unknown) => error,
      );
      // Native errors come from the host realm under Jest: checked without instanceof.
      expect(types.isNativeError(failure)).toBe(true);
      await scheduler.release(sequence, { keepState: false });
      expect(scheduler.activeSequences).toBe(0);
      const again = await scheduler.acquire('interactive');
      expect(again).toBe(sequence);
      expect(scheduler.activeIds).toEqual([0]);
      expect(again.contextTokens).toEqual([]);
      await scheduler.release(again);
    });

    it('prefers the free sequence that already holds the prompt’s prefix', async () => {
      const { scheduler, model } = loadedModel();
      const tokens = model.tokenize(PROMPT, false);
      const first = await scheduler.acquire('interactive');
      const second = await scheduler.acquire('interactive');
      await second.evaluateWithoutGeneratingNewTokens(tokens);
      await scheduler.release(first);
      await scheduler.release(second);
      const picked = await scheduler.acquire('interactive', undefined, tokens);
      expect(picked).toBe(second);
      expect(scheduler.activeIds).toEqual([1]);
      await scheduler.release(picked, { keepState: false });
    });

    it('rejects waiters with SERVICE_UNAVAILABLE once closed', async () => {
      const loaded = loadedModel();
      const held = await Promise.all([0, 1, 2, 3].map(() => loaded.scheduler.acquire('interactive')));
      const waiting = loaded.scheduler.acquire('background');
      loaded.scheduler.close();
      await expect(waiting).rejects.toBeInstanceOf(DomainError);
      await Promise.all(held.map((s) => loaded.scheduler.release(s)));
      expect(loaded.scheduler.activeSequences).toBe(0);
    });
  });
});
