import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { summarizeNote, type ClinicalSummary as SummaryData } from '../../clinical/summary/summarizeNote.js';
import { validateScenario, type ScenarioReport as ReportData } from '../../clinical/scenario/validateScenario.js';
import type { GraphQLContext } from '../context.js';
import { requireUser } from '../requireUser.js';
import { primaryCohortOf } from '../../auth/viewer.js';
import type { ClinicalAnalysis as Analysis, ClinicalEntity } from '../../clinical/ClinicalAnalyzer.js';
import { ClinicalAnalysis, ClinicalAnalysisOptions, ClinicalSummary, ScenarioInput, ScenarioReport } from './types.js';

type EntityView = ClinicalAnalysis['entities'][number];

/** Thin: the analyser does the work; this maps its answer and, when asked, stores the entities under the caller. */
@Resolver()
export class ClinicalResolver {
  @Mutation(() => ClinicalAnalysis, {
    description: 'Entities with context (negated, uncertain, historical, family, hypothetical), sections, medication details, allergies and ICD-10-CM coded conditions of a clinical text. A mutation because it may store the entities (`options.store`).',
  })
  async analyzeClinicalText(
    @Arg('text', () => String) text: string,
    @Arg('options', () => ClinicalAnalysisOptions, { nullable: true }) options: ClinicalAnalysisOptions | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClinicalAnalysis> {
    requireUser(ctx);
    const analyzer = await ctx.services.clinical.get();
    const analysis = await analyzer.analyze(text, { useModel: options?.useModel ?? true });
    const id = randomUUID();
    const now = new Date();
    let ids = analysis.entities.map((e) => `${id}:${e.id}`);
    if (options?.store && ctx.viewer.kind === 'user' && analysis.entities.length > 0) {
      const ownerId = ctx.viewer.id;
      const cohortId = primaryCohortOf(ctx.viewer);
      const stored = await ctx.services.stores.medicalEntities.createMany(analysis.entities.map((e) => toStored(e, ownerId, cohortId, id)));
      ids = stored.map((s) => s.id);
    }
    return toView(analysis, id, ids, now, Boolean(options?.store));
  }

  @Query(() => ClinicalSummary, { description: 'A deterministic extractive summary with offsets, and an abstractive one from the instruction model when loaded, grounded against the note.' })
  async summarizeClinicalNote(
    @Arg('text', () => String) text: string,
    @Arg('abstractive', () => Boolean, { nullable: true, defaultValue: true }) abstractive: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SummaryData> {
    requireUser(ctx);
    return summarizeNote(text, await ctx.services.clinical.get(), ctx.services.inference, { abstractive });
  }

  @Query(() => ScenarioReport, { description: 'Checks a role-play or case scenario: implausible vitals and ages, doses, interactions, allergy and condition contraindications, symptoms that do not fit the diagnosis, red flags the plan misses.' })
  async validateClinicalScenario(@Arg('input', () => ScenarioInput) input: ScenarioInput, @Ctx() ctx: GraphQLContext): Promise<ReportData> {
    requireUser(ctx);
    const analyzer = await ctx.services.clinical.get();
    return validateScenario({ ...input, vitals: input.vitals ? { ...input.vitals } : undefined }, analyzer, await ctx.services.knowledge.get());
  }
}

function toStored(e: ClinicalEntity, ownerId: string, cohortId: string | null, sourceRef: string) {
  return {
    ownerId,
    cohortId,
    text: e.text,
    category: e.category,
    startOffset: e.start,
    endOffset: e.end,
    negated: e.negated,
    uncertain: e.uncertain,
    family: e.family,
    historical: e.historical,
    hypothetical: e.hypothetical,
    code: e.code,
    codeSystem: e.codeSystem,
    confidence: e.confidence,
    section: e.section,
    sourceRef,
  };
}

function toView(analysis: Analysis, id: string, ids: string[], createdAt: Date, stored: boolean): ClinicalAnalysis {
  const idOf = new Map(analysis.entities.map((e, i) => [e.id, ids[i]!]));
  const entities: EntityView[] = analysis.entities.map((e) => ({
    id: idOf.get(e.id)!,
    text: e.text,
    category: e.category,
    start: e.start,
    end: e.end,
    startOffset: e.start,
    endOffset: e.end,
    negated: e.negated,
    uncertain: e.uncertain,
    historical: e.historical,
    family: e.family,
    hypothetical: e.hypothetical,
    code: e.code,
    codeSystem: e.codeSystem,
    confidence: e.confidence,
    section: e.section,
    contextCues: e.contextCues,
    createdAt,
  }));
  return {
    id,
    entities,
    sections: analysis.sections.map(({ kind, heading, start, end }) => ({ kind, heading, start, end })),
    medications: analysis.medications.map((m) => ({ ...m, entityId: idOf.get(m.entityId)! })),
    allergies: analysis.allergies.map((a) => ({ ...a, entityId: idOf.get(a.entityId)! })),
    noKnownAllergies: analysis.noKnownAllergies,
    conditions: analysis.conditions.map((c) => ({ ...c, entityIds: c.entityIds.map((e) => idOf.get(e)!) })),
    likelyEnglish: analysis.likelyEnglish,
    recognizers: analysis.recognizers,
    stored,
  };
}
