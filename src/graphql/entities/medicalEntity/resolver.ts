import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { MedicalEntityRecord } from '../../../app/ports.js';
import { requireUser } from '../../requireUser.js';
import { clampPage, PageArgs } from '../../pagination.js';
import { ContextCueEvidence, MedicalEntity } from './medicalEntity.js';

@Resolver(() => MedicalEntity)
export class MedicalEntityResolver {
  @Query(() => MedicalEntity, { nullable: true })
  medicalEntity(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<MedicalEntityRecord | null> {
    return ctx.loaders.medicalEntity.load(id);
  }

  @FieldResolver(() => Int)
  start(@Root() entity: MedicalEntityRecord): number {
    return entity.startOffset;
  }

  @FieldResolver(() => Int)
  end(@Root() entity: MedicalEntityRecord): number {
    return entity.endOffset;
  }

  @FieldResolver(() => [ContextCueEvidence])
  contextCues(@Root() entity: MedicalEntityRecord & { contextCues?: ContextCueEvidence[] }): ContextCueEvidence[] {
    return entity.contextCues ?? [];
  }

  @Query(() => [MedicalEntity], { description: 'Entities you may see, newest first.' })
  medicalEntities(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<MedicalEntityRecord[]> {
    return ctx.services.stores.medicalEntities.list(requireUser(ctx), { first: clampPage(page.first), after: page.after });
  }
}
