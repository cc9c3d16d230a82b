import { badInput } from '../inferenceErrors.js';
import type { ChatMessage, GenerateRequest, RequestPriority } from '../types.js';

/** Most stop sequences one request may set. */
export const MAX_STOP_SEQUENCES = 8;

/** A request after validation, with defaults applied. `maxTokens` is checked against the context later. */
export interface GenerationPlan {
  input: { kind: 'prompt'; prompt: string } | { kind: 'chat'; messages: ChatMessage[] };
  /** Default 0.8; 0 is greedy. */
  temperature: number;
  /** Default 0.95. */
  topP: number;
  /** Default 256. */
  maxTokens: number;
  stop: string[];
  seed: number | undefined;
  jsonSchema: Record<string, unknown> | undefined;
  /** Default `interactive`. */
  priority: RequestPriority;
  timeoutMs: number | undefined;
}

const ROLES = new Set(['system', 'user', 'assistant']);

/** Checks everything that does not need the model; each error says what was expected and what came. */
export function validateGenerateRequest(request: GenerateRequest): GenerationPlan {
  const hasPrompt = request.prompt !== undefined && request.prompt !== null;
  const hasMessages = request.messages !== undefined && request.messages !== null;
  if (hasPrompt === hasMessages) {
    throw badInput(`Send exactly one of "prompt" and "messages"; got ${hasPrompt ? 'both' : 'neither'}.`);
  }
  let input: GenerationPlan['input'];
  if (hasPrompt) {
    if (typeof request.prompt !== 'string' || request.prompt.length === 0) {
      throw badInput('"prompt" must be a non-empty string; got an empty one.');
    }
    input = { kind: 'prompt', prompt: request.prompt };
  } else {
    const messages = request.messages!;
    if (!Array.isArray(messages) || messages.length === 0) throw badInput('"messages" must hold at least one message; got none.');
    messages.forEach((m, i) => {
      if (!ROLES.has(m.role)) throw badInput(`messages[${i}].role must be system, user or assistant; got "${String(m.role)}".`);
      if (typeof m.content !== 'string') throw badInput(`messages[${i}].content must be a string.`);
    });
    if (!messages.some((m) => m.role === 'user' && m.content.trim() !== '')) {
      throw badInput('"messages" must contain at least one non-empty user message.');
    }
    input = { kind: 'chat', messages: messages.map((m) => ({ role: m.role, content: m.content })) };
  }
  const temperature = request.temperature ?? 0.8;
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 2) {
    throw badInput(`"temperature" must be between 0 and 2; got ${temperature}.`, { field: 'temperature' });
  }
  const topP = request.topP ?? 0.95;
  if (!Number.isFinite(topP) || topP <= 0 || topP > 1) {
    throw badInput(`"topP" must be greater than 0 and at most 1; got ${topP}.`, { field: 'topP' });
  }
  const maxTokens = request.maxTokens ?? 256;
  if (!Number.isInteger(maxTokens) || maxTokens < 1) {
    throw badInput(`"maxTokens" must be a whole number of at least 1; got ${maxTokens}.`, { field: 'maxTokens' });
  }
  const stop = request.stop ?? [];
  if (!Array.isArray(stop) || stop.length > MAX_STOP_SEQUENCES || stop.some((s) => typeof s !== 'string' || s.length === 0)) {
    throw badInput(`"stop" must be at most ${MAX_STOP_SEQUENCES} non-empty strings; got ${Array.isArray(stop) ? stop.length : typeof stop}.`, {
      field: 'stop',
    });
  }
  if (request.seed !== undefined && !Number.isInteger(request.seed)) {
    throw badInput(`"seed" must be a whole number; got ${request.seed}.`, { field: 'seed' });
  }
  if (request.timeoutMs !== undefined && (!Number.isFinite(request.timeoutMs) || request.timeoutMs <= 0)) {
    throw badInput(`"timeoutMs" must be a positive number of milliseconds; got ${request.timeoutMs}.`, { field: 'timeoutMs' });
  }
  const priority = request.priority ?? 'interactive';
  if (priority !== 'interactive' && priority !== 'background') {
    throw badInput(`"priority" must be interactive or background; got "${String(priority)}".`);
  }
  const schema = request.jsonSchema;
  if (schema !== undefined && (schema === null || typeof schema !== 'object' || Array.isArray(schema))) {
    throw badInput('"jsonSchema" must be a JSON schema object.', { field: 'jsonSchema' });
  }
  return { input, temperature, topP, maxTokens, stop: [...stop], seed: request.seed, jsonSchema: schema, priority, timeoutMs: request.timeoutMs };
}

/** The model-dependent check: the completion budget must fit the context. */
export function checkMaxTokens(maxTokens: number, contextSize: number): void {
  if (maxTokens > contextSize) {
    throw badInput(`"maxTokens" must be at most the context size ${contextSize}; got ${maxTokens}.`, { field: 'maxTokens' });
  }
}
