import type { GenerateRequest } from '../../inference/types.js';
import type { GenerateInput } from './generation.js';

/** GraphQL input → domain request: nulls become absent, nothing else changes (validation is the engine's). */
export function toGenerateRequest(input: GenerateInput): GenerateRequest {
  return {
    model: input.model ?? undefined,
    prompt: input.prompt ?? undefined,
    messages: input.messages?.map((m) => ({ role: m.role, content: m.content })),
    temperature: input.temperature ?? undefined,
    topP: input.topP ?? undefined,
    maxTokens: input.maxTokens ?? undefined,
    stop: input.stop ?? undefined,
    seed: input.seed ?? undefined,
    jsonSchema: input.jsonSchema ?? undefined,
    priority: input.priority ?? undefined,
  };
}
