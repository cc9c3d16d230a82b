import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import type { DrugConcept as DrugConceptData } from '../../knowledge/drugs/DrugLexicon.js';
import type { InteractionCheck } from '../../knowledge/interactions/InteractionChecker.js';
import type { Icd10Suggestion as Icd10SuggestionData } from '../../knowledge/icd10/Icd10Coder.js';
import type { ConditionCandidate as ConditionCandidateData, SymptomAssessment as SymptomAssessmentData } from '../../knowledge/symptoms/SymptomCorrelator.js';
import type { ConceptKind, RelationType } from '../../knowledge/packs/packTypes.js';
import { ConceptKindEnum, ConceptNeighborPage, ConceptRelationEnum, ConceptSearchPage, MedicalConcept } from '../entities/medicalConcept/medicalConcept.js';
import { toMedicalConcept } from './conceptView.js';
import { ConditionCandidate, DrugConcept, DrugInteractionCheck, Icd10Suggestion, KnowledgeSource, SymptomAssessment } from './types.js';

/** Thin: arguments in, the knowledge base's answer out (it checks the inputs and gives the error codes). */
@Resolver()
export class KnowledgeResolver {
  @Query(() => [KnowledgeSource], { description: 'The knowledge packs loaded: source, edition, licence, rows, checksums.' })
  async knowledgeSources(@Ctx() ctx: GraphQLContext): Promise<KnowledgeSource[]> {
    const knowledge = await ctx.services.knowledge.get();
    return knowledge.sources().map((s) => ({
      id: s.id,
      name: s.name,
      edition: s.edition,
      licence: s.licence,
      rows: Object.values(s.rows)[0] ?? 0,
      rowCounts: Object.entries(s.rows).map(([name, count]) => ({ name, count })),
      commercialUse: s.commercialUse,
      attribution: s.attribution,
      sourceChecksums: s.sources.map((f) => `${f.file}:${f.sha256}`),
    }));
  }

  @Query(() => DrugConcept, { nullable: true, description: 'A drug name in any form (generic, brand, salt, British/Australian, combination, misspelt) → its DrugBank concept; null when nothing matches with confidence.' })
  async normalizeDrug(@Arg('name', () => String) name: string, @Ctx() ctx: GraphQLContext): Promise<DrugConceptData | null> {
    return (await ctx.services.knowledge.get()).normalizeDrug(name);
  }

  @Query(() => DrugInteractionCheck, { description: 'Interactions among 1–50 drugs named in any form; unrecognised names are listed, duplicates reported as duplicate therapy.' })
  async checkDrugInteractions(@Arg('drugs', () => [String]) drugs: string[], @Ctx() ctx: GraphQLContext): Promise<InteractionCheck> {
    return (await ctx.services.knowledge.get()).checkDrugInteractions(drugs);
  }

  @Query(() => [Icd10Suggestion], { description: 'ICD-10-CM codes for a condition phrase, best first (abbreviations, British spellings, lay terms and misspellings handled). `rerank` uses the sentence encoder when one is loaded.' })
  async suggestIcd10Codes(
    @Arg('text', () => String) text: string,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Arg('rerank', () => Boolean, { nullable: true, defaultValue: true }) rerank: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Icd10SuggestionData[]> {
    return (await ctx.services.knowledge.get()).suggestIcd10Codes(text, { limit: limit ?? undefined, rerank });
  }

  @Query(() => [ConditionCandidate], { description: 'Conditions ranked for 1–30 symptoms, with supporting and absent symptoms and red flags.' })
  async correlateSymptoms(
    @Arg('symptoms', () => [String]) symptoms: string[],
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConditionCandidateData[]> {
    return (await ctx.services.knowledge.get()).correlateSymptoms(symptoms, limit ?? undefined).candidates;
  }

  @Query(() => SymptomAssessment, { description: 'correlateSymptoms with the red flags and the recognised and unrecognised symptoms.' })
  async assessSymptoms(
    @Arg('symptoms', () => [String]) symptoms: string[],
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SymptomAssessmentData> {
    return (await ctx.services.knowledge.get()).correlateSymptoms(symptoms, limit ?? undefined);
  }

  @Query(() => MedicalConcept, { nullable: true })
  async concept(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<MedicalConcept | null> {
    const knowledge = await ctx.services.knowledge.get();
    const concept = knowledge.concept(id);
    return concept && toMedicalConcept(knowledge, concept);
  }

  @Query(() => ConceptSearchPage, { description: 'Concepts by text: exact names first, then lexical matches; `semantic` reranks with the sentence encoder when loaded.' })
  async searchConcepts(
    @Arg('text', () => String) text: string,
    @Arg('kinds', () => [ConceptKindEnum], { nullable: true }) kinds: ConceptKindEnum[] | null,
    @Arg('semantic', () => Boolean, { nullable: true, defaultValue: false }) semantic: boolean,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConceptSearchPage> {
    const knowledge = await ctx.services.knowledge.get();
    const page = await knowledge.searchConcepts(text, { kinds: (kinds ?? undefined) as ConceptKind[] | undefined, semantic, first: first ?? undefined, after });
    return { ...page, items: page.items.map((h) => ({ concept: toMedicalConcept(knowledge, h.concept), score: h.score, matchedName: h.matchedName })) };
  }

  @Query(() => ConceptNeighborPage, { nullable: true, description: 'Concepts within `depth` (1–3) relations of a concept, optionally through one relation type; null for an unknown id.' })
  async conceptNeighbors(
    @Arg('id', () => ID) id: string,
    @Arg('relation', () => ConceptRelationEnum, { nullable: true }) relation: ConceptRelationEnum | null,
    @Arg('depth', () => Int, { nullable: true }) depth: number | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ConceptNeighborPage | null> {
    const knowledge = await ctx.services.knowledge.get();
    const page = await knowledge.conceptNeighbors(id, { relation: (relation ?? undefined) as RelationType | undefined, depth: depth ?? undefined, first: first ?? undefined, after });
    if (!page) return null;
    return {
      ...page,
      items: page.items.map((n) => ({
        concept: toMedicalConcept(knowledge, n.concept),
        relation: n.relation as ConceptRelationEnum,
        direction: n.direction as ConceptNeighborPage['items'][number]['direction'],
        depth: n.depth,
        from: n.from,
        severity: typeof n.attrs.severity === 'string' ? n.attrs.severity : null,
        weight: typeof n.attrs.weight === 'number' ? n.attrs.weight : null,
      })),
    };
  }
}

