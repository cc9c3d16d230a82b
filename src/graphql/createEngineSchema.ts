import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { PubSub } from 'type-graphql';
import { buildFederatedSchema } from './buildFederatedSchema.js';
import { permissions } from './permissions.js';
import { limitTextInputs } from './middleware/limitTextInputs.js';
import { auditOperations } from './middleware/auditOperations.js';
import { rateLimitOperations } from './middleware/rateLimitOperations.js';
import { EvaluationResolver } from './entities/evaluation/resolver.js';
import { resolveEvaluationReference } from './entities/evaluation/evaluation.reference.js';
import { MedicalEntityResolver } from './entities/medicalEntity/resolver.js';
import { resolveMedicalEntityReference } from './entities/medicalEntity/medicalEntity.reference.js';
import { DrugInteractionResolver } from './entities/drugInteraction/resolver.js';
import { resolveDrugInteractionReference } from './entities/drugInteraction/drugInteraction.reference.js';
import { SafetyReportResolver } from './entities/safetyReport/resolver.js';
import { resolveSafetyReportReference } from './entities/safetyReport/safetyReport.reference.js';
import { ModelInfoResolver } from './entities/modelInfo/resolver.js';
import { resolveModelInfoReference } from './entities/modelInfo/modelInfo.reference.js';
import { InferenceResolver } from './inference/resolver.js';
import { EmbeddingResolver } from './inference/embeddingResolver.js';
import { AdminResolver } from './admin/resolver.js';
import { KnowledgeResolver } from './knowledge/resolver.js';
import { ClinicalResolver } from './clinical/resolver.js';
import { SafetyResolver } from './safety/resolver.js';
import { EvaluationAnalyticsResolver, EvaluationScoringResolver } from './evaluation/resolver.js';
import { resolveMedicalConceptReference } from './entities/medicalConcept/medicalConcept.reference.js';
import { ViewerResolver } from './viewer/resolver.js';
import { BackgroundJobResolver } from './backgroundJobs/resolver.js';

export interface EngineSchemaOptions {
  /** Longest accepted string argument, in characters. */
  maxTextChars: number;
  /** Where `evaluationUpdated` and friends listen; omitted only when emitting the SDL. */
  pubSub?: PubSub;
}

/** The whole subgraph: type-graphql resolvers, federation, then graphql-shield over everything (including `_entities`). */
export async function createEngineSchema(options: EngineSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildFederatedSchema(
    {
      resolvers: [
        EvaluationResolver,
        MedicalEntityResolver,
        DrugInteractionResolver,
        SafetyReportResolver,
        ModelInfoResolver,
        InferenceResolver,
        EmbeddingResolver,
        KnowledgeResolver,
        ClinicalResolver,
        SafetyResolver,
        EvaluationScoringResolver,
        EvaluationAnalyticsResolver,
        AdminResolver,
        ViewerResolver,
        BackgroundJobResolver,
      ],
      globalMiddlewares: [limitTextInputs(options.maxTextChars), rateLimitOperations, auditOperations],
      pubSub: options.pubSub ?? { publish: () => {}, subscribe: () => emptyStream() },
      validate: false,
      emitSchemaFile: false,
    },
    {
      Evaluation: { __resolveReference: resolveEvaluationReference },
      MedicalEntity: { __resolveReference: resolveMedicalEntityReference },
      DrugInteraction: { __resolveReference: resolveDrugInteractionReference },
      SafetyReport: { __resolveReference: resolveSafetyReportReference },
      ModelInfo: { __resolveReference: resolveModelInfoReference },
      MedicalConcept: { __resolveReference: resolveMedicalConceptReference },
    },
  );
  return applyMiddleware(schema, permissions);
}

async function* emptyStream(): AsyncGenerator<never> {}
