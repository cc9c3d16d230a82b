import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { requireUser } from '../requireUser.js';

@ObjectType({ description: 'The caller, as the token describes them.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field(() => [String]) roles!: string[];
  @Field(() => [String]) cohortIds!: string[];
}

@Resolver()
export class ViewerResolver {
  @Query(() => Me)
  me(@Ctx() ctx: GraphQLContext): Me {
    requireUser(ctx);
    if (ctx.viewer.kind !== 'user') throw new Error('unreachable');
    return { id: ctx.viewer.id, roles: [...ctx.viewer.roles].sort(), cohortIds: [...ctx.viewer.cohortIds] };
  }
}
