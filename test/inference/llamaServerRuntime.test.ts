import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '../../src/errors.js';
import { createInferenceService, type InferenceService } from '../../src/inference/InferenceService.js';
import { findLlamaServerBinary } from '../../src/inference/llamaServer/llamaServerBinary.js';
import type { GenerateRequest, GenerationResult } from '../../src/inference/types.js';
import { hasSmolLm2, hasStories260k, sharedModelsDir } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { projectManifest, startService, stream, testConfig } from './support.js';

const binary = findLlamaServerBinary();
const greedy = (prompt: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({ model: 'tiny', prompt, maxTokens: 48, temperature: 0, ...extra });

const alive = (pid: number | undefined): boolean => {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('llama-server runtime configuration', () => {
  it('refuses to start without a llama-server executable, naming the command that builds one', () => {
    expect(() =>
      createInferenceService({ modelsDirs: [sharedModelsDir], manifestPath: projectManifest, config: testConfig({ ggufRuntime: 'llama-server', llamaServerBin: '/nonexistent/llama-server' }) }),
    ).toThrow(/npm run llama-server:build/);
  });
});

skipWhen((!binary && 'no llama-server build: run npm run llama-server:build') || (!hasStories260k && 'stories260K.gguf is missing')).describe('GGUF through a supervised llama-server (stories260K)', () => {
  let service: InferenceService;
  const states: string[] = [];

  beforeAll(async () => {
    service = await startService(
      { ggufRuntime: 'llama-server', parallelSequences: 4 },
      { observer: { onModelStateChange: ({ modelId, state, runtime }) => modelId === 'stories260k' && states.push(`${runtime}:${state}`) } },
    );
  });
  afterAll(() => service.dispose());

  const pid = (): number | undefined => service.llamaServerPid('tiny');

  it('starts one server process on load; ModelInfo and the observer name llama-server as the runtime', async () => {
    expect(service.getModel('tiny')).toMatchObject({ runtime: 'llama-server', state: 'available' });
    const info = await service.loadModel('tiny');
    expect(info).toMatchObject({ id: 'stories260k', runtime: 'llama-server', state: 'ready', format: 'gguf' });
    expect(info.memoryBytes).toBeGreaterThan(1_000_000);
    expect(alive(pid())).toBe(true);
    expect(states).toEqual(['llama-server:loading', 'llama-server:ready']);
  });

  it('generates greedily the same text twice, and a stream carries the same text as a plain call', async () => {
    const request = greedy('Once upon a time');
    const first = await service.generate(request);
    const second = await service.generate(request);
    expect(first.text.length).toBeGreaterThan(20);
    expect(second.text).toBe(first.text);
    expect(first).toMatchObject({ modelId: 'stories260k', alias: 'tiny', finishReason: 'length' });
    expect(first.usage.completionTokens).toBe(48);
    expect(first.usage.promptTokens).toBeGreaterThan(0);
    const streamed = await stream(service, request);
    expect(streamed.text).toBe(first.text);
    expect(streamed.result?.text).toBe(first.text);
  });

  it('reuses a prompt prefix the server already holds, with the same text as a cold run', async () => {
    const prompt = `${'Lily and Ben went to the park to play with the big red ball. '.repeat(12)}Then`;
    const cold = await service.generate(greedy(prompt, { maxTokens: 24 }));
    const warm = await service.generate(greedy(prompt, { maxTokens: 24 }));
    expect(warm.text).toBe(cold.text);
    expect(warm.usage.cachedPromptTokens ?? 0).toBeGreaterThan(warm.usage.promptTokens / 2);
    expect(cold.usage.cachedPromptTokens ?? 0).toBeLessThan(cold.usage.promptTokens / 2);
  });

  it('stops at a stop sequence: the text before it, finishReason stopSequence', async () => {
    const full = await service.generate(greedy('The little dog', { maxTokens: 64 }));
    const words = full.text.trim().split(/\s+/);
    const stopWord = words[Math.floor(words.length / 2)]!;
    const cut = full.text.indexOf(stopWord);
    const stopped = await service.generate(greedy('The little dog', { maxTokens: 64, stop: [stopWord] }));
    expect(stopped.finishReason).toBe('stopSequence');
    expect(stopped.text).toBe(full.text.slice(0, cut));
    const streamed = await stream(service, greedy('The little dog', { maxTokens: 64, stop: [stopWord] }));
    expect(streamed.text).toBe(stopped.text);
  });

  it('follows a JSON schema', async () => {
    const result = await service.generate(
      greedy('Answer:', { maxTokens: 64, jsonSchema: { type: 'object', properties: { mood: { enum: ['happy', 'sad'] }, ok: { type: 'boolean' } }, required: ['mood', 'ok'] } }),
    );
    const parsed = JSON.parse(result.text) as { mood: string; ok: boolean };
    expect(['happy', 'sad']).toContain(parsed.mood);
    expect(typeof parsed.ok).toBe('boolean');
  });

  it('cancelling one of several concurrent streams leaves the others\' text as their lone runs', async () => {
    const prompts = ['Tom and his mom went', 'One day a girl named Lily', 'The sun was'];
    const lone = await Promise.all(prompts.map(async (p) => (await service.generate(greedy(p, { maxTokens: 80 }))).text));
    const controller = new AbortController();
    const runs = prompts.map((p, i) => stream(service, greedy(p, { maxTokens: 80 }), i === 0 ? { signal: controller.signal, onChunk: (n) => n === 3 && controller.abort() } : {}));
    const [cancelledRun, ...others] = await Promise.all(runs);
    expect(cancelledRun!.code).toBe(ErrorCode.CANCELLED);
    expect(others.map((o) => o.text)).toEqual(lone.slice(1));
  });

  it('answers a prompt longer than a slot\'s context with CONTEXT_OVERFLOW and the numbers, as node-llama-cpp does', async () => {
    await expect(service.generate(greedy('the cat sat on the mat. '.repeat(60), { maxTokens: 4 }))).rejects.toMatchObject({
      code: ErrorCode.CONTEXT_OVERFLOW,
      message: expect.stringMatching(/prompt is \d+ tokens.*holds 256 tokens/),
      details: { contextSize: 256 },
    });
  });

  it('a timeout while generating keeps the text so far; the server serves the next request', async () => {
    let result: GenerationResult | undefined;
    for (let timeoutMs = 5; timeoutMs <= 640 && result?.finishReason !== 'timeout'; timeoutMs *= 2) {
      result = await service.generate(greedy('Once upon a time', { maxTokens: 200, timeoutMs })).catch((error: { code?: string }) => {
        if (error.code === ErrorCode.TIMEOUT) return undefined; // timed out before the first token
        throw error;
      });
    }
    expect(result?.finishReason).toBe('timeout');
    expect((await service.generate(greedy('Once upon a time'))).finishReason).toBe('length');
  });

  it('reports a killed server as failed and starts a new one for the next request', async () => {
    const before = pid();
    expect(alive(before)).toBe(true);
    process.kill(before!, 'SIGKILL');
    await until(() => service.getModel('tiny')?.state === 'failed');
    expect(service.getModel('tiny')?.error).toMatch(/exited/);
    const after = await service.generate(greedy('Once upon a time'));
    expect(after.text.length).toBeGreaterThan(20);
    expect(service.getModel('tiny')?.state).toBe('ready');
    expect(pid()).not.toBe(before);
  });

  it('unload stops the process; the next request starts it again', async () => {
    const running = pid();
    const info = await service.unloadModel('tiny');
    expect(info.state).toBe('unloaded');
    await until(() => !alive(running));
    await service.generate(greedy('Once upon a time', { maxTokens: 4 }));
    expect(alive(pid())).toBe(true);
  });

  it('scores token log-probabilities with an in-process copy of the model: the same figures as on node-llama-cpp', async () => {
    const text = 'Once upon a time there was a little girl.';
    const served = await service.tokenLogprobs({ model: 'tiny', text });
    const local = await startService();
    try {
      const inProcess = await local.tokenLogprobs({ model: 'tiny', text });
      expect(served.map((t) => t.piece)).toEqual(inProcess.map((t) => t.piece));
      served.forEach((t, i) => expect(Math.abs(t.logprob - inProcess[i]!.logprob)).toBeLessThan(1e-4));
    } finally {
      await local.dispose();
    }
    expect(service.getModel('tiny')?.runtime).toBe('llama-server');
  });

  it('dispose stops every server process', async () => {
    const running = pid();
    const own = await startService({ ggufRuntime: 'llama-server', parallelSequences: 2 });
    await own.loadModel('tiny');
    const ownPid = own.llamaServerPid('tiny');
    expect(alive(ownPid)).toBe(true);
    await own.dispose();
    await until(() => !alive(ownPid));
    expect(alive(running)).toBe(true);
  });
});

skipWhen((!binary && 'no llama-server build') || (!hasStories260k && 'stories260K.gguf is missing')).describe('llama-server slots and the queue bound', () => {
  it('counts requests in slots and waiting, and refuses one past OET_MAX_QUEUE with QUEUE_FULL at once', async () => {
    const service = await startService({ ggufRuntime: 'llama-server', parallelSequences: 1, maxQueue: 1 });
    try {
      await service.loadModel('tiny');
      const controller = new AbortController();
      const long = greedy('Once upon a time', { maxTokens: 200, temperature: 0.8 });
      const first = service.generate(long, { signal: controller.signal }).catch((e: { code?: string }) => e.code);
      const second = service.generate(long, { signal: controller.signal }).catch((e: { code?: string }) => e.code);
      await until(() => service.stats().queueDepth === 1);
      expect(service.stats()).toMatchObject({ activeSequences: 1, queueDepth: 1 });
      await expect(service.generate(long)).rejects.toMatchObject({ code: ErrorCode.QUEUE_FULL, details: { queueDepth: 1, maxQueue: 1 } });
      controller.abort();
      expect(await Promise.all([first, second])).toEqual([ErrorCode.CANCELLED, ErrorCode.CANCELLED]);
      expect(service.stats()).toMatchObject({ activeSequences: 0, queueDepth: 0 });
    } finally {
      await service.dispose();
    }
  });

  it('times out a request that waited too long for a slot, before it reaches the server', async () => {
    const service = await startService({ ggufRuntime: 'llama-server', parallelSequences: 1, maxQueue: 4 });
    try {
      await service.loadModel('tiny');
      const running = service.generate(greedy('Once upon a time', { maxTokens: 240 }));
      await until(() => service.stats().activeSequences === 1);
      const impatient = await service.generate(greedy('The sun was', { maxTokens: 16, timeoutMs: 10 })).catch((e: { code?: string; message?: string }) => e);
      expect(impatient).toMatchObject({ code: ErrorCode.TIMEOUT, message: expect.stringContaining('waiting for a free sequence') });
      expect((await running).usage.completionTokens).toBeGreaterThan(100);
    } finally {
      await service.dispose();
    }
  });
});

skipWhen((!binary && 'no llama-server build') || (!hasSmolLm2 && 'SmolLM2 is missing')).describe('SmolLM2 chat through llama-server', () => {
  it('counts servers in the memory budget: loading a model that needs the room stops the idle one\'s server', async () => {
    const probe = await startService({ ggufRuntime: 'llama-server', parallelSequences: 2 });
    const needed = await probe.estimateModelMemory('smollm2-135m-instruct');
    await probe.dispose();
    const service = await startService({ ggufRuntime: 'llama-server', parallelSequences: 2, memoryBudgetBytes: needed + 1_000 });
    try {
      await service.loadModel('tiny');
      const tinyPid = service.llamaServerPid('tiny');
      expect(alive(tinyPid)).toBe(true);
      await service.loadModel('smollm2-135m-instruct');
      expect(service.getModel('tiny')?.state).toBe('unloaded');
      await until(() => !alive(tinyPid));
      expect(alive(service.llamaServerPid('smollm2-135m-instruct'))).toBe(true);
      await expect(
        (async () => {
          const small = await startService({ ggufRuntime: 'llama-server', memoryBudgetBytes: 1_000 });
          try {
            await small.loadModel('smollm2-135m-instruct');
          } finally {
            await small.dispose();
          }
        })(),
      ).rejects.toMatchObject({ code: ErrorCode.INSUFFICIENT_MEMORY });
    } finally {
      await service.dispose();
    }
  });

  it('answers a chat with the model\'s own template, greedy and repeatable', async () => {
    const service = await startService({ ggufRuntime: 'llama-server', parallelSequences: 2, threads: 2 }, { contextSize: 512 });
    try {
      const request: GenerateRequest = { model: 'smollm2-135m-instruct', messages: [{ role: 'user', content: 'Name one symptom of asthma.' }], maxTokens: 24, temperature: 0 };
      const [a, b] = [await service.generate(request), await service.generate(request)];
      expect(a.text.trim().length).toBeGreaterThan(5);
      expect(b.text).toBe(a.text);
      expect(service.getModel('smollm2-135m-instruct')?.runtime).toBe('llama-server');
    } finally {
      await service.dispose();
    }
  });
});
