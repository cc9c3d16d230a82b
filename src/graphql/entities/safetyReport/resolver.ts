import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { SafetyReportRecord } from '../../../app/ports.js';
import { requireUser } from '../../requireUser.js';
import { clampPage, PageArgs } from '../../pagination.js';
import { SafetyReport } from './safetyReport.js';

@Resolver(() => SafetyReport)
export class SafetyReportResolver {
  @Query(() => SafetyReport, { nullable: true })
  safetyReport(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SafetyReportRecord | null> {
    return ctx.loaders.safetyReport.load(id);
  }

  @Query(() => [SafetyReport], { description: 'Safety reports you may see, newest first.' })
  safetyReports(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<SafetyReportRecord[]> {
    return ctx.services.stores.safetyReports.list(requireUser(ctx), { first: clampPage(page.first), after: page.after });
  }
}
