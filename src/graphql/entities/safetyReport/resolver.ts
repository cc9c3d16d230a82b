import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../context.js';
import type { SafetyReportRecord } from '../../../app/ports.js';
import { requireUser } from '../../requireUser.js';
import { clampPage, PageArgs } from '../../pagination.js';
import { SafetyReport } from './safetyReport.js';
import { SafetyFinding } from '../../safety/types.js';

@Resolver(() => SafetyReport)
export class SafetyReportResolver {
  @Query(() => SafetyReport, { nullable: true })
  safetyReport(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<SafetyReportRecord | null> {
    return ctx.loaders.safetyReport.load(id);
  }

  @FieldResolver(() => [SafetyFinding], { description: 'Each finding with its category, type, severity, span, evidence and suggested fix.' })
  findings(@Root() report: SafetyReportRecord): SafetyFinding[] {
    const parsed = JSON.parse(report.findings) as unknown;
    // Reports stored before findings had this shape hold other JSON: they show no findings rather than failing.
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((f): f is SafetyFinding => typeof f === 'object' && f !== null && 'category' in f && 'start' in f).map((f) => ({ ...f, evidence: f.evidence ?? null, suggestion: f.suggestion ?? null, verdict: f.verdict ?? 'ALLOW' }));
  }

  @Query(() => [SafetyReport], { description: 'Safety reports you may see, newest first.' })
  safetyReports(@Args() page: PageArgs, @Ctx() ctx: GraphQLContext): Promise<SafetyReportRecord[]> {
    return ctx.services.stores.safetyReports.list(requireUser(ctx), { first: clampPage(page.first), after: page.after });
  }
}
