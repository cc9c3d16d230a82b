import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { DrugInteractionRecord } from '../../../app/ports.js';
import { DrugInteraction } from './drugInteraction.js';

@Resolver(() => DrugInteraction)
export class DrugInteractionResolver {
  @Query(() => DrugInteraction, { nullable: true })
  drugInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<DrugInteractionRecord | null> {
    return ctx.loaders.drugInteraction.load(id);
  }
}
