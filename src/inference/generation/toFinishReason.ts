import type { FinishReason } from '../types.js';
import type { LlamaStopReason } from './runGeneration.js';

/** `abort` is resolved by the caller (timeout or cancel), since only it knows why the signal fired. */
export function toFinishReason(stopReason: Exclude<LlamaStopReason, 'abort'>): FinishReason {
  switch (stopReason) {
    case 'eogToken':
    case 'stopGenerationTrigger':
    case 'functionCalls':
      return 'stop';
    case 'maxTokens':
      return 'length';
    case 'customStopTrigger':
      return 'stopSequence';
    default: {
      const never: never = stopReason;
      throw new Error(`Unknown stop reason ${String(never)}`);
    }
  }
}
