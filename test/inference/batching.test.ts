import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../src/errors.js';
import { runGeneration } from '../../src/inference/generation/runGeneration.js';
import { validateGenerateRequest } from '../../src/inference/generation/validateGenerateRequest.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import type { GenerateRequest, GenerationResult } from '../../src/inference/types.js';
import { hasStories260k } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { stream, startService, useLoadedStories260k } from './support.js';

const PROMPTS = ['Once upon a time', 'The little dog', 'One day a girl named Lily', 'Tom and his mom went'];
const greedy = (prompt: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({ model: 'tiny', prompt, maxTokens: 60, temperature: 0, ...extra });

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('lockstep batching on stories260K', () => {
  describe('through the service', () => {
    let service: InferenceService;
    /** Greedy text of each request decoded alone, the reference every batched run must match. */
    const lone = new Map<string, GenerationResult>();
    const aloneRun = async (request: GenerateRequest): Promise<GenerationResult> => {
      const key = JSON.stringify(request);
      let result = lone.get(key);
      if (result === undefined) {
        result = await service.generate(request);
        lone.set(key, result);
      }
      return result;
    };

    beforeAll(async () => {
      service = await startService({ parallelSequences: 4, maxQueue: 8 });
      await service.loadModel('tiny');
    });
    afterAll(() => service.dispose());

    it('admits a stream into a running batch; both texts equal their lone runs', async () => {
      const first = greedy(PROMPTS[0]!, { maxTokens: 120 });
      const second = greedy(PROMPTS[1]!);
      const [aloneFirst, aloneSecond] = [await aloneRun(first), await aloneRun(second)];
      let late: Promise<{ text: string; result?: GenerationResult }> | undefined;
      let firstDone = false;
      let secondStartedBeforeFirstDone = false;
      const running = stream(service, first, {
        onChunk: (n) => {
          if (n === 10)
            late = stream(service, second, {
              onChunk: (m) => {
                if (m === 1) secondStartedBeforeFirstDone = !firstDone;
              },
            });
        },
      }).finally(() => (firstDone = true));
      const a = await running;
      const b = await late!;
      expect(secondStartedBeforeFirstDone).toBe(true);
      expect(a.result?.text).toBe(aloneFirst.text);
      expect(b.result?.text).toBe(aloneSecond.text);
      expect(service.stats().activeSequences).toBe(0);
    });

    it('cancelling one stream leaves the others’ greedy output identical to lone runs', async () => {
      const requests = PROMPTS.map((p) => greedy(p));
      const alone = [];
      for (const r of requests) alone.push(await aloneRun(r));
      const controller = new AbortController();
      const outcomes = await Promise.all(
        requests.map((r, i) =>
          stream(service, r, i === 1 ? { signal: controller.signal, onChunk: (n) => n === 3 && controller.abort() } : {}),
        ),
      );
      expect(outcomes[1]!.code).toBe(ErrorCode.CANCELLED);
      for (const i of [0, 2, 3]) expect(outcomes[i]!.result?.text).toBe(alone[i]!.text);
      expect(service.stats().activeSequences).toBe(0);
    });

    it('keeps stop sequences and JSON-schema output exact beside other streams', async () => {
      const stopped = greedy('Once upon a time', { maxTokens: 100, stop: ['Lily'] });
      const json = greedy('The answer is', {
        maxTokens: 80,
        jsonSchema: { type: 'object', properties: { mood: { enum: ['happy', 'sad'] }, ok: { type: 'boolean' } }, required: ['mood', 'ok'] },
      });
      const plain = greedy(PROMPTS[2]!);
      const alone = [await aloneRun(stopped), await aloneRun(json), await aloneRun(plain)];
      const together = await Promise.all([stopped, json, plain].map((r) => service.generate(r)));
      expect(together[0]!.finishReason).toBe('stopSequence');
      expect(together[0]!.text).not.toContain('Lily');
      expect(together[1]!.finishReason).toBe('stop');
      const parsed = JSON.parse(together[1]!.text) as { mood: string; ok: boolean };
      expect(['happy', 'sad']).toContain(parsed.mood);
      expect(typeof parsed.ok).toBe('boolean');
      expect(together.map((r) => [r.text, r.finishReason])).toEqual(alone.map((r) => [r.text, r.finishReason]));
    });

    it('reuses a held prompt prefix and returns the same greedy text as a cold run', async () => {
      const fresh = await startService({ parallelSequences: 2, maxQueue: 8 });
      try {
        const shared = 'Once upon a time there was a little girl named Lily. She loved to play in the park with her friends. One day';
        const cold = await fresh.generate(greedy(`${shared} she saw a bird`));
        expect(cold.usage.cachedPromptTokens).toBe(0);
        // Same prompt again: everything but the last prompt token is reused (BOS, which promptTokens leaves out, is
        // reused as well, so the count may reach promptTokens).
        const warm = await fresh.generate(greedy(`${shared} she saw a bird`));
        expect(warm.text).toBe(cold.text);
        expect(warm.usage.cachedPromptTokens).toBeGreaterThanOrEqual(warm.usage.promptTokens - 1);
        expect(warm.usage.cachedPromptTokens).toBeLessThanOrEqual(warm.usage.promptTokens);
        // A different ending after the shared part: the shared tokens are reused, the text matches a cold run of it.
        const other = greedy(`${shared} a big dog came`);
        const reused = await fresh.generate(other);
        expect(reused.usage.cachedPromptTokens).toBeGreaterThan(15);
        expect(reused.usage.cachedPromptTokens).toBeLessThan(reused.usage.promptTokens);
        const coldOther = await service.generate(other);
        expect(reused.text).toBe(coldOther.text);
      } finally {
        await fresh.dispose();
      }
    });
  });

  describe('the driver over a real context', () => {
    const loadedModel = useLoadedStories260k();

    it('decodes four streams in one step per token, not one step per stream', async () => {
      const loaded = loadedModel();
      const gate = loaded.gate!;
      const before = gate.steps;
      const maxTokens = 40;
      const sequences = await Promise.all(PROMPTS.map(() => loaded.scheduler.acquire('interactive')));
      try {
        const outcomes = await Promise.all(
          sequences.map((sequence, i) =>
            runGeneration(loaded, sequence, validateGenerateRequest({ prompt: `${PROMPTS[i]!} and`, maxTokens, temperature: 0, seed: 1 }), { signal: new AbortController().signal }),
          ),
        );
        const tokens = outcomes.reduce((sum, o) => sum + o.completionTokens, 0);
        expect(tokens).toBeGreaterThan(3 * maxTokens);
        // Ragged dispatch would need about one step per token per stream; lockstep needs one per token.
        expect(gate.steps - before).toBeLessThan(tokens / 2);
      } finally {
        await Promise.all(sequences.map((s) => loaded.scheduler.release(s, { keepState: false })));
      }
    });
  });
});
