import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { hasStories260k } from '../support/paths.js';
import { startEngineProcess, type EngineProcess } from '../support/engineProcess.js';
import { runStreamLoad, settledStats } from '../support/streamLoad.js';
import { signToken } from '../support/tokens.js';

/**
 * A short, seeded run of bench/load.bench.ts: concurrent token streams, some cancelled and some dropped by the
 * client part-way. Behaviour, not speed: every sequence comes back and nothing is left waiting.
 */
skipWhen(!hasStories260k && 'stories260K is missing').describe('concurrent token streams', () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    // One learner opens every stream: per-user budgets off, or the run measures the rate limiter, not the streams.
    engine = await startEngineProcess({ OET_MAX_QUEUE: '64', OET_RATE_LIMIT_AI_PER_MINUTE: '0', OET_RATE_LIMIT_GENERAL_PER_MINUTE: '0' });
  });
  afterAll(() => engine.stop());

  it('20 streams for 8 s, a third left part-way: no leaked sequence, the queue back to 0, the process up', async () => {
    const learner = await signToken({ sub: 'load-learner', roles: ['LEARNER'] });
    const service = await signToken({ sub: 'load-service', roles: ['SERVICE'] });
    const report = await runStreamLoad(engine.wsUrl, learner, { streams: 20, durationMs: 8_000, seed: 14, model: 'stories260k', cancelShare: 0.25, dropShare: 0.15, maxTokens: [8, 48] });
    // The run exercised all three ways a stream ends, and none failed.
    expect(report.errors).toEqual({});
    expect(report.completed).toBeGreaterThan(0);
    expect(report.cancelled).toBeGreaterThan(0);
    expect(report.dropped).toBeGreaterThan(0);
    const stats = await settledStats(engine.graphqlUrl, service, 10_000);
    expect({ activeSequences: stats.activeSequences, queueDepth: stats.queueDepth }).toEqual({ activeSequences: 0, queueDepth: 0 });
    const metrics = await fetch(`${engine.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^oet_llm_active_sequences\{model="stories260k"\} 0$/m);
    expect(metrics).toMatch(/^oet_llm_queue_depth\{model="stories260k"\} 0$/m);
    // The sequences freed are usable: one more stream completes.
    const after = await runStreamLoad(engine.wsUrl, learner, { streams: 1, durationMs: 1, seed: 1, model: 'stories260k', maxTokens: [4, 4] });
    expect([after.completed, after.errors]).toEqual([1, {}]);
    expect(engine.nonJsonLines()).toEqual([]);
  });
});
