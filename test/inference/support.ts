import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { InferenceConfig } from '../../src/config.js';
import { createInferenceService, type InferenceService, type InferenceServiceOptions } from '../../src/inference/InferenceService.js';
import { afterAll, beforeAll } from '@jest/globals';
import type { LoadedGguf } from '../../src/inference/lifecycle/LoadedModel.js';
import type { GenerateRequest, GenerationResult } from '../../src/inference/types.js';
import { loadGgufModel } from '../../src/inference/lifecycle/loadGgufModel.js';
import { acquireLlama, releaseLlama } from '../../src/inference/runtime/llamaRuntime.js';
import { repoRoot, sharedModelsDir, stories260kPath } from '../support/paths.js';

/** The project's real manifest: stories260k, smollm2-135m-instruct, all-minilm-l6-v2-int8 and their aliases. */
export const projectManifest = path.join(repoRoot, 'models/manifest.json');

/** Fast settings for tests: 1 thread (fastest for stories260K), short contexts, no keep-alive. */
export function testConfig(overrides: Partial<InferenceConfig> = {}): InferenceConfig {
  return {
    memoryBudgetBytes: undefined,
    threads: 1,
    parallelSequences: 8,
    maxQueue: 64,
    requestTimeoutMs: 60_000,
    keepAliveMs: 0,
    gpu: 'cpu',
    streamIntervalMs: 10,
    ...overrides,
  };
}

export async function startService(
  overrides: Partial<InferenceConfig> = {},
  options: Partial<InferenceServiceOptions> = {},
): Promise<InferenceService> {
  const service = createInferenceService({
    modelsDirs: [sharedModelsDir],
    manifestPath: projectManifest,
    contextSize: 256,
    ...options,
    config: testConfig(overrides),
  });
  await service.refresh();
  return service;
}

/** A temp directory outside the project, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oet-inference-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value, null, 2));
}

/** A random source that replays `values` in a loop (deterministic A/B tests). */
export function replay(values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

/**
 * stories260K loaded below InferenceService (a context of 4 pooled sequences, 1 thread) for the enclosing describe:
 * loaded before its tests, disposed after; the getter gives the loaded model.
 */
export function useLoadedStories260k(): () => LoadedGguf {
  let loaded: LoadedGguf | undefined;
  beforeAll(async () => {
    const llama = await acquireLlama({ gpu: 'cpu' });
    loaded = await loadGgufModel(llama, stories260kPath, { contextSize: 256, sequences: 4, threads: 1, maxQueue: 8, estimatedBytes: 0 });
  });
  afterAll(async () => {
    await loaded?.dispose();
    await releaseLlama();
  });
  return () => loaded!;
}

/** Streams a request; `onChunk` sees the chunk count so far. Resolves with the result or the error's code. */
export async function stream(service: InferenceService, request: GenerateRequest, options: { signal?: AbortSignal; onChunk?: (n: number) => void } = {}): Promise<{ text: string; result?: GenerationResult; code?: string }> {
  let text = '';
  let n = 0;
  try {
    for await (const chunk of service.generateStream(request, { signal: options.signal })) {
      if (chunk.done) return { text, result: chunk.result };
      text += chunk.text;
      n += 1;
      options.onChunk?.(n);
    }
  } catch (error) {
    return { text, code: (error as { code?: string }).code };
  }
  return { text };
}
