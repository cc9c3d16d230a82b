import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import type { AuditLogRecord, OperationSummary } from '../../app/ports.js';
import type { InferenceStats } from '../../inference/types.js';
import { AuditLogEntry, InferenceStatsView, OperationStats } from './auditLog.js';

@Resolver()
export class AdminResolver {
  @Query(() => [AuditLogEntry], { description: 'Audit log, newest first. ADMIN.' })
  auditLog(
    @Arg('since', () => Date, { nullable: true }) since: Date | null,
    @Arg('operation', () => String, { nullable: true }) operation: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<AuditLogRecord[]> {
    return ctx.services.stores.auditLog.list({ since: since ?? undefined, operation: operation ?? undefined, first: Math.min(500, Math.max(1, first)) });
  }

  @Query(() => [OperationStats], { description: 'Per-operation counts and durations since a date (default: all time). ADMIN, SERVICE.' })
  analytics(@Arg('since', () => Date, { nullable: true }) since: Date | null, @Ctx() ctx: GraphQLContext): Promise<OperationSummary[]> {
    return ctx.services.stores.auditLog.summary({ since: since ?? undefined });
  }

  @Query(() => InferenceStatsView, { description: 'Queue depth, active sequences and memory of the inference engine. ADMIN, SERVICE.' })
  inferenceStats(@Ctx() ctx: GraphQLContext): InferenceStats {
    return ctx.services.inference.stats();
  }
}
