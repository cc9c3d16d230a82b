import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: Date; output: Date; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: any; output: any; }
};

/** One audited mutation or AI operation. Never holds the text that was processed. */
export type AuditLogEntry = {
  __typename?: 'AuditLogEntry';
  actorId?: Maybe<Scalars['String']['output']>;
  /** Comma-separated roles of the actor. */
  actorRoles: Scalars['String']['output'];
  createdAt: Scalars['DateTimeISO']['output'];
  durationMs: Scalars['Float']['output'];
  errorCode?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** MUTATION, AI_OPERATION or ACCESS_DENIED. */
  kind: Scalars['String']['output'];
  modelId?: Maybe<Scalars['String']['output']>;
  operation: Scalars['String']['output'];
  /** SUCCESS, FAILURE or DENIED. */
  outcome: Scalars['String']['output'];
  variant?: Maybe<Scalars['String']['output']>;
};

export type ChatMessageInput = {
  content: Scalars['String']['input'];
  role: ChatRole;
};

export type ChatRole =
  | 'ASSISTANT'
  | 'SYSTEM'
  | 'USER';

/** A known drug–drug interaction from the reference data. */
export type DrugInteraction = {
  __typename?: 'DrugInteraction';
  description: Scalars['String']['output'];
  drugA: Scalars['String']['output'];
  drugB: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** MAJOR, MODERATE, MINOR or UNKNOWN. */
  severity: Scalars['String']['output'];
  /** Reference data set the pair comes from. */
  source: Scalars['String']['output'];
};

/** An OET writing or speaking submission and, once scored, its result. Visible to its owner, the owner's cohort assessors, and admins. */
export type Evaluation = {
  __typename?: 'Evaluation';
  cohortId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** OET grade (A, B, C+, C, D, E). */
  grade?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: EvaluationKind;
  modelId?: Maybe<Scalars['String']['output']>;
  /** Overall result on the 0–500 scale. */
  overallScore?: Maybe<Scalars['Int']['output']>;
  /** The learner (token subject) who submitted it. */
  ownerId: Scalars['ID']['output'];
  status: EvaluationStatus;
  /** The learner's letter or transcript. */
  submission: Scalars['String']['output'];
  /** The case notes or role-play card the submission answers. */
  taskRef?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Model variant that scored it (A/B testing). */
  variant?: Maybe<Scalars['String']['output']>;
};

/** OET sub-test being assessed. */
export type EvaluationKind =
  | 'SPEAKING'
  | 'WRITING';

export type EvaluationStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SCORED';

export type FinishReason =
  | 'CANCELLED'
  | 'LENGTH'
  | 'STOP'
  | 'STOP_SEQUENCE'
  | 'TIMEOUT';

/** Exactly one of prompt and messages. */
export type GenerateInput = {
  /** A JSON schema the output must match. */
  jsonSchema?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Default 256. */
  maxTokens?: InputMaybe<Scalars['Int']['input']>;
  /** Chat messages, rendered with the model's chat template. */
  messages?: InputMaybe<Array<ChatMessageInput>>;
  /** Model id or alias; the `default` alias when omitted. */
  model?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<RequestPriority>;
  /** Raw completion prompt. */
  prompt?: InputMaybe<Scalars['String']['input']>;
  seed?: InputMaybe<Scalars['Int']['input']>;
  /** Up to 8 stop sequences. */
  stop?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 0–2; default 0.8; 0 is greedy. */
  temperature?: InputMaybe<Scalars['Float']['input']>;
  /** (0, 1]; default 0.95. */
  topP?: InputMaybe<Scalars['Float']['input']>;
};

export type Generation = {
  __typename?: 'Generation';
  /** The alias asked for, if any. */
  alias?: Maybe<Scalars['String']['output']>;
  finishReason: FinishReason;
  /** The model (variant) that served the request. */
  model: Scalars['String']['output'];
  text: Scalars['String']['output'];
  usage: GenerationUsage;
};

/** A piece of a streamed generation; the last has done = true, the usage and the finish reason. */
export type GenerationChunk = {
  __typename?: 'GenerationChunk';
  done: Scalars['Boolean']['output'];
  finishReason?: Maybe<FinishReason>;
  model?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  usage?: Maybe<GenerationUsage>;
};

export type GenerationUsage = {
  __typename?: 'GenerationUsage';
  completionTokens: Scalars['Int']['output'];
  promptTokens: Scalars['Int']['output'];
  timeToFirstTokenMs: Scalars['Float']['output'];
  tokensPerSecond: Scalars['Float']['output'];
  totalMs: Scalars['Float']['output'];
};

export type InferenceStatsView = {
  __typename?: 'InferenceStatsView';
  activeSequences: Scalars['Int']['output'];
  backend: Scalars['String']['output'];
  memoryBudgetBytes: Scalars['Float']['output'];
  memoryUsedBytes: Scalars['Float']['output'];
  queueDepth: Scalars['Int']['output'];
  threads: Scalars['Int']['output'];
};

/** The caller, as the token describes them. */
export type Me = {
  __typename?: 'Me';
  cohortIds: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  roles: Array<Scalars['String']['output']>;
};

/** A clinical entity found in a text (drug, condition, symptom, procedure, test, anatomy) with its context. */
export type MedicalEntity = {
  __typename?: 'MedicalEntity';
  /** DRUG, CONDITION, SYMPTOM, PROCEDURE, TEST or ANATOMY. */
  category: Scalars['String']['output'];
  /** ICD-10-CM or drug vocabulary code. */
  code?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  endOffset: Scalars['Int']['output'];
  /** About a family member, not the patient. */
  family: Scalars['Boolean']['output'];
  historical: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  negated: Scalars['Boolean']['output'];
  startOffset: Scalars['Int']['output'];
  /** The span as written. */
  text: Scalars['String']['output'];
  uncertain: Scalars['Boolean']['output'];
};

/** A name that routes requests to one model, or splits them between variants (A/B). */
export type ModelAlias = {
  __typename?: 'ModelAlias';
  name: Scalars['String']['output'];
  variants: Array<ModelAliasVariant>;
};

export type ModelAliasVariant = {
  __typename?: 'ModelAliasVariant';
  modelId: Scalars['ID']['output'];
  /** Relative share of traffic. */
  weight: Scalars['Float']['output'];
};

export type ModelAliasVariantInput = {
  modelId: Scalars['ID']['input'];
  weight?: Scalars['Float']['input'];
};

export type ModelBackend =
  | 'CPU'
  | 'CUDA'
  | 'METAL'
  | 'VULKAN';

export type ModelFormat =
  | 'GGUF'
  | 'ONNX';

/** A model file the engine can serve, and its state. */
export type ModelInfo = {
  __typename?: 'ModelInfo';
  /** Aliases that route (some) traffic to this model. */
  aliases: Array<Scalars['String']['output']>;
  architecture?: Maybe<Scalars['String']['output']>;
  backend: ModelBackend;
  contextLength?: Maybe<Scalars['Int']['output']>;
  /** Why the last load failed. */
  error?: Maybe<Scalars['String']['output']>;
  fileSizeBytes: Scalars['SafeInt']['output'];
  format: ModelFormat;
  id: Scalars['ID']['output'];
  lastUsedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  /** Memory attributed to the model while loaded; 0 otherwise. */
  memoryBytes: Scalars['SafeInt']['output'];
  name: Scalars['String']['output'];
  parameterCount?: Maybe<Scalars['SafeInt']['output']>;
  /** e.g. Q4_1, F16, int8. */
  quantization?: Maybe<Scalars['String']['output']>;
  sha256?: Maybe<Scalars['String']['output']>;
  sourceUri?: Maybe<Scalars['String']['output']>;
  state: ModelState;
  /** text-generation, feature-extraction, token-classification or text-classification. */
  task: Scalars['String']['output'];
};

/** AVAILABLE: on disk, not loaded. UNLOADED: was loaded, since unloaded or evicted. */
export type ModelState =
  | 'AVAILABLE'
  | 'FAILED'
  | 'LOADING'
  | 'READY'
  | 'UNLOADED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Generates text with a local model; waits for the whole answer. */
  generate: Generation;
  /** Loads a model now (it is otherwise loaded on first use). ADMIN. */
  loadModel: ModelInfo;
  /** Points an alias at one or more weighted variants (hot swap, A/B). ADMIN. */
  setModelAlias: ModelAlias;
  /** Stores a submission for scoring (status PENDING). */
  submitEvaluation: Evaluation;
  /** Unloads a model once its in-flight requests finish. ADMIN. */
  unloadModel: ModelInfo;
};


export type MutationGenerateArgs = {
  input: GenerateInput;
};


export type MutationLoadModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetModelAliasArgs = {
  name: Scalars['String']['input'];
  variants: Array<ModelAliasVariantInput>;
};


export type MutationSubmitEvaluationArgs = {
  input: SubmitEvaluationInput;
};


export type MutationUnloadModelArgs = {
  id: Scalars['ID']['input'];
};

export type OperationStats = {
  __typename?: 'OperationStats';
  avgDurationMs: Scalars['Float']['output'];
  denied: Scalars['Int']['output'];
  failure: Scalars['Int']['output'];
  operation: Scalars['String']['output'];
  p95DurationMs: Scalars['Float']['output'];
  success: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Per-operation counts and durations since a date (default: all time). ADMIN, SERVICE. */
  analytics: Array<OperationStats>;
  /** Audit log, newest first. ADMIN. */
  auditLog: Array<AuditLogEntry>;
  drugInteraction?: Maybe<DrugInteraction>;
  /** Sentence embeddings (L2-normalised) from an ONNX feature-extraction model; `embedder` alias by default. */
  embed: Array<Array<Scalars['Float']['output']>>;
  /** An evaluation you may see, or null. */
  evaluation?: Maybe<Evaluation>;
  /** Evaluations you may see, newest first. */
  evaluations: Array<Evaluation>;
  /** Queue depth, active sequences and memory of the inference engine. ADMIN, SERVICE. */
  inferenceStats: InferenceStatsView;
  me: Me;
  /** Entities you may see, newest first. */
  medicalEntities: Array<MedicalEntity>;
  medicalEntity?: Maybe<MedicalEntity>;
  /** A model by id or alias (an alias gives its heaviest variant). */
  model?: Maybe<ModelInfo>;
  modelAliases: Array<ModelAlias>;
  /** Every model found in the model directories and the manifest. */
  models: Array<ModelInfo>;
  safetyReport?: Maybe<SafetyReport>;
  /** Safety reports you may see, newest first. */
  safetyReports: Array<SafetyReport>;
};


export type QueryAnalyticsArgs = {
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryAuditLogArgs = {
  first?: Scalars['Int']['input'];
  operation?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryDrugInteractionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEmbedArgs = {
  model?: Scalars['ID']['input'];
  texts: Array<Scalars['String']['input']>;
};


export type QueryEvaluationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryEvaluationsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryMedicalEntitiesArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
};


export type QueryMedicalEntityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryModelArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySafetyReportArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySafetyReportsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
};

/** INTERACTIVE requests are served before BACKGROUND ones. */
export type RequestPriority =
  | 'BACKGROUND'
  | 'INTERACTIVE';

/** The result of a safety check (PHI, fact check, hallucination, bias, content filter) on a text. */
export type SafetyReport = {
  __typename?: 'SafetyReport';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Findings as a JSON document. */
  findings: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  modelId?: Maybe<Scalars['String']['output']>;
  /** PASS, WARN or BLOCK. */
  verdict: Scalars['String']['output'];
};

/** A learner submission to be scored. */
export type SubmitEvaluationInput = {
  kind: EvaluationKind;
  /** Letter or transcript text; size-limited (INPUT_TOO_LARGE). */
  submission: Scalars['String']['input'];
  taskRef?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Evaluations you may see as they are created or scored. */
  evaluationUpdated: Evaluation;
  /** Streams a generation token by token; unsubscribing stops it and frees its sequence at once. */
  generateStream: GenerationChunk;
};


export type SubscriptionGenerateStreamArgs = {
  input: GenerateInput;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  DrugInteraction: DrugInteraction;
  Evaluation: Evaluation;
  MedicalEntity: MedicalEntity;
  ModelInfo: ModelInfo;
  SafetyReport: SafetyReport;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  DrugInteraction:
    ( { __typename: 'DrugInteraction' }
    & GraphQLRecursivePick<FederationTypes['DrugInteraction'], {"id":true}> );
  Evaluation:
    ( { __typename: 'Evaluation' }
    & GraphQLRecursivePick<FederationTypes['Evaluation'], {"id":true}> );
  MedicalEntity:
    ( { __typename: 'MedicalEntity' }
    & GraphQLRecursivePick<FederationTypes['MedicalEntity'], {"id":true}> );
  ModelInfo:
    ( { __typename: 'ModelInfo' }
    & GraphQLRecursivePick<FederationTypes['ModelInfo'], {"id":true}> );
  SafetyReport:
    ( { __typename: 'SafetyReport' }
    & GraphQLRecursivePick<FederationTypes['SafetyReport'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditLogEntry: ResolverTypeWrapper<AuditLogEntry>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ChatMessageInput: ChatMessageInput;
  ChatRole: ChatRole;
  DateTimeISO: ResolverTypeWrapper<Scalars['DateTimeISO']['output']>;
  DrugInteraction: ResolverTypeWrapper<DrugInteraction>;
  Evaluation: ResolverTypeWrapper<Evaluation>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  EvaluationKind: EvaluationKind;
  EvaluationStatus: EvaluationStatus;
  FinishReason: FinishReason;
  GenerateInput: GenerateInput;
  Generation: ResolverTypeWrapper<Generation>;
  GenerationChunk: ResolverTypeWrapper<GenerationChunk>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  GenerationUsage: ResolverTypeWrapper<GenerationUsage>;
  InferenceStatsView: ResolverTypeWrapper<InferenceStatsView>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Me: ResolverTypeWrapper<Me>;
  MedicalEntity: ResolverTypeWrapper<MedicalEntity>;
  ModelAlias: ResolverTypeWrapper<ModelAlias>;
  ModelAliasVariant: ResolverTypeWrapper<ModelAliasVariant>;
  ModelAliasVariantInput: ModelAliasVariantInput;
  ModelBackend: ModelBackend;
  ModelFormat: ModelFormat;
  ModelInfo: ResolverTypeWrapper<ModelInfo>;
  ModelState: ModelState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationStats: ResolverTypeWrapper<OperationStats>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequestPriority: RequestPriority;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SafetyReport: ResolverTypeWrapper<SafetyReport>;
  SubmitEvaluationInput: SubmitEvaluationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditLogEntry: AuditLogEntry;
  String: Scalars['String']['output'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  ChatMessageInput: ChatMessageInput;
  DateTimeISO: Scalars['DateTimeISO']['output'];
  DrugInteraction: DrugInteraction | FederationReferenceTypes['DrugInteraction'];
  Evaluation: Evaluation | FederationReferenceTypes['Evaluation'];
  Int: Scalars['Int']['output'];
  GenerateInput: GenerateInput;
  Generation: Generation;
  GenerationChunk: GenerationChunk;
  Boolean: Scalars['Boolean']['output'];
  GenerationUsage: GenerationUsage;
  InferenceStatsView: InferenceStatsView;
  JSONObject: Scalars['JSONObject']['output'];
  Me: Me;
  MedicalEntity: MedicalEntity | FederationReferenceTypes['MedicalEntity'];
  ModelAlias: ModelAlias;
  ModelAliasVariant: ModelAliasVariant;
  ModelAliasVariantInput: ModelAliasVariantInput;
  ModelInfo: ModelInfo | FederationReferenceTypes['ModelInfo'];
  Mutation: Record<PropertyKey, never>;
  OperationStats: OperationStats;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SafetyReport: SafetyReport | FederationReferenceTypes['SafetyReport'];
  SubmitEvaluationInput: SubmitEvaluationInput;
  Subscription: Record<PropertyKey, never>;
};

export type AuditLogEntryResolvers<ContextType = any, ParentType extends ResolversParentTypes['AuditLogEntry'] = ResolversParentTypes['AuditLogEntry']> = {
  actorId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  actorRoles?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  durationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export interface DateTimeIsoScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTimeISO'], any> {
  name: 'DateTimeISO';
}

export type DrugInteractionResolvers<ContextType = any, ParentType extends ResolversParentTypes['DrugInteraction'] = ResolversParentTypes['DrugInteraction'], FederationReferenceType extends FederationReferenceTypes['DrugInteraction'] = FederationReferenceTypes['DrugInteraction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DrugInteraction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugA?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugB?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EvaluationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Evaluation'] = ResolversParentTypes['Evaluation'], FederationReferenceType extends FederationReferenceTypes['Evaluation'] = FederationReferenceTypes['Evaluation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Evaluation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cohortId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  grade?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EvaluationKind'], ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overallScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EvaluationStatus'], ParentType, ContextType>;
  submission?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taskRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type GenerationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Generation'] = ResolversParentTypes['Generation']> = {
  alias?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishReason?: Resolver<ResolversTypes['FinishReason'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['GenerationUsage'], ParentType, ContextType>;
};

export type GenerationChunkResolvers<ContextType = any, ParentType extends ResolversParentTypes['GenerationChunk'] = ResolversParentTypes['GenerationChunk']> = {
  done?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  finishReason?: Resolver<Maybe<ResolversTypes['FinishReason']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<Maybe<ResolversTypes['GenerationUsage']>, ParentType, ContextType>;
};

export type GenerationUsageResolvers<ContextType = any, ParentType extends ResolversParentTypes['GenerationUsage'] = ResolversParentTypes['GenerationUsage']> = {
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeToFirstTokenMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokensPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type InferenceStatsViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['InferenceStatsView'] = ResolversParentTypes['InferenceStatsView']> = {
  activeSequences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  backend?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  memoryBudgetBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  memoryUsedBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  queueDepth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type MeResolvers<ContextType = any, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = {
  cohortIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MedicalEntityResolvers<ContextType = any, ParentType extends ResolversParentTypes['MedicalEntity'] = ResolversParentTypes['MedicalEntity'], FederationReferenceType extends FederationReferenceTypes['MedicalEntity'] = FederationReferenceTypes['MedicalEntity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MedicalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  endOffset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  historical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  negated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startOffset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uncertain?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ModelAliasResolvers<ContextType = any, ParentType extends ResolversParentTypes['ModelAlias'] = ResolversParentTypes['ModelAlias']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  variants?: Resolver<Array<ResolversTypes['ModelAliasVariant']>, ParentType, ContextType>;
};

export type ModelAliasVariantResolvers<ContextType = any, ParentType extends ResolversParentTypes['ModelAliasVariant'] = ResolversParentTypes['ModelAliasVariant']> = {
  modelId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ModelInfoResolvers<ContextType = any, ParentType extends ResolversParentTypes['ModelInfo'] = ResolversParentTypes['ModelInfo'], FederationReferenceType extends FederationReferenceTypes['ModelInfo'] = FederationReferenceTypes['ModelInfo']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ModelInfo']> | FederationReferenceType, FederationReferenceType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  architecture?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  backend?: Resolver<ResolversTypes['ModelBackend'], ParentType, ContextType>;
  contextLength?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fileSizeBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['ModelFormat'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTimeISO']>, ParentType, ContextType>;
  memoryBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  parameterCount?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  quantization?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceUri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ModelState'], ParentType, ContextType>;
  task?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  generate?: Resolver<ResolversTypes['Generation'], ParentType, ContextType, RequireFields<MutationGenerateArgs, 'input'>>;
  loadModel?: Resolver<ResolversTypes['ModelInfo'], ParentType, ContextType, RequireFields<MutationLoadModelArgs, 'id'>>;
  setModelAlias?: Resolver<ResolversTypes['ModelAlias'], ParentType, ContextType, RequireFields<MutationSetModelAliasArgs, 'name' | 'variants'>>;
  submitEvaluation?: Resolver<ResolversTypes['Evaluation'], ParentType, ContextType, RequireFields<MutationSubmitEvaluationArgs, 'input'>>;
  unloadModel?: Resolver<ResolversTypes['ModelInfo'], ParentType, ContextType, RequireFields<MutationUnloadModelArgs, 'id'>>;
};

export type OperationStatsResolvers<ContextType = any, ParentType extends ResolversParentTypes['OperationStats'] = ResolversParentTypes['OperationStats']> = {
  avgDurationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  denied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failure?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  p95DurationMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  success?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  analytics?: Resolver<Array<ResolversTypes['OperationStats']>, ParentType, ContextType, Partial<QueryAnalyticsArgs>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditLogEntry']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  drugInteraction?: Resolver<Maybe<ResolversTypes['DrugInteraction']>, ParentType, ContextType, RequireFields<QueryDrugInteractionArgs, 'id'>>;
  embed?: Resolver<Array<Array<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<QueryEmbedArgs, 'model' | 'texts'>>;
  evaluation?: Resolver<Maybe<ResolversTypes['Evaluation']>, ParentType, ContextType, RequireFields<QueryEvaluationArgs, 'id'>>;
  evaluations?: Resolver<Array<ResolversTypes['Evaluation']>, ParentType, ContextType, RequireFields<QueryEvaluationsArgs, 'first'>>;
  inferenceStats?: Resolver<ResolversTypes['InferenceStatsView'], ParentType, ContextType>;
  me?: Resolver<ResolversTypes['Me'], ParentType, ContextType>;
  medicalEntities?: Resolver<Array<ResolversTypes['MedicalEntity']>, ParentType, ContextType, RequireFields<QueryMedicalEntitiesArgs, 'first'>>;
  medicalEntity?: Resolver<Maybe<ResolversTypes['MedicalEntity']>, ParentType, ContextType, RequireFields<QueryMedicalEntityArgs, 'id'>>;
  model?: Resolver<Maybe<ResolversTypes['ModelInfo']>, ParentType, ContextType, RequireFields<QueryModelArgs, 'id'>>;
  modelAliases?: Resolver<Array<ResolversTypes['ModelAlias']>, ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ModelInfo']>, ParentType, ContextType>;
  safetyReport?: Resolver<Maybe<ResolversTypes['SafetyReport']>, ParentType, ContextType, RequireFields<QuerySafetyReportArgs, 'id'>>;
  safetyReports?: Resolver<Array<ResolversTypes['SafetyReport']>, ParentType, ContextType, RequireFields<QuerySafetyReportsArgs, 'first'>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SafetyReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['SafetyReport'] = ResolversParentTypes['SafetyReport'], FederationReferenceType extends FederationReferenceTypes['SafetyReport'] = FederationReferenceTypes['SafetyReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SafetyReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  findings?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  evaluationUpdated?: SubscriptionResolver<ResolversTypes['Evaluation'], "evaluationUpdated", ParentType, ContextType>;
  generateStream?: SubscriptionResolver<ResolversTypes['GenerationChunk'], "generateStream", ParentType, ContextType, RequireFields<SubscriptionGenerateStreamArgs, 'input'>>;
};

export type Resolvers<ContextType = any> = {
  AuditLogEntry?: AuditLogEntryResolvers<ContextType>;
  DateTimeISO?: GraphQLScalarType;
  DrugInteraction?: DrugInteractionResolvers<ContextType>;
  Evaluation?: EvaluationResolvers<ContextType>;
  Generation?: GenerationResolvers<ContextType>;
  GenerationChunk?: GenerationChunkResolvers<ContextType>;
  GenerationUsage?: GenerationUsageResolvers<ContextType>;
  InferenceStatsView?: InferenceStatsViewResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  Me?: MeResolvers<ContextType>;
  MedicalEntity?: MedicalEntityResolvers<ContextType>;
  ModelAlias?: ModelAliasResolvers<ContextType>;
  ModelAliasVariant?: ModelAliasVariantResolvers<ContextType>;
  ModelInfo?: ModelInfoResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OperationStats?: OperationStatsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SafetyReport?: SafetyReportResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
};

