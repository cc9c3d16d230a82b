import type { InferenceEngine, ModelTask } from '../inference/types.js';

/**
 * Whether the inference core has this model (for this task, when given: a folder without a manifest entry may be
 * read as another task). Optional models are looked up per call, so a model pulled later is used at once.
 */
export function hasModel(inference: InferenceEngine, id: string, task?: ModelTask): boolean {
  try {
    const model = inference.getModel(id);
    return model !== undefined && (task === undefined || model.task === task);
  } catch {
    return false;
  }
}
