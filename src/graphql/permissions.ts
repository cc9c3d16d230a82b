import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
import { Role, hasRole } from '../auth/viewer.js';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { GraphQLContext } from './context.js';

const isAuthenticated = rule({ cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) =>
  ctx.viewer.kind === 'user' ? true : new UnauthenticatedError(),
);

const hasAnyRole = (...roles: Role[]) =>
  rule(`hasAnyRole:${roles.join(',')}`, { cache: 'contextual' })((_parent, _args, ctx: GraphQLContext) => {
    if (ctx.viewer.kind !== 'user') return new UnauthenticatedError();
    return hasRole(ctx.viewer, ...roles) ? true : new ForbiddenError(`This operation needs one of the roles ${roles.join(', ')}.`);
  });

const isAdmin = hasAnyRole(Role.ADMIN);
const isAdminOrService = hasAnyRole(Role.ADMIN, Role.SERVICE);
const isLearnerOrAdmin = hasAnyRole(Role.LEARNER, Role.ADMIN);
const isAssessorOrAdmin = hasAnyRole(Role.ASSESSOR, Role.ADMIN);

/**
 * Deny by default: every root field and every entity field is listed; anything not listed is refused. Record
 * visibility (own / cohort / all) is enforced below the rules, in the scoped stores and loaders.
 * `_service` must stay readable (with its `_Service` type) or the gateway cannot compose this subgraph.
 */
export const permissionRules: IRules = {
  Query: {
    _service: allow,
    _entities: isAuthenticated,
    me: isAuthenticated,
    evaluation: isAuthenticated,
    evaluations: isAuthenticated,
    medicalEntity: isAuthenticated,
    medicalEntities: isAuthenticated,
    safetyReport: isAuthenticated,
    safetyReports: isAuthenticated,
    drugInteraction: isAuthenticated,
    models: isAuthenticated,
    model: isAuthenticated,
    embed: isAuthenticated,
    modelAliases: isAdminOrService,
    auditLog: isAdmin,
    analytics: isAdminOrService,
    inferenceStats: isAdminOrService,
    knowledgeSources: isAuthenticated,
    normalizeDrug: isAuthenticated,
    checkDrugInteractions: isAuthenticated,
    suggestIcd10Codes: isAuthenticated,
    correlateSymptoms: isAuthenticated,
    assessSymptoms: isAuthenticated,
    concept: isAuthenticated,
    searchConcepts: isAuthenticated,
    conceptNeighbors: isAuthenticated,
    summarizeClinicalNote: isAuthenticated,
    validateClinicalScenario: isAuthenticated,
    redactPhi: isAuthenticated,
    verifyClaim: isAuthenticated,
    assessLanguage: isAuthenticated,
    evaluationAnalytics: isAuthenticated,
    backgroundJob: isAdmin,
  },
  Mutation: {
    submitEvaluation: isLearnerOrAdmin,
    generate: isAuthenticated,
    loadModel: isAdmin,
    unloadModel: isAdmin,
    setModelAlias: isAdmin,
    analyzeClinicalText: isAuthenticated,
    analyzeSafety: isAuthenticated,
    evaluateWriting: isAuthenticated,
    evaluateSpeaking: isAuthenticated,
    rescoreEvaluation: isAssessorOrAdmin,
    recordAssessorScores: isAssessorOrAdmin,
    rescoreEvaluations: isAdmin,
  },
  Subscription: {
    generateStream: isAuthenticated,
    evaluationUpdated: isAuthenticated,
  },
  _Service: allow,
  // Entities: reachable through root fields and `_entities`; every field needs an authenticated viewer.
  Evaluation: isAuthenticated,
  MedicalEntity: isAuthenticated,
  DrugInteraction: isAuthenticated,
  SafetyReport: isAuthenticated,
  ModelInfo: isAuthenticated,
  MedicalConcept: isAuthenticated,
  // Value objects only reachable through a guarded root field.
  ModelAlias: allow,
  // Evaluation results: reachable through guarded evaluation fields and queries.
  CriterionResult: allow,
  EvidenceSpan: allow,
  FeedbackItem: allow,
  CaseNoteItem: allow,
  ChangedFact: allow,
  SpeakingIndicator: allow,
  Measure: allow,
  LanguageAssessment: allow,
  PersonalTip: allow,
  EvaluationAnalytics: isAuthenticated,
  ScoreCount: allow,
  GroupMean: allow,
  CriterionAgreement: allow,
  ModelAliasVariant: allow,
  Generation: allow,
  GenerationUsage: allow,
  GenerationChunk: allow,
  AuditLogEntry: allow,
  OperationStats: allow,
  InferenceStatsView: allow,
  BackgroundJob: allow,
  BackgroundJobProgress: allow,
  Me: allow,
  // Knowledge answers: reachable only through the authenticated knowledge queries above.
  OtherInteractionRule: allow,
  DrugConcept: allow,
  DrugComponent: allow,
  DuplicateTherapy: allow,
  RecognizedDrug: allow,
  DrugInteractionCheck: allow,
  Icd10Suggestion: allow,
  Icd10Evidence: allow,
  RedFlag: allow,
  SymptomSupport: allow,
  ExpectedSymptom: allow,
  ConditionCandidate: allow,
  RecognisedSymptom: allow,
  SymptomAssessment: allow,
  RowCount: allow,
  KnowledgeSource: allow,
  ConceptSearchHit: allow,
  ConceptSearchPage: allow,
  ConceptNeighbor: allow,
  ConceptNeighborPage: allow,
  ContextCueEvidence: allow,
  ClinicalSection: allow,
  MedicationDetail: allow,
  AllergyEntry: allow,
  CodedCondition: allow,
  RecognizersUsed: allow,
  ClinicalAnalysis: allow,
  SummaryItemView: allow,
  ExtractiveSummaryView: allow,
  UnsupportedClaimView: allow,
  AbstractiveSummaryView: allow,
  ClinicalSummary: allow,
  FindingEvidence: allow,
  ScenarioFindingView: allow,
  ScenarioChecked: allow,
  ScenarioReport: allow,
  // Safety answers: reachable only through the authenticated safety fields above.
  SafetyFinding: allow,
  RedactedSpan: allow,
  Redaction: allow,
  ClaimScores: allow,
  ClaimVerdict: allow,
};

export const permissions = shield(permissionRules, {
  fallbackRule: deny,
  fallbackError: () => new ForbiddenError('This field is not open to you (access is denied by default).'),
  // Domain errors thrown by resolvers keep their codes instead of becoming a generic "Not Authorised!".
  allowExternalErrors: true,
  debug: false,
});
