import { z } from 'zod';

/**
 * Request bodies of the OpenAI-compatible endpoints, as OpenAI documents them. Parameters this engine cannot honour
 * are listed too (as `unknown`), so mapToGenerateRequest can reject them by name instead of a bare "unrecognized key";
 * keys OpenAI does not have are rejected by `.strict()`.
 */

const TextPart = z.object({ type: z.literal('text'), text: z.string() }).strict();
const ContentParts = z.array(z.union([TextPart, z.object({ type: z.string() }).loose()]));

export const ChatMessageBody = z
  .object({
    // `developer` is OpenAI's newer name for `system`.
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: z.union([z.string(), ContentParts]).nullable().optional(),
    name: z.string().optional(),
    // Tool turns are rejected in the mapping with a clear message.
    tool_calls: z.unknown().optional(),
    tool_call_id: z.string().optional(),
    refusal: z.string().nullable().optional(),
  })
  .strict();

const Stop = z.union([z.string(), z.array(z.string())]).nullable().optional();
const StreamOptions = z.object({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).strict().nullable().optional();

/** Sampling fields shared by chat and legacy completions. */
const Sampling = {
  model: z.string().min(1),
  temperature: z.number().nullable().optional(),
  top_p: z.number().nullable().optional(),
  max_tokens: z.number().int().nullable().optional(),
  stop: Stop,
  seed: z.number().int().nullable().optional(),
  n: z.number().int().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: StreamOptions,
  user: z.string().optional(),
  // Not supported: rejected by name unless they hold their neutral value.
  frequency_penalty: z.number().nullable().optional(),
  presence_penalty: z.number().nullable().optional(),
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  logprobs: z.unknown().optional(),
  top_logprobs: z.unknown().optional(),
};

export const ChatCompletionBody = z
  .object({
    ...Sampling,
    messages: z.array(ChatMessageBody).min(1),
    max_completion_tokens: z.number().int().nullable().optional(),
    response_format: z
      .discriminatedUnion('type', [
        z.object({ type: z.literal('text') }).strict(),
        z.object({ type: z.literal('json_object') }).strict(),
        z
          .object({
            type: z.literal('json_schema'),
            json_schema: z.object({ name: z.string(), description: z.string().optional(), schema: z.record(z.string(), z.unknown()).optional(), strict: z.boolean().nullable().optional() }).strict(),
          })
          .strict(),
      ])
      .optional(),
    tools: z.unknown().optional(),
    tool_choice: z.unknown().optional(),
    parallel_tool_calls: z.unknown().optional(),
    functions: z.unknown().optional(),
    function_call: z.unknown().optional(),
    store: z.boolean().nullable().optional(),
    metadata: z.unknown().optional(),
    modalities: z.unknown().optional(),
    audio: z.unknown().optional(),
    prediction: z.unknown().optional(),
    reasoning_effort: z.unknown().optional(),
    service_tier: z.unknown().optional(),
    web_search_options: z.unknown().optional(),
  })
  .strict();

export const CompletionBody = z
  .object({
    ...Sampling,
    prompt: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
    echo: z.boolean().nullable().optional(),
    suffix: z.string().nullable().optional(),
    best_of: z.number().int().nullable().optional(),
  })
  .strict();

export const EmbeddingBody = z
  .object({
    model: z.string().min(1),
    input: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
    encoding_format: z.enum(['float', 'base64']).optional(),
    dimensions: z.number().int().optional(),
    user: z.string().optional(),
  })
  .strict();

export type ChatCompletionBody = z.infer<typeof ChatCompletionBody>;
export type CompletionBody = z.infer<typeof CompletionBody>;
export type EmbeddingBody = z.infer<typeof EmbeddingBody>;
export type ChatMessageBody = z.infer<typeof ChatMessageBody>;
