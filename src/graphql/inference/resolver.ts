import { Arg, Ctx, Mutation, Resolver, Root, Subscription } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import type { GenerationChunk as Chunk, GenerationResult } from '../../inference/types.js';
import { recordGeneration } from '../../app/recordGeneration.js';
import { requireUser } from '../requireUser.js';
import { Generation, GenerationChunk, GenerateInput } from './generation.js';
import { toGenerateRequest } from './toGenerateRequest.js';
import { coalesceChunks } from './coalesceChunks.js';
import { assertTextLimits } from '../middleware/limitTextInputs.js';
import { recordedStream } from '../../app/recordedStream.js';
import { guardRequest, guardResult, guardStream } from '../../app/guardrails.js';
import { cacheScopeOf } from '../../app/cacheScope.js';

type GenerationView = Omit<Generation, 'finishReason'> & { finishReason: string };
type ChunkView = Omit<GenerationChunk, 'finishReason'> & { finishReason: string | null };

export function toGenerationView(result: GenerationResult): GenerationView {
  return { text: result.text, finishReason: result.finishReason, usage: result.usage, model: result.modelId, alias: result.alias };
}

function toChunkView(chunk: Chunk): ChunkView {
  return {
    text: chunk.text,
    done: chunk.done,
    usage: chunk.result?.usage ?? null,
    finishReason: chunk.result?.finishReason ?? null,
    model: chunk.result?.modelId ?? null,
  };
}

@Resolver()
export class InferenceResolver {
  @Mutation(() => Generation, { description: 'Generates text with a local model; waits for the whole answer.' })
  async generate(@Arg('input', () => GenerateInput) input: GenerateInput, @Ctx() ctx: GraphQLContext): Promise<GenerationView> {
    requireUser(ctx);
    const request = await guardRequest(ctx.services, ctx.viewer, toGenerateRequest(input), ctx.signal);
    const result = await ctx.services.inference.generate(request, { signal: ctx.signal, cacheScope: cacheScopeOf(ctx.viewer) });
    await recordGeneration(ctx.services, ctx.viewer, result);
    return toGenerationView(guardResult(ctx.services, ctx.viewer, result));
  }

  @Subscription(() => GenerationChunk, {
    description: 'Streams a generation token by token; unsubscribing stops it and frees its sequence at once.',
    subscribe: ({ args, context }) => streamGeneration(args.input as GenerateInput, context as GraphQLContext),
  })
  generateStream(@Arg('input', () => GenerateInput) _input: GenerateInput, @Root() chunk: ChunkView): ChunkView {
    return chunk;
  }
}

/**
 * The engine's stream, mapped to chunk views. When the client unsubscribes, graphql-ws calls `return()` on this
 * generator, which runs the `finally` and aborts the generation, freeing its sequence.
 */
async function* streamGeneration(input: GenerateInput, ctx: GraphQLContext): AsyncGenerator<ChunkView> {
  requireUser(ctx);
  // Subscriptions bypass the argument middlewares (they run per event), so limits and audit happen here, once.
  assertTextLimits(input, ctx.services.config.limits.maxTextChars, 'input');
  await ctx.services.rateLimits.consume(ctx.viewer, 'ai');
  const abort = new AbortController();
  try {
    const request = await guardRequest(ctx.services, ctx.viewer, toGenerateRequest(input), abort.signal);
    const stream = ctx.services.inference.generateStream(request, { signal: abort.signal, cacheScope: cacheScopeOf(ctx.viewer) });
    const coalesced = coalesceChunks(stream, () => abort.abort(), ctx.services.config.inference.streamIntervalMs);
    const guarded = guardStream(ctx.services, ctx.viewer, request, coalesced, () => abort.abort());
    for await (const chunk of recordedStream(ctx.services, ctx.viewer, 'generateStream', guarded)) yield toChunkView(chunk);
  } finally {
    abort.abort();
  }
}
