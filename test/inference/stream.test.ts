import assert from 'node:assert/strict';
import { afterAll, beforeAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { InferenceService } from '../../src/inference/InferenceService.js';
import type { GenerationChunk } from '../../src/inference/types.js';
import { hasStories260k } from '../support/paths.js';
import { startService } from './support.js';

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('streaming and batching on stories260K', () => {
  let service: InferenceService;
  let peakActive = 0;
  beforeAll(async () => {
    service = await startService(
      { parallelSequences: 4, maxQueue: 4 },
      {
        observer: {
          onQueueChange: (e) => {
            peakActive = Math.max(peakActive, e.activeSequences);
          },
        },
      },
    );
    await service.loadModel('tiny');
  });
  afterAll(() => service.dispose());

  it('streams chunks that add up to the final text', async () => {
    const chunks: GenerationChunk[] = [];
    for await (const chunk of service.generateStream({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 30, temperature: 0 })) {
      chunks.push(chunk);
    }
    const last = chunks.at(-1)!;
    assert.equal(last.done, true);
    assert.ok(last.result);
    assert.ok(chunks.slice(0, -1).every((c) => !c.done && c.text.length > 0));
    assert.ok(chunks.length > 5);
    assert.equal(chunks.map((c) => c.text).join(''), last.result.text);
    assert.equal(last.result.finishReason, 'length');
    const plain = await service.generate({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 30, temperature: 0 });
    assert.equal(plain.text, last.result.text);
  });

  it('aborts generation when the consumer stops iterating, freeing the sequence at once', async () => {
    let seen = 0;
    for await (const chunk of service.generateStream({ model: 'tiny', prompt: 'Once upon a time', maxTokens: 250 })) {
      assert.equal(chunk.done, false);
      seen += 1;
      break;
    }
    assert.equal(seen, 1);
    assert.equal(service.stats().activeSequences, 0);
    const next = await service.generate({ model: 'tiny', prompt: 'Once', maxTokens: 5 });
    assert.equal(next.usage.completionTokens, 5);
  });

  it('rejects the stream with CANCELLED when the signal aborts mid-stream', async () => {
    const controller = new AbortController();
    let chunks = 0;
    await assert.rejects(
      (async () => {
        for await (const chunk of service.generateStream({ model: 'tiny', prompt: 'Once', maxTokens: 250 }, { signal: controller.signal })) {
          if (!chunk.done) chunks += 1;
          if (chunks === 1) controller.abort();
        }
      })(),
      (e: unknown) => e instanceof DomainError && e.code === ErrorCode.CANCELLED,
    );
    assert.ok(chunks >= 1);
    assert.equal(service.stats().activeSequences, 0);
  });

  it('decodes 8 concurrent streams together on 4 sequences', async () => {
    peakActive = 0;
    const run = async (i: number) => {
      let text = '';
      let result;
      for await (const chunk of service.generateStream({ model: 'tiny', prompt: `Once upon a time ${i}`, maxTokens: 40, seed: i })) {
        text += chunk.text;
        if (chunk.done) result = chunk.result;
      }
      return { text, result };
    };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(i)));
    for (const r of results) {
      assert.ok(r.result);
      assert.equal(r.text, r.result.text);
      assert.ok(r.result.usage.completionTokens > 0);
    }
    assert.ok(peakActive > 1, `peak active sequences ${peakActive}`);
    assert.ok(peakActive <= 4);
    assert.equal(service.stats().activeSequences, 0);
    assert.equal(service.stats().queueDepth, 0);
  });

  it('refuses with QUEUE_FULL at once when sequences and queue are full; interactive goes first', async () => {
    // One sequence makes the service order observable: requests finish in the order they were admitted.
    let peak = 0;
    const single = await startService({ parallelSequences: 1, maxQueue: 4 }, { observer: { onQueueChange: (e) => (peak = Math.max(peak, e.queueDepth)) } });
    try {
      await single.loadModel('tiny');
      const order: string[] = [];
      const start = (label: string, priority: 'interactive' | 'background') =>
        single.generate({ model: 'tiny', prompt: 'Once', maxTokens: 20, priority }).then((r) => {
          order.push(label);
          return r;
        });
      // 1 runs, 4 wait (maxQueue 4), the 6th is refused.
      const accepted = [start('run', 'interactive'), start('bg1', 'background'), start('bg2', 'background'), start('int1', 'interactive'), start('int2', 'interactive')];
      const t0 = performance.now();
      await assert.rejects(single.generate({ model: 'tiny', prompt: 'Once', maxTokens: 4 }), (e: unknown) => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, ErrorCode.QUEUE_FULL);
        assert.match(e.message, /maxQueue 4/);
        return true;
      });
      assert.ok(performance.now() - t0 < 50, 'refused without waiting');
      await Promise.all(accepted);
      assert.equal(peak, 4);
      assert.deepEqual(order, ['run', 'int1', 'int2', 'bg1', 'bg2']);
    } finally {
      await single.dispose();
    }
  });
});
