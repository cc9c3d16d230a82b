import type { FinishReason, GenerationResult } from '../../../inference/types.js';

/**
 * Our GenerationResult → OpenAI's response and chunk objects. A generation cut by its time limit keeps its partial
 * text, as with a token limit: OpenAI has no `timeout` finish reason, so it reads `length`.
 */

export type OpenAIFinishReason = 'stop' | 'length';

export function finishReasonOf(reason: FinishReason): OpenAIFinishReason {
  switch (reason) {
    case 'stop':
    case 'stopSequence':
      return 'stop';
    case 'length':
    case 'timeout':
    // A cancelled generation is never returned as a result (it rejects with CANCELLED); kept for exhaustiveness.
    case 'cancelled':
      return 'length';
  }
}

export function usageOf(result: GenerationResult) {
  const { promptTokens, completionTokens } = result.usage;
  return { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
}

/** Identity of one response: every chunk of a stream carries the same id, time and model name. */
export interface ResponseMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

/** How one endpoint's answer looks, whole and streamed. */
export interface ResponseShape {
  /** Prefix of response ids (`chatcmpl`, `cmpl`). */
  idPrefix: string;
  whole(meta: ResponseMeta, result: GenerationResult): object;
  /** A chunk with new text; `first` is the stream's first chunk. */
  delta(meta: ResponseMeta, text: string, first: boolean, includeUsage: boolean): object;
  /** The chunk that says why it ended. */
  end(meta: ResponseMeta, result: GenerationResult, includeUsage: boolean): object;
  /** With `stream_options.include_usage`: the last chunk, no choices, the usage. */
  usage(meta: ResponseMeta, result: GenerationResult): object;
}

// With include_usage, OpenAI gives every chunk a `usage` key, null until the last.
const nullUsage = (includeUsage: boolean) => (includeUsage ? { usage: null } : {});

export const chatShape: ResponseShape = {
  idPrefix: 'chatcmpl',
  whole: (meta, result) => ({
    ...head(meta, 'chat.completion'),
    model: result.modelId,
    choices: [{ index: 0, message: { role: 'assistant', content: result.text, refusal: null }, logprobs: null, finish_reason: finishReasonOf(result.finishReason) }],
    usage: usageOf(result),
  }),
  delta: (meta, text, first, includeUsage) => ({
    ...head(meta, 'chat.completion.chunk'),
    choices: [{ index: 0, delta: first ? { role: 'assistant', content: text } : { content: text }, logprobs: null, finish_reason: null }],
    ...nullUsage(includeUsage),
  }),
  end: (meta, result, includeUsage) => ({
    ...head(meta, 'chat.completion.chunk'),
    choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: finishReasonOf(result.finishReason) }],
    ...nullUsage(includeUsage),
  }),
  usage: (meta, result) => ({ ...head(meta, 'chat.completion.chunk'), choices: [], usage: usageOf(result) }),
};

export const textShape: ResponseShape = {
  idPrefix: 'cmpl',
  whole: (meta, result) => ({
    ...head(meta, 'text_completion'),
    model: result.modelId,
    choices: [{ index: 0, text: result.text, logprobs: null, finish_reason: finishReasonOf(result.finishReason) }],
    usage: usageOf(result),
  }),
  delta: (meta, text, _first, includeUsage) => ({
    ...head(meta, 'text_completion'),
    choices: [{ index: 0, text, logprobs: null, finish_reason: null }],
    ...nullUsage(includeUsage),
  }),
  end: (meta, result, includeUsage) => ({
    ...head(meta, 'text_completion'),
    choices: [{ index: 0, text: '', logprobs: null, finish_reason: finishReasonOf(result.finishReason) }],
    ...nullUsage(includeUsage),
  }),
  usage: (meta, result) => ({ ...head(meta, 'text_completion'), choices: [], usage: usageOf(result) }),
};

const head = (meta: ResponseMeta, object: string) => ({ id: meta.id, object, created: meta.created, model: meta.model, system_fingerprint: null });
