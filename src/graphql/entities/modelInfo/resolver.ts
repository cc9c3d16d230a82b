import { Arg, Ctx, Field, Float, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { AliasInfo, ModelInfo as ModelInfoData } from '../../../inference/types.js';
import { ModelAlias, ModelInfo } from './modelInfo.js';

@InputType()
class ModelAliasVariantInput {
  @Field(() => ID) modelId!: string;
  @Field(() => Float, { defaultValue: 1 }) weight!: number;
}

@Resolver(() => ModelInfo)
export class ModelInfoResolver {
  @Query(() => [ModelInfo], { description: 'Every model found in the model directories and the manifest.' })
  models(@Ctx() ctx: GraphQLContext): ModelInfoData[] {
    return ctx.services.inference.listModels();
  }

  @Query(() => ModelInfo, { nullable: true, description: 'A model by id or alias (an alias gives its heaviest variant).' })
  model(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ModelInfoData | null> {
    return ctx.loaders.modelInfo.load(id);
  }

  @Query(() => [ModelAlias])
  modelAliases(@Ctx() ctx: GraphQLContext): AliasInfo[] {
    return ctx.services.inference.listAliases();
  }

  @Mutation(() => ModelInfo, { description: 'Loads a model now (it is otherwise loaded on first use). ADMIN.' })
  loadModel(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ModelInfoData> {
    return ctx.services.inference.loadModel(id);
  }

  @Mutation(() => ModelInfo, { description: 'Unloads a model once its in-flight requests finish. ADMIN.' })
  unloadModel(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ModelInfoData> {
    return ctx.services.inference.unloadModel(id);
  }

  @Mutation(() => ModelAlias, { description: 'Points an alias at one or more weighted variants (hot swap, A/B). ADMIN.' })
  setModelAlias(
    @Arg('name', () => String) name: string,
    @Arg('variants', () => [ModelAliasVariantInput]) variants: ModelAliasVariantInput[],
    @Ctx() ctx: GraphQLContext,
  ): AliasInfo {
    return ctx.services.inference.setAlias(name, variants.map((v) => ({ modelId: v.modelId, weight: v.weight })));
  }
}
