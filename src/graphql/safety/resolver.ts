import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { primaryCohortOf } from '../../auth/viewer.js';
import type { SafetyReportRecord } from '../../app/ports.js';
import type { GraphQLContext } from '../context.js';
import { requireUser } from '../requireUser.js';
import { SafetyReport } from '../entities/safetyReport/safetyReport.js';
import { ClaimVerdict, Redaction, RedactionStrategyEnum, SafetyUseEnum, type ClaimLabelEnum } from './types.js';

/** Thin: the safety provider does the work; reports are stored under the caller so they resolve by id later. */
@Resolver()
export class SafetyResolver {
  @Mutation(() => SafetyReport, {
    description: 'PHI, harmful content, non-inclusive wording, facts checked against the knowledge packs and, with a `source`, what the text claims that the source does not support. Stored under your account.',
  })
  async analyzeSafety(
    @Arg('text', () => String) text: string,
    @Arg('source', () => String, { nullable: true, description: 'What the text was generated from (case notes, a note): turns on hallucination checks.' }) source: string | null,
    @Arg('use', () => SafetyUseEnum, { nullable: true, defaultValue: SafetyUseEnum.LEARNER_INPUT }) use: SafetyUseEnum,
    @Arg('useModel', () => Boolean, { nullable: true, defaultValue: true, description: 'Run the trained PHI tagger when it is installed (better name recall, slower).' }) useModel: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SafetyReportRecord> {
    requireUser(ctx);
    const viewer = ctx.viewer;
    if (viewer.kind !== 'user') throw new Error('unreachable: requireUser admits users only');
    const report = await ctx.services.safety.analyze(text, { source: source ?? undefined, use, roles: [...viewer.roles], useModel });
    return ctx.services.stores.safetyReports.create({
      ownerId: viewer.id,
      cohortId: primaryCohortOf(viewer),
      kind: use,
      verdict: report.verdict,
      findings: JSON.stringify(report.findings),
      modelId: null,
    });
  }

  @Query(() => Redaction, { description: 'The text with its PHI replaced by the chosen strategy (default PLACEHOLDER); nothing of a found span survives.' })
  async redactPhi(
    @Arg('text', () => String) text: string,
    @Arg('strategy', () => RedactionStrategyEnum, { nullable: true, defaultValue: RedactionStrategyEnum.PLACEHOLDER }) strategy: RedactionStrategyEnum,
    @Arg('useModel', () => Boolean, { nullable: true, defaultValue: true, description: 'Run the trained PHI tagger when it is installed (better name recall, slower).' }) useModel: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Redaction> {
    requireUser(ctx);
    const redaction = await ctx.services.safety.redact(text, strategy, { useModel });
    return { text: redaction.text, strategy, findings: redaction.spans, dateShiftDays: redaction.dateShiftDays };
  }

  @Query(() => ClaimVerdict, { description: 'Whether the evidence SUPPORTS or REFUTES the claim, or neither (NEUTRAL), from the trained claim verifier.' })
  async verifyClaim(@Arg('claim', () => String) claim: string, @Arg('evidence', () => String) evidence: string, @Ctx() ctx: GraphQLContext): Promise<ClaimVerdict> {
    requireUser(ctx);
    const verdict = await ctx.services.safety.verifyClaim(claim, evidence);
    return { label: verdict.label as ClaimLabelEnum, score: verdict.score, scores: { supports: verdict.scores.SUPPORTS, refutes: verdict.scores.REFUTES, neutral: verdict.scores.NEUTRAL } };
  }
}
