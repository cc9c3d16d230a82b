import type { Viewer } from '../auth/viewer.js';
import type { GenerationResult } from '../inference/types.js';
import type { EngineServices } from './EngineServices.js';

/** Stores who generated what with which variant (never the text), so A/B results can be compared later. */
export async function recordGeneration(services: EngineServices, viewer: Viewer, result: GenerationResult): Promise<void> {
  if (viewer.kind !== 'user') return;
  try {
    await services.stores.generations.create({
      ownerId: viewer.id,
      modelId: result.modelId,
      alias: result.alias,
      variant: result.modelId,
      promptTokens: result.usage.promptTokens,
      completionTokens: result.usage.completionTokens,
      finishReason: result.finishReason,
      durationMs: Math.round(result.usage.totalMs),
    });
  } catch (error) {
    // A lost usage row must not fail the learner's request; it is logged for operators.
    services.logger.warn({ err: (error as Error).message }, 'could not store generation record');
  }
}
