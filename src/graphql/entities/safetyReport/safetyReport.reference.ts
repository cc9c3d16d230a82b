import type { GraphQLContext } from '../../context.js';
import type { SafetyReportRecord } from '../../../app/ports.js';

export function resolveSafetyReportReference(reference: { id: string }, context: GraphQLContext): Promise<SafetyReportRecord | null> {
  return context.loaders.safetyReport.load(reference.id);
}
