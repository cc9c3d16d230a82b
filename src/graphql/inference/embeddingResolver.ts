import { Arg, Ctx, Float, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { requireUser } from '../requireUser.js';
import { BadUserInputError } from '../../errors.js';
import { MAX_EMBED_TEXTS } from '../../app/embedLimits.js';


@Resolver()
export class EmbeddingResolver {
  @Query(() => [[Float]], {
    description: 'Sentence embeddings (L2-normalised) from an ONNX feature-extraction model; `embedder` alias by default.',
  })
  embed(
    @Arg('texts', () => [String]) texts: string[],
    @Arg('model', () => ID, { defaultValue: 'embedder' }) model: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<number[][]> {
    requireUser(ctx);
    if (texts.length === 0 || texts.length > MAX_EMBED_TEXTS) {
      throw new BadUserInputError(`texts must hold 1–${MAX_EMBED_TEXTS} strings; got ${texts.length}.`, { field: 'texts' });
    }
    return ctx.services.inference.embed({ model, texts }, { signal: ctx.signal });
  }
}
