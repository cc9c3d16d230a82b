import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { DrugInteractionFinding } from '../../../knowledge/interactions/InteractionChecker.js';
import { DrugInteraction } from './drugInteraction.js';

@Resolver(() => DrugInteraction)
export class DrugInteractionResolver {
  @Query(() => DrugInteraction, { nullable: true, description: 'An interaction by the id `checkDrugInteractions` gave; null when that rule no longer applies.' })
  async drugInteraction(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<DrugInteractionFinding | null> {
    return (await ctx.services.knowledge.get()).interactionById(id);
  }
}
