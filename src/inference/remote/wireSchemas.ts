import { z } from 'zod';

/** The parts of OpenAI-compatible answers this engine reads (servers add fields of their own: kept loose). */

const Usage = z
  .looseObject({
    prompt_tokens: z.number().optional(),
    completion_tokens: z.number().optional(),
    /** Prompt tokens the server reused from its cache (llama-server, OpenAI). */
    prompt_tokens_details: z.looseObject({ cached_tokens: z.number().int().nonnegative().optional() }).nullable().optional(),
  })
  .nullable()
  .optional();

export const StreamEvent = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        delta: z.looseObject({ content: z.string().nullable().optional() }).optional(),
        text: z.string().nullable().optional(),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .optional(),
  usage: Usage,
  error: z.looseObject({ message: z.string().optional(), code: z.union([z.string(), z.number()]).nullable().optional() }).optional(),
});

export const EmbeddingAnswer = z.looseObject({
  data: z.array(z.looseObject({ index: z.number().int(), embedding: z.array(z.number()) })),
});

export const ModelList = z.looseObject({ data: z.array(z.looseObject({ id: z.string() })) });

export const ErrorAnswer = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.union([z.string(), z.number()]).nullable().optional(),
    /** llama-server: `exceed_context_size_error` comes with the prompt's tokens and the slot's context. */
    type: z.string().optional(),
    n_prompt_tokens: z.number().optional(),
    n_ctx: z.number().optional(),
  }),
});

export type StreamEvent = z.infer<typeof StreamEvent>;
