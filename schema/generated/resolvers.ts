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

/** Written by the instruction model under a JSON schema, then checked against the note. */
export type AbstractiveSummaryView = {
  __typename?: 'AbstractiveSummaryView';
  medications: Array<Scalars['String']['output']>;
  modelId: Scalars['String']['output'];
  plan: Array<Scalars['String']['output']>;
  problems: Array<Scalars['String']['output']>;
  summary: Scalars['String']['output'];
  supportedCount: Scalars['Int']['output'];
  /** Flagged, never silently kept: show them marked. */
  unsupported: Array<UnsupportedClaimView>;
};

export type AgreementGrouping =
  | 'COHORT'
  | 'NONE'
  | 'WEEK';

export type AllergyEntry = {
  __typename?: 'AllergyEntry';
  drugbankId?: Maybe<Scalars['String']['output']>;
  entityId: Scalars['ID']['output'];
  substance: Scalars['String']['output'];
};

export type AssessorScoreInput = {
  /** Criterion name as OET writes it ("Genre & Style"). */
  criterion: Scalars['String']['input'];
  score: Scalars['Int']['input'];
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

/** A batch job run by a worker (or this instance, all-in-one), e.g. re-scoring evaluations. */
export type BackgroundJob = {
  __typename?: 'BackgroundJob';
  createdAt: Scalars['DateTimeISO']['output'];
  error?: Maybe<Scalars['String']['output']>;
  finishedAt?: Maybe<Scalars['DateTimeISO']['output']>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  progress?: Maybe<BackgroundJobProgress>;
  requestedBy?: Maybe<Scalars['String']['output']>;
  /** What the job returned, once completed (rescoreEvaluations: { rescored: { oldId: newId }, failed: [id] }). */
  result?: Maybe<Scalars['JSONObject']['output']>;
  state: BackgroundJobState;
};

/** How far a background job has come. */
export type BackgroundJobProgress = {
  __typename?: 'BackgroundJobProgress';
  done: Scalars['Int']['output'];
  failed: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

export type BackgroundJobState =
  | 'ACTIVE'
  | 'COMPLETED'
  | 'FAILED'
  | 'WAITING';

/** A case-note item and what the letter did with it. */
export type CaseNoteItem = {
  __typename?: 'CaseNoteItem';
  end: Scalars['Int']['output'];
  /** Where the letter uses it. */
  evidence?: Maybe<EvidenceSpan>;
  reason: Scalars['String']['output'];
  /** NEEDED, OPTIONAL or LEAVE_OUT for this reader and letter type. */
  relevance: Scalars['String']['output'];
  section: Scalars['String']['output'];
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  used: Scalars['Boolean']['output'];
};

/** A fact the letter states differently from the case notes. */
export type ChangedFact = {
  __typename?: 'ChangedFact';
  letter: EvidenceSpan;
  message: Scalars['String']['output'];
  /** What the notes say. */
  notes?: Maybe<EvidenceSpan>;
  /** DRUG, DOSE, NUMBER, DATE, CONDITION or NEGATION_FLIP. */
  type: Scalars['String']['output'];
};

export type ChatMessageInput = {
  content: Scalars['String']['input'];
  role: ChatRole;
};

export type ChatRole =
  | 'ASSISTANT'
  | 'SYSTEM'
  | 'USER';

export type ClaimLabel =
  | 'NEUTRAL'
  | 'REFUTES'
  | 'SUPPORTS';

export type ClaimScores = {
  __typename?: 'ClaimScores';
  neutral: Scalars['Float']['output'];
  refutes: Scalars['Float']['output'];
  supports: Scalars['Float']['output'];
};

/** Whether the evidence supports or refutes the claim, from the trained claim verifier. */
export type ClaimVerdict = {
  __typename?: 'ClaimVerdict';
  label: ClaimLabel;
  /** Probability of the label. */
  score: Scalars['Float']['output'];
  scores: ClaimScores;
};

export type ClinicalAnalysis = {
  __typename?: 'ClinicalAnalysis';
  allergies: Array<AllergyEntry>;
  conditions: Array<CodedCondition>;
  entities: Array<MedicalEntity>;
  /** The analysis; stored entities carry it as their source. */
  id: Scalars['ID']['output'];
  /** False when the text does not read as English (few entities will be found). */
  likelyEnglish: Scalars['Boolean']['output'];
  medications: Array<MedicationDetail>;
  noKnownAllergies: Scalars['Boolean']['output'];
  recognizers: RecognizersUsed;
  sections: Array<ClinicalSection>;
  stored: Scalars['Boolean']['output'];
};

export type ClinicalAnalysisOptions = {
  /** Store the entities under your account (then they resolve by id and through _entities). */
  store?: Scalars['Boolean']['input'];
  /** Run the trained recogniser when it is loaded (merged with the dictionary). */
  useModel?: Scalars['Boolean']['input'];
};

export type ClinicalSection = {
  __typename?: 'ClinicalSection';
  end: Scalars['Int']['output'];
  heading: Scalars['String']['output'];
  /** chief_complaint, history_of_present_illness, past_history, medications, allergies, social_history, family_history, examination, results, assessment, plan, patient_details. */
  kind: Scalars['String']['output'];
  start: Scalars['Int']['output'];
};

export type ClinicalSummary = {
  __typename?: 'ClinicalSummary';
  abstractive?: Maybe<AbstractiveSummaryView>;
  abstractiveSkipped?: Maybe<Scalars['String']['output']>;
  extractive: ExtractiveSummaryView;
};

/** One of the patient's conditions coded to ICD-10-CM (negated, family, hypothetical and uncertain mentions are not coded). */
export type CodedCondition = {
  __typename?: 'CodedCondition';
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  entityIds: Array<Scalars['ID']['output']>;
  score: Scalars['Float']['output'];
  text: Scalars['String']['output'];
};

export type ConceptKind =
  | 'ABBREVIATION'
  | 'ANATOMY'
  | 'CONDITION'
  | 'DRUG'
  | 'DRUG_CLASS'
  | 'OTHER'
  | 'PROCEDURE'
  | 'PRODUCT'
  | 'SYMPTOM'
  | 'TEST';

export type ConceptNeighbor = {
  __typename?: 'ConceptNeighbor';
  concept: MedicalConcept;
  depth: Scalars['Int']['output'];
  direction: RelationDirection;
  /** The concept this one was reached from. */
  from: Scalars['ID']['output'];
  relation: ConceptRelation;
  /** Interaction severity, on interacts-with relations. */
  severity?: Maybe<Scalars['String']['output']>;
  /** Typicality 0–1, on has-symptom relations. */
  weight?: Maybe<Scalars['Float']['output']>;
};

export type ConceptNeighborPage = {
  __typename?: 'ConceptNeighborPage';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  items: Array<ConceptNeighbor>;
  totalCount: Scalars['Int']['output'];
};

/** Typed relations of the concept graph. */
export type ConceptRelation =
  | 'ABBREVIATION_OF'
  | 'BRAND_OF'
  | 'COMPONENT_OF'
  | 'HAS_SYMPTOM'
  | 'INTERACTS_WITH'
  | 'IS_A'
  | 'MEMBER_OF'
  | 'SALT_OF'
  | 'SAME_AS';

export type ConceptSearchHit = {
  __typename?: 'ConceptSearchHit';
  concept: MedicalConcept;
  matchedName: Scalars['String']['output'];
  score: Scalars['Float']['output'];
};

export type ConceptSearchPage = {
  __typename?: 'ConceptSearchPage';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  items: Array<ConceptSearchHit>;
  totalCount: Scalars['Int']['output'];
};

/** A condition that fits some of the given symptoms. */
export type ConditionCandidate = {
  __typename?: 'ConditionCandidate';
  /** Typical symptoms that were not given. */
  absent: Array<ExpectedSymptom>;
  commercialUse: Scalars['Boolean']['output'];
  conceptId: Scalars['ID']['output'];
  icd10?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  /** Packs the association comes from. */
  packs: Array<Scalars['String']['output']>;
  redFlags: Array<RedFlag>;
  score: Scalars['Float']['output'];
  /** Given symptoms it typically presents with. */
  supporting: Array<SymptomSupport>;
};

/** A context cue that set one of an entity’s flags: the evidence (“denies”, “? ”, “mother”). */
export type ContextCueEvidence = {
  __typename?: 'ContextCueEvidence';
  end: Scalars['Int']['output'];
  /** NEGATED, UNCERTAIN, HISTORICAL, FAMILY or HYPOTHETICAL. */
  kind: Scalars['String']['output'];
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

/** Engine–assessor agreement on one criterion (and group): quadratic weighted kappa, exact and adjacent agreement. */
export type CriterionAgreement = {
  __typename?: 'CriterionAgreement';
  adjacent?: Maybe<Scalars['Float']['output']>;
  criterion: Scalars['String']['output'];
  exact?: Maybe<Scalars['Float']['output']>;
  group?: Maybe<Scalars['String']['output']>;
  /** Engine minus assessor, mean: positive = the engine is more lenient. */
  meanDifference?: Maybe<Scalars['Float']['output']>;
  n: Scalars['Int']['output'];
  qwk?: Maybe<Scalars['Float']['output']>;
};

/** One OET criterion: its score on OET's scale, evidence spans and feedback. */
export type CriterionResult = {
  __typename?: 'CriterionResult';
  evidence: Array<EvidenceSpan>;
  /** The feedback messages, most costly first. */
  feedback: Array<Scalars['String']['output']>;
  /** The same feedback with codes, evidence and suggestions. */
  feedbackItems: Array<FeedbackItem>;
  max: Scalars['Int']['output'];
  /** As OET writes it: "Purpose", "Genre & Style", "Information-gathering" … */
  name: Scalars['String']['output'];
  score: Scalars['Int']['output'];
};

export type DrugComponent = {
  __typename?: 'DrugComponent';
  drugbankId: Scalars['String']['output'];
  name: Scalars['String']['output'];
};

/** A drug name normalised to DrugBank. */
export type DrugConcept = {
  __typename?: 'DrugConcept';
  components: Array<DrugComponent>;
  /** 0–1; exact generic names 1, fuzzy matches at most 0.85. */
  confidence: Scalars['Float']['output'];
  /** Null for a combination of several drugs (see components). */
  drugbankId?: Maybe<Scalars['String']['output']>;
  /** Concept id: `drugbank:DB…` for one drug; a product or `+`-joined ids for a combination. */
  id: Scalars['ID']['output'];
  matchedBy: DrugMatchKind;
  /** The lexicon name that matched. */
  matchedName: Scalars['String']['output'];
  /** Generic name (DrugBank common name); for a combination, its name and components. */
  name: Scalars['String']['output'];
};

/** An interaction between two drugs, from a knowledge pack: the rule that matched, its severity, mechanism and management, and the licence of its source. */
export type DrugInteraction = {
  __typename?: 'DrugInteraction';
  /** False when the source is non-commercial (DDInter): do not use in a commercial product. */
  commercialUse: Scalars['Boolean']['output'];
  description: Scalars['String']['output'];
  /** Generic name of the first drug (the side the rule names first). */
  drugA: Scalars['String']['output'];
  drugB: Scalars['String']['output'];
  drugbankIdA: Scalars['String']['output'];
  drugbankIdB: Scalars['String']['output'];
  /** Stable: `<pack>:<rule>:<DrugBank id A>:<DrugBank id B>`. */
  id: Scalars['ID']['output'];
  /** The first drug as the caller wrote it. */
  inputA: Scalars['String']['output'];
  inputB: Scalars['String']['output'];
  licence: Scalars['String']['output'];
  management: Scalars['String']['output'];
  /** What each side matched through: the drug itself or a class (`class:nsaid`). */
  matchedVia: Array<Scalars['String']['output']>;
  mechanism: Scalars['String']['output'];
  otherRules: Array<OtherInteractionRule>;
  references: Array<Scalars['String']['output']>;
  /** The rule (drug pair or drug-class rule) that matched. */
  ruleId: Scalars['String']['output'];
  severity: InteractionSeverity;
  /** The knowledge pack the rule comes from. */
  source: Scalars['String']['output'];
  /** The source's own severity word when it differs (DDInter's `Unknown` is reported as MINOR). */
  sourceSeverity?: Maybe<Scalars['String']['output']>;
};

export type DrugInteractionCheck = {
  __typename?: 'DrugInteractionCheck';
  duplicates: Array<DuplicateTherapy>;
  /** Every interacting pair once, most severe first. */
  interactions: Array<DrugInteraction>;
  recognized: Array<RecognizedDrug>;
  /** Names that matched no drug: listed, never dropped. */
  unrecognized: Array<Scalars['String']['output']>;
};

/** How a drug name was matched: generic name, vocabulary synonym, regional (British/Australian) name, brand, salt form, combination, or a repaired misspelling (FUZZY). */
export type DrugMatchKind =
  | 'BRAND'
  | 'COMBINATION'
  | 'FUZZY'
  | 'GENERIC'
  | 'REGIONAL'
  | 'SALT'
  | 'SYNONYM';

/** The same drug given twice (in one or two forms): a duplicate therapy, not an interaction. */
export type DuplicateTherapy = {
  __typename?: 'DuplicateTherapy';
  drug: Scalars['String']['output'];
  drugbankId: Scalars['String']['output'];
  inputs: Array<Scalars['String']['output']>;
};

/** An OET writing or speaking submission and, once scored, its result. Visible to its owner, the owner's cohort assessors, and admins. */
export type Evaluation = {
  __typename?: 'Evaluation';
  /** Writing: each case-note item, its relevance for this reader, and whether the letter used it. */
  caseNoteCoverage: Array<CaseNoteItem>;
  cohortId?: Maybe<Scalars['ID']['output']>;
  createdAt: Scalars['DateTimeISO']['output'];
  /** The six (writing) or nine (speaking) OET criteria; empty until scored. */
  criteria: Array<CriterionResult>;
  /** ESTIMATED 0–500 score: OET publishes no conversion; the mapping is documented in the README (Evaluation). */
  estimatedScore?: Maybe<Scalars['Int']['output']>;
  /** Writing: facts the letter states differently from the notes. */
  factsChanged: Array<ChangedFact>;
  /** OET grade (A, B, C+, C, D, E). */
  grade?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Speaking: the clinical-communication indicators A1–E5 with evidence. */
  indicators: Array<SpeakingIndicator>;
  kind: EvaluationKind;
  /** The calibrated language model's traits for the text, when it ran. */
  languageTraits?: Maybe<LanguageAssessment>;
  letterType?: Maybe<Scalars['String']['output']>;
  /** Speaking: measured rate, fillers, pauses, question counts, ASR confidence. */
  measures: Array<Measure>;
  modelId?: Maybe<Scalars['String']['output']>;
  /** JSON: the models (sha256 prefixes) the evaluation used. */
  modelVersions?: Maybe<Scalars['String']['output']>;
  /** Overall result on the 0–500 scale. */
  overallScore?: Maybe<Scalars['Int']['output']>;
  /** The learner (token subject) who submitted it. */
  ownerId: Scalars['ID']['output'];
  /** Tips from the instruction model (asked for with personalise), kept where they agree with the findings. */
  personalFeedback: Array<PersonalTip>;
  profession?: Maybe<Scalars['String']['output']>;
  reader?: Maybe<Scalars['String']['output']>;
  /** The evaluation this one re-scored. */
  rescoredFromId?: Maybe<Scalars['ID']['output']>;
  /** True when estimatedScore and grade are the engine's estimate, not an OET result (always, for scored evaluations). */
  scoreIsEstimate: Scalars['Boolean']['output'];
  /** The rules version that scored it ("writing-rules-1"); re-scoring with a new one keeps both. */
  scorerVersion?: Maybe<Scalars['String']['output']>;
  status: EvaluationStatus;
  /** The learner's letter or transcript. */
  submission: Scalars['String']['output'];
  /** The case notes or role-play card the submission answers. */
  taskRef?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTimeISO']['output'];
  /** Model variant that scored it (A/B testing). */
  variant?: Maybe<Scalars['String']['output']>;
};

/** Aggregates over criterion scores you may see, computed in the database. */
export type EvaluationAnalytics = {
  __typename?: 'EvaluationAnalytics';
  /** Engine–assessor agreement per criterion (quadratic weighted kappa, exact, adjacent), overall, by cohort or by week (drift). */
  agreement: Array<CriterionAgreement>;
  /** How many evaluations got each score, per criterion. */
  distribution: Array<ScoreCount>;
  /** Mean score per criterion, by profession, cohort, letter type or ISO week. */
  means: Array<GroupMean>;
  /** Mean per criterion per ISO week: a learner's progress (with filter.learnerId) or the engine's drift over time. */
  progress: Array<GroupMean>;
};


/** Aggregates over criterion scores you may see, computed in the database. */
export type EvaluationAnalyticsAgreementArgs = {
  groupBy?: AgreementGrouping;
};


/** Aggregates over criterion scores you may see, computed in the database. */
export type EvaluationAnalyticsMeansArgs = {
  groupBy?: MeanGrouping;
};

/** Which evaluations an analytics query covers; every field narrows, none widens what you may see. */
export type EvaluationAnalyticsFilter = {
  cohortId?: InputMaybe<Scalars['ID']['input']>;
  criterion?: InputMaybe<Scalars['String']['input']>;
  from?: InputMaybe<Scalars['DateTimeISO']['input']>;
  /** WRITING or SPEAKING. */
  kind: Scalars['String']['input'];
  /** One learner's evaluations (their progress). */
  learnerId?: InputMaybe<Scalars['ID']['input']>;
  letterType?: InputMaybe<LetterType>;
  profession?: InputMaybe<Profession>;
  to?: InputMaybe<Scalars['DateTimeISO']['input']>;
};

/** OET sub-test being assessed. */
export type EvaluationKind =
  | 'SPEAKING'
  | 'WRITING';

export type EvaluationStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SCORED';

/** A span of the learner's text; for speaking, offsets index the turns joined by newlines and `turn` says which. */
export type EvidenceSpan = {
  __typename?: 'EvidenceSpan';
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
  turn?: Maybe<Scalars['Int']['output']>;
};

export type ExpectedSymptom = {
  __typename?: 'ExpectedSymptom';
  symptom: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

/** Picked from the note itself: every item is a span of the source. */
export type ExtractiveSummaryView = {
  __typename?: 'ExtractiveSummaryView';
  allergies: Array<SummaryItemView>;
  medications: Array<SummaryItemView>;
  plan: Array<SummaryItemView>;
  problems: Array<SummaryItemView>;
  results: Array<SummaryItemView>;
};

/** One point an assessor would make: the problem or strength, where, and a better version when one is clear. */
export type FeedbackItem = {
  __typename?: 'FeedbackItem';
  /** Stable code, e.g. PURPOSE_NOT_IN_OPENING. */
  code: Scalars['String']['output'];
  evidence?: Maybe<EvidenceSpan>;
  /** Speaking: the OET indicator (A1–E5). */
  indicator?: Maybe<Scalars['String']['output']>;
  kind: FeedbackKind;
  message: Scalars['String']['output'];
  suggestion?: Maybe<Scalars['String']['output']>;
};

export type FeedbackKind =
  | 'ISSUE'
  | 'POSITIVE';

export type FindingEvidence = {
  __typename?: 'FindingEvidence';
  end?: Maybe<Scalars['Int']['output']>;
  /** Offsets into `text` when the evidence comes from it. */
  start?: Maybe<Scalars['Int']['output']>;
  text: Scalars['String']['output'];
};

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
  /** True when the answer was replayed from the response cache (a repeated greedy or seeded request): nothing was decoded. */
  cached?: Maybe<Scalars['Boolean']['output']>;
  /** Prompt tokens found already evaluated (prefix cache) and not evaluated again; null when the backend does not say. */
  cachedPromptTokens?: Maybe<Scalars['Int']['output']>;
  completionTokens: Scalars['Int']['output'];
  promptTokens: Scalars['Int']['output'];
  timeToFirstTokenMs: Scalars['Float']['output'];
  tokensPerSecond: Scalars['Float']['output'];
  totalMs: Scalars['Float']['output'];
};

export type GroupMean = {
  __typename?: 'GroupMean';
  count: Scalars['Int']['output'];
  criterion: Scalars['String']['output'];
  group?: Maybe<Scalars['String']['output']>;
  mean: Scalars['Float']['output'];
};

export type Icd10Evidence = {
  __typename?: 'Icd10Evidence';
  /** The phrase with abbreviations written out. */
  expandedQuery: Scalars['String']['output'];
  /** The category header that matched, when the code is its billable default. */
  fromHeader?: Maybe<Scalars['String']['output']>;
  /** The code's name that matched: its title, a synonym or lay term, or an abbreviation. */
  matchedName: Scalars['String']['output'];
  /** Index terms (folded, stemmed) of the phrase found in that name. */
  matchedTerms: Array<Scalars['String']['output']>;
  /** title, synonym or abbreviation. */
  via: Scalars['String']['output'];
};

export type Icd10Suggestion = {
  __typename?: 'Icd10Suggestion';
  billable: Scalars['Boolean']['output'];
  code: Scalars['String']['output'];
  description: Scalars['String']['output'];
  edition: Scalars['String']['output'];
  evidence: Icd10Evidence;
  score: Scalars['Float']['output'];
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

/** How serious an interaction is, most serious first. */
export type InteractionSeverity =
  | 'CONTRAINDICATED'
  | 'MAJOR'
  | 'MINOR'
  | 'MODERATE';

/** A loaded knowledge pack: where it came from and under which licence. */
export type KnowledgeSource = {
  __typename?: 'KnowledgeSource';
  attribution?: Maybe<Scalars['String']['output']>;
  /** False for non-commercial or research-only data. */
  commercialUse: Scalars['Boolean']['output'];
  edition: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  licence: Scalars['String']['output'];
  name: Scalars['String']['output'];
  rowCounts: Array<RowCount>;
  /** The pack's main row count (codes, drugs, brands, rules…; see rowCounts). */
  rows: Scalars['Int']['output'];
  /** sha256 of each source file, as `file:sha256`. */
  sourceChecksums: Array<Scalars['String']['output']>;
};

/** The six ELLIPSE analytic traits (1–5) predicted by the calibrated language model. */
export type LanguageAssessment = {
  __typename?: 'LanguageAssessment';
  cohesion: Scalars['Float']['output'];
  /** False: trained on ELLIPSE (CC BY-NC-SA 4.0). */
  commercialUse: Scalars['Boolean']['output'];
  conventions: Scalars['Float']['output'];
  grammar: Scalars['Float']['output'];
  /** 'features+embedding' with the sentence encoder loaded, else 'features'. */
  head: Scalars['String']['output'];
  phraseology: Scalars['Float']['output'];
  syntax: Scalars['Float']['output'];
  vocabulary: Scalars['Float']['output'];
};

/** OET letter types. */
export type LetterType =
  | 'ADVICE'
  | 'COMPLAINT_REPLY'
  | 'DISCHARGE'
  | 'REFERRAL'
  | 'TRANSFER'
  | 'UPDATE';

/** The caller, as the token describes them. */
export type Me = {
  __typename?: 'Me';
  cohortIds: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  roles: Array<Scalars['String']['output']>;
};

export type MeanGrouping =
  | 'COHORT'
  | 'LETTER_TYPE'
  | 'NONE'
  | 'PROFESSION'
  | 'WEEK';

/** A measured quantity of a role-play. */
export type Measure = {
  __typename?: 'Measure';
  name: Scalars['String']['output'];
  value?: Maybe<Scalars['Float']['output']>;
};

/** A concept from the knowledge packs: an ICD-10-CM code, a DrugBank drug, a MeSH descriptor, a brand, a drug class, a symptom, an abbreviation… */
export type MedicalConcept = {
  __typename?: 'MedicalConcept';
  code: Scalars['String']['output'];
  /** False when any pack it comes from is non-commercial. */
  commercialUse: Scalars['Boolean']['output'];
  /** `<system>:<code>`, e.g. `icd10cm:E11.9`, `drugbank:DB00331`, `mesh:D003924`. */
  id: Scalars['ID']['output'];
  kind: ConceptKind;
  name: Scalars['String']['output'];
  /** Ids of the packs it comes from. */
  packs: Array<Scalars['String']['output']>;
  /** Other names (at most 50). */
  synonyms: Array<Scalars['String']['output']>;
  /** Vocabulary: icd10cm, drugbank, mesh, product, salt, class, symptom, condition, abbr, rxnorm, snomed, loinc, umls. */
  system: Scalars['String']['output'];
};

/** A clinical entity found in a text (medication, condition, symptom, procedure, test, anatomy) with its context. Offsets are UTF-16 indices into the analysed text, `end` exclusive. */
export type MedicalEntity = {
  __typename?: 'MedicalEntity';
  /** MEDICATION, CONDITION, SYMPTOM, PROCEDURE, TEST or ANATOMY. */
  category: Scalars['String']['output'];
  /** ICD-10-CM code, DrugBank id (`+`-joined for a combination) or MeSH id. */
  code?: Maybe<Scalars['String']['output']>;
  /** ICD10CM, DRUGBANK or MESH. */
  codeSystem?: Maybe<Scalars['String']['output']>;
  confidence: Scalars['Float']['output'];
  /** Cues behind the context flags (empty for stored entities). */
  contextCues: Array<ContextCueEvidence>;
  createdAt: Scalars['DateTimeISO']['output'];
  end: Scalars['Int']['output'];
  /** @deprecated Use end. */
  endOffset: Scalars['Int']['output'];
  /** About a family member or another person, not the patient. */
  family: Scalars['Boolean']['output'];
  /** In the past and over (a resolved episode, a stopped medicine). */
  historical: Scalars['Boolean']['output'];
  /** Conditional or future ("return if", "risk of"). */
  hypothetical: Scalars['Boolean']['output'];
  /** Stored entities resolve through `medicalEntity` and `_entities`; entities of an unstored analysis do not. */
  id: Scalars['ID']['output'];
  negated: Scalars['Boolean']['output'];
  /** The note section it was found in (medications, allergies, plan…). */
  section?: Maybe<Scalars['String']['output']>;
  start: Scalars['Int']['output'];
  /** @deprecated Use start. */
  startOffset: Scalars['Int']['output'];
  /** The span as written. */
  text: Scalars['String']['output'];
  /** Possible, suspected, queried, to be ruled out. */
  uncertain: Scalars['Boolean']['output'];
};

/** A drug with what the note says about it. */
export type MedicationDetail = {
  __typename?: 'MedicationDetail';
  asNeeded: Scalars['Boolean']['output'];
  dose?: Maybe<Scalars['String']['output']>;
  doseValue?: Maybe<Scalars['Float']['output']>;
  /** As written. */
  drug: Scalars['String']['output'];
  drugbankId?: Maybe<Scalars['String']['output']>;
  duration?: Maybe<Scalars['String']['output']>;
  end: Scalars['Int']['output'];
  entityId: Scalars['ID']['output'];
  frequency?: Maybe<Scalars['String']['output']>;
  /** Generic name (DrugBank). */
  generic?: Maybe<Scalars['String']['output']>;
  indication?: Maybe<Scalars['String']['output']>;
  route?: Maybe<Scalars['String']['output']>;
  /** Where the details start (after the drug name). */
  start: Scalars['Int']['output'];
  /** current, allergy, historical, negated or hypothetical. */
  status: Scalars['String']['output'];
  unit?: Maybe<Scalars['String']['output']>;
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

/** REMOTE: an OpenAI-compatible server named in the manifest serves it. */
export type ModelBackend =
  | 'CPU'
  | 'CUDA'
  | 'METAL'
  | 'REMOTE'
  | 'VULKAN';

/** REMOTE: no local file; an OpenAI-compatible server named in the manifest serves it. */
export type ModelFormat =
  | 'GGUF'
  | 'ONNX'
  | 'REMOTE';

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
  runtime: ModelRuntime;
  sha256?: Maybe<Scalars['String']['output']>;
  sourceUri?: Maybe<Scalars['String']['output']>;
  state: ModelState;
  /** text-generation, feature-extraction, token-classification or text-classification. */
  task: Scalars['String']['output'];
};

/** What runs the model. NODE_LLAMA_CPP: llama.cpp inside the engine (the default for GGUF). LLAMA_SERVER: a llama.cpp server process the engine starts and supervises (OET_GGUF_RUNTIME=llama-server). ONNXRUNTIME: onnxruntime inside the engine. REMOTE: an OpenAI-compatible server named in the manifest. */
export type ModelRuntime =
  | 'LLAMA_SERVER'
  | 'NODE_LLAMA_CPP'
  | 'ONNXRUNTIME'
  | 'REMOTE';

/** AVAILABLE: on disk, not loaded. UNLOADED: was loaded, since unloaded or evicted. */
export type ModelState =
  | 'AVAILABLE'
  | 'FAILED'
  | 'LOADING'
  | 'READY'
  | 'UNLOADED';

export type Mutation = {
  __typename?: 'Mutation';
  /** Entities with context (negated, uncertain, historical, family, hypothetical), sections, medication details, allergies and ICD-10-CM coded conditions of a clinical text. A mutation because it may store the entities (`options.store`). */
  analyzeClinicalText: ClinicalAnalysis;
  /** PHI, harmful content, non-inclusive wording, facts checked against the knowledge packs and, with a `source`, what the text claims that the source does not support. Stored under your account. */
  analyzeSafety: SafetyReport;
  /** Scores a role-play transcript on the four language and five clinical-communication criteria and stores the result. */
  evaluateSpeaking: Evaluation;
  /** Scores a letter on the six OET writing criteria against its case notes and stores the result under your account. */
  evaluateWriting: Evaluation;
  /** Generates text with a local model; waits for the whole answer. */
  generate: Generation;
  /** Loads a model now (it is otherwise loaded on first use). ADMIN. */
  loadModel: ModelInfo;
  /** Records your scores as an assessor for an evaluation you may see, beside the engine's (agreement analytics read them). Scoring a criterion again replaces your earlier score. */
  recordAssessorScores: Evaluation;
  /** Scores a stored evaluation again with the current scorer; both are kept (the new one names the old in rescoredFromId) and analytics read the new one. */
  rescoreEvaluation: Evaluation;
  /** Re-scores evaluations (by id, or every scored one of a cohort) with the current scorer, in the background. ADMIN. */
  rescoreEvaluations: BackgroundJob;
  /** Points an alias at one or more weighted variants (hot swap, A/B). ADMIN. */
  setModelAlias: ModelAlias;
  /** Stores a submission for scoring (status PENDING). */
  submitEvaluation: Evaluation;
  /** Unloads a model once its in-flight requests finish. ADMIN. */
  unloadModel: ModelInfo;
};


export type MutationAnalyzeClinicalTextArgs = {
  options?: InputMaybe<ClinicalAnalysisOptions>;
  text: Scalars['String']['input'];
};


export type MutationAnalyzeSafetyArgs = {
  source?: InputMaybe<Scalars['String']['input']>;
  text: Scalars['String']['input'];
  use?: InputMaybe<SafetyUse>;
  useModel?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationEvaluateSpeakingArgs = {
  input: SpeakingEvaluationInput;
};


export type MutationEvaluateWritingArgs = {
  input: WritingEvaluationInput;
};


export type MutationGenerateArgs = {
  input: GenerateInput;
};


export type MutationLoadModelArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRecordAssessorScoresArgs = {
  evaluationId: Scalars['ID']['input'];
  scores: Array<AssessorScoreInput>;
};


export type MutationRescoreEvaluationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRescoreEvaluationsArgs = {
  input: RescoreEvaluationsInput;
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

/** Another rule that matched the same pair (weaker, or from another pack). */
export type OtherInteractionRule = {
  __typename?: 'OtherInteractionRule';
  packId: Scalars['String']['output'];
  ruleId: Scalars['String']['output'];
  severity: InteractionSeverity;
};

/** A tip from the instruction model, kept because it agrees with the rules' findings for its criterion. */
export type PersonalTip = {
  __typename?: 'PersonalTip';
  criterion: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type Profession =
  | 'DENTISTRY'
  | 'DIETETICS'
  | 'MEDICINE'
  | 'NURSING'
  | 'OCCUPATIONAL_THERAPY'
  | 'OPTOMETRY'
  | 'OTHER'
  | 'PHARMACY'
  | 'PHYSIOTHERAPY'
  | 'PODIATRY'
  | 'RADIOGRAPHY'
  | 'SPEECH_PATHOLOGY'
  | 'VETERINARY_SCIENCE';

export type Query = {
  __typename?: 'Query';
  /** Per-operation counts and durations since a date (default: all time). ADMIN, SERVICE. */
  analytics: Array<OperationStats>;
  /** The six ELLIPSE analytic traits (1–5) of an English text, from the calibrated language model (trained on CC BY-NC-SA data: commercialUse false). */
  assessLanguage: LanguageAssessment;
  /** correlateSymptoms with the red flags and the recognised and unrecognised symptoms. */
  assessSymptoms: SymptomAssessment;
  /** Audit log, newest first. ADMIN. */
  auditLog: Array<AuditLogEntry>;
  /** A background job by id, with its progress; null when unknown (or forgotten). ADMIN. */
  backgroundJob?: Maybe<BackgroundJob>;
  /** Interactions among 1–50 drugs named in any form; unrecognised names are listed, duplicates reported as duplicate therapy. */
  checkDrugInteractions: DrugInteractionCheck;
  concept?: Maybe<MedicalConcept>;
  /** Concepts within `depth` (1–3) relations of a concept, optionally through one relation type; null for an unknown id. */
  conceptNeighbors?: Maybe<ConceptNeighborPage>;
  /** Conditions ranked for 1–30 symptoms, with supporting and absent symptoms and red flags. */
  correlateSymptoms: Array<ConditionCandidate>;
  /** An interaction by the id `checkDrugInteractions` gave; null when that rule no longer applies. */
  drugInteraction?: Maybe<DrugInteraction>;
  /** Sentence embeddings (L2-normalised) from an ONNX feature-extraction model; `embedder` alias by default. */
  embed: Array<Array<Scalars['Float']['output']>>;
  /** An evaluation you may see, or null. */
  evaluation?: Maybe<Evaluation>;
  /** Criterion distributions, means by group, progress over time and engine–assessor agreement over the evaluations you may see (learners: their own). */
  evaluationAnalytics: EvaluationAnalytics;
  /** Evaluations you may see, newest first. */
  evaluations: Array<Evaluation>;
  /** Queue depth, active sequences and memory of the inference engine. ADMIN, SERVICE. */
  inferenceStats: InferenceStatsView;
  /** The knowledge packs loaded: source, edition, licence, rows, checksums. */
  knowledgeSources: Array<KnowledgeSource>;
  me: Me;
  /** Entities you may see, newest first. */
  medicalEntities: Array<MedicalEntity>;
  medicalEntity?: Maybe<MedicalEntity>;
  /** A model by id or alias (an alias gives its heaviest variant). */
  model?: Maybe<ModelInfo>;
  modelAliases: Array<ModelAlias>;
  /** Every model found in the model directories and the manifest. */
  models: Array<ModelInfo>;
  /** A drug name in any form (generic, brand, salt, British/Australian, combination, misspelt) → its DrugBank concept; null when nothing matches with confidence. */
  normalizeDrug?: Maybe<DrugConcept>;
  /** The text with its PHI replaced by the chosen strategy (default PLACEHOLDER); nothing of a found span survives. */
  redactPhi: Redaction;
  safetyReport?: Maybe<SafetyReport>;
  /** Safety reports you may see, newest first. */
  safetyReports: Array<SafetyReport>;
  /** Concepts by text: exact names first, then lexical matches; `semantic` reranks with the sentence encoder when loaded. */
  searchConcepts: ConceptSearchPage;
  /** ICD-10-CM codes for a condition phrase, best first (abbreviations, British spellings, lay terms and misspellings handled). `rerank` uses the sentence encoder when one is loaded. */
  suggestIcd10Codes: Array<Icd10Suggestion>;
  /** A deterministic extractive summary with offsets, and an abstractive one from the instruction model when loaded, grounded against the note. */
  summarizeClinicalNote: ClinicalSummary;
  /** Checks a role-play or case scenario: implausible vitals and ages, doses, interactions, allergy and condition contraindications, symptoms that do not fit the diagnosis, red flags the plan misses. */
  validateClinicalScenario: ScenarioReport;
  /** Whether the evidence SUPPORTS or REFUTES the claim, or neither (NEUTRAL), from the trained claim verifier. */
  verifyClaim: ClaimVerdict;
};


export type QueryAnalyticsArgs = {
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryAssessLanguageArgs = {
  text: Scalars['String']['input'];
};


export type QueryAssessSymptomsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  symptoms: Array<Scalars['String']['input']>;
};


export type QueryAuditLogArgs = {
  first?: Scalars['Int']['input'];
  operation?: InputMaybe<Scalars['String']['input']>;
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
};


export type QueryBackgroundJobArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCheckDrugInteractionsArgs = {
  drugs: Array<Scalars['String']['input']>;
};


export type QueryConceptArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConceptNeighborsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  depth?: InputMaybe<Scalars['Int']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  relation?: InputMaybe<ConceptRelation>;
};


export type QueryCorrelateSymptomsArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  symptoms: Array<Scalars['String']['input']>;
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


export type QueryEvaluationAnalyticsArgs = {
  filter: EvaluationAnalyticsFilter;
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


export type QueryNormalizeDrugArgs = {
  name: Scalars['String']['input'];
};


export type QueryRedactPhiArgs = {
  strategy?: InputMaybe<RedactionStrategy>;
  text: Scalars['String']['input'];
  useModel?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QuerySafetyReportArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySafetyReportsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  first?: Scalars['Int']['input'];
};


export type QuerySearchConceptsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kinds?: InputMaybe<Array<ConceptKind>>;
  semantic?: InputMaybe<Scalars['Boolean']['input']>;
  text: Scalars['String']['input'];
};


export type QuerySuggestIcd10CodesArgs = {
  limit?: InputMaybe<Scalars['Int']['input']>;
  rerank?: InputMaybe<Scalars['Boolean']['input']>;
  text: Scalars['String']['input'];
};


export type QuerySummarizeClinicalNoteArgs = {
  abstractive?: InputMaybe<Scalars['Boolean']['input']>;
  text: Scalars['String']['input'];
};


export type QueryValidateClinicalScenarioArgs = {
  input: ScenarioInput;
};


export type QueryVerifyClaimArgs = {
  claim: Scalars['String']['input'];
  evidence: Scalars['String']['input'];
};

/** The letter's reader: a health professional, or a lay patient, carer or group. */
export type Reader =
  | 'CARER'
  | 'COLLEAGUE'
  | 'GROUP'
  | 'PATIENT';

export type RecognisedSymptom = {
  __typename?: 'RecognisedSymptom';
  input: Scalars['String']['output'];
  name: Scalars['String']['output'];
  symptomId: Scalars['ID']['output'];
};

export type RecognizedDrug = {
  __typename?: 'RecognizedDrug';
  concept: DrugConcept;
  input: Scalars['String']['output'];
};

export type RecognizersUsed = {
  __typename?: 'RecognizersUsed';
  dictionary: Scalars['Boolean']['output'];
  /** The trained recogniser ran (it is skipped when not loaded). */
  model: Scalars['Boolean']['output'];
};

export type RedFlag = {
  __typename?: 'RedFlag';
  action: Scalars['String']['output'];
  concern: Scalars['String']['output'];
  id: Scalars['String']['output'];
  reference: Scalars['String']['output'];
  /** The given symptoms that raised it. */
  symptoms: Array<Scalars['String']['output']>;
};

export type RedactedSpan = {
  __typename?: 'RedactedSpan';
  end: Scalars['Int']['output'];
  redactedEnd: Scalars['Int']['output'];
  /** Offsets in the redacted text. */
  redactedStart: Scalars['Int']['output'];
  /** What now stands in the redacted text. */
  replacement: Scalars['String']['output'];
  /** Offsets in the original text. */
  start: Scalars['Int']['output'];
  type: Scalars['String']['output'];
};

/** A text with its PHI replaced; `findings` map each replacement between the original and the redacted offsets. */
export type Redaction = {
  __typename?: 'Redaction';
  /** SURROGATE: the days every date moved by. */
  dateShiftDays?: Maybe<Scalars['Int']['output']>;
  findings: Array<RedactedSpan>;
  strategy: RedactionStrategy;
  text: Scalars['String']['output'];
};

/** MASK: asterisks; PLACEHOLDER: [NAME]; SURROGATE: realistic fakes, consistent within the document, dates shifted by one offset; HASH: [NAME:keyed-hash]. */
export type RedactionStrategy =
  | 'HASH'
  | 'MASK'
  | 'PLACEHOLDER'
  | 'SURROGATE';

/** OUT: the previous concept <relation> this one; IN: this one <relation> the previous. */
export type RelationDirection =
  | 'IN'
  | 'OUT';

/** INTERACTIVE requests are served before BACKGROUND ones. */
export type RequestPriority =
  | 'BACKGROUND'
  | 'INTERACTIVE';

/** Exactly one of evaluationIds and cohortId. */
export type RescoreEvaluationsInput = {
  cohortId?: InputMaybe<Scalars['String']['input']>;
  evaluationIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type RowCount = {
  __typename?: 'RowCount';
  count: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

/** One safety finding: where it is, what it is, why, and a fix where there is one. */
export type SafetyFinding = {
  __typename?: 'SafetyFinding';
  /** PHI, CONTENT, BIAS, FACT or HALLUCINATION. */
  category: Scalars['String']['output'];
  end: Scalars['Int']['output'];
  /** Why: the rule, the knowledge-pack entry, or the source passage. */
  evidence?: Maybe<Scalars['String']['output']>;
  /** LOW, MEDIUM or HIGH. */
  severity: Scalars['String']['output'];
  start: Scalars['Int']['output'];
  suggestion?: Maybe<Scalars['String']['output']>;
  text: Scalars['String']['output'];
  /** PHI: NAME DATE AGE PHONE EMAIL ADDRESS MRN INSURANCE_ID NATIONAL_ID URL IP DEVICE_ID ACCOUNT. CONTENT: SELF_HARM VIOLENCE SEXUAL HARASSMENT DANGEROUS_CLINICAL. BIAS: JUDGEMENTAL GENDERED STEREOTYPE DISABILITY OTHER_INSENSITIVE. FACT and HALLUCINATION: the check that fired. */
  type: Scalars['String']['output'];
  /** What this finding makes the verdict under the policy: ALLOW, WARN or BLOCK. */
  verdict: Scalars['String']['output'];
};

/** The result of a safety check (PHI, fact check, hallucination, bias, content filter) on a text. */
export type SafetyReport = {
  __typename?: 'SafetyReport';
  createdAt: Scalars['DateTimeISO']['output'];
  /** Each finding with its category, type, severity, span, evidence and suggested fix. */
  findings: Array<SafetyFinding>;
  id: Scalars['ID']['output'];
  /** The use the policy judged the text for: LEARNER_INPUT, MODEL_OUTPUT or STORED_CONTENT (older reports: free text). */
  kind: Scalars['String']['output'];
  modelId?: Maybe<Scalars['String']['output']>;
  /** ALLOW, WARN or BLOCK: the most severe verdict among the findings under the policy. */
  verdict: Scalars['String']['output'];
};

/** What the text is: a learner's input, a model's output, or content about to be stored. The policy differs per use. */
export type SafetyUse =
  | 'LEARNER_INPUT'
  | 'MODEL_OUTPUT'
  | 'STORED_CONTENT';

export type ScenarioChecked = {
  __typename?: 'ScenarioChecked';
  allergies: Scalars['Int']['output'];
  conditions: Scalars['Int']['output'];
  medications: Scalars['Int']['output'];
  symptoms: Scalars['Int']['output'];
  vitals: Scalars['Int']['output'];
};

export type ScenarioFindingView = {
  __typename?: 'ScenarioFindingView';
  evidence: Array<FindingEvidence>;
  message: Scalars['String']['output'];
  reference?: Maybe<Scalars['String']['output']>;
  /** ERROR, WARNING or INFO. */
  severity: Scalars['String']['output'];
  /** IMPLAUSIBLE_VITAL, IMPLAUSIBLE_AGE, DOSE_OUT_OF_RANGE, DRUG_INTERACTION, DUPLICATE_THERAPY, ALLERGY_CONFLICT, CONDITION_CONTRAINDICATION, SYMPTOM_DIAGNOSIS_MISMATCH, RED_FLAG_NOT_ADDRESSED. */
  type: Scalars['String']['output'];
};

/** A scenario as text (a role-play brief, case notes), as structured fields, or both. */
export type ScenarioInput = {
  allergies?: InputMaybe<Array<Scalars['String']['input']>>;
  conditions?: InputMaybe<Array<Scalars['String']['input']>>;
  diagnosis?: InputMaybe<Scalars['String']['input']>;
  /** Prescription lines: "amoxicillin 500 mg PO tds". */
  medications?: InputMaybe<Array<Scalars['String']['input']>>;
  plan?: InputMaybe<Scalars['String']['input']>;
  symptoms?: InputMaybe<Array<Scalars['String']['input']>>;
  text?: InputMaybe<Scalars['String']['input']>;
  vitals?: InputMaybe<VitalsInput>;
};

export type ScenarioReport = {
  __typename?: 'ScenarioReport';
  checked: ScenarioChecked;
  diagnosisCode?: Maybe<Scalars['String']['output']>;
  /** Errors first. */
  findings: Array<ScenarioFindingView>;
};

export type ScoreCount = {
  __typename?: 'ScoreCount';
  count: Scalars['Int']['output'];
  criterion: Scalars['String']['output'];
  score: Scalars['Int']['output'];
};

/** CANDIDATE: the health professional; INTERLOCUTOR: the patient or carer. */
export type Speaker =
  | 'CANDIDATE'
  | 'INTERLOCUTOR';

/** A role-play transcript with speaker turns. */
export type SpeakingEvaluationInput = {
  /** The role-play card. */
  card?: InputMaybe<Scalars['String']['input']>;
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** Also ask the instruction model (when loaded) for personalised tips; slow on CPU. */
  personalise?: InputMaybe<Scalars['Boolean']['input']>;
  profession: Profession;
  transcript: Array<TranscriptTurnInput>;
};

/** A clinical-communication indicator (A1–E5) and the evidence for it. */
export type SpeakingIndicator = {
  __typename?: 'SpeakingIndicator';
  evidence: Array<EvidenceSpan>;
  id: Scalars['String']['output'];
  /** Null when it did not arise in this role-play. */
  met?: Maybe<Scalars['Boolean']['output']>;
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

export type SummaryItemView = {
  __typename?: 'SummaryItemView';
  code?: Maybe<Scalars['String']['output']>;
  end: Scalars['Int']['output'];
  start: Scalars['Int']['output'];
  text: Scalars['String']['output'];
};

export type SymptomAssessment = {
  __typename?: 'SymptomAssessment';
  candidates: Array<ConditionCandidate>;
  recognised: Array<RecognisedSymptom>;
  redFlags: Array<RedFlag>;
  unrecognized: Array<Scalars['String']['output']>;
};

export type SymptomSupport = {
  __typename?: 'SymptomSupport';
  input: Scalars['String']['output'];
  redFlag: Scalars['Boolean']['output'];
  symptom: Scalars['String']['output'];
  weight: Scalars['Float']['output'];
};

/** One turn of a role-play. */
export type TranscriptTurnInput = {
  /** ASR confidence for the turn, 0–1. */
  confidence?: InputMaybe<Scalars['Float']['input']>;
  endMs?: InputMaybe<Scalars['Int']['input']>;
  speaker: Speaker;
  startMs?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
  /** Word timings (pauses, rate) and confidences, when the ASR gives them. */
  words?: InputMaybe<Array<TranscriptWordInput>>;
};

export type TranscriptWordInput = {
  confidence?: InputMaybe<Scalars['Float']['input']>;
  endMs: Scalars['Int']['input'];
  startMs: Scalars['Int']['input'];
  text: Scalars['String']['input'];
};

/** A drug, dose, number or condition in the generated summary that the note does not support. */
export type UnsupportedClaimView = {
  __typename?: 'UnsupportedClaimView';
  /** summary, problems, medications or plan. */
  field: Scalars['String']['output'];
  /** drug, dose, number or condition. */
  kind: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  text: Scalars['String']['output'];
};

export type VitalsInput = {
  age?: InputMaybe<Scalars['Int']['input']>;
  diastolicBp?: InputMaybe<Scalars['Float']['input']>;
  heartRate?: InputMaybe<Scalars['Float']['input']>;
  respiratoryRate?: InputMaybe<Scalars['Float']['input']>;
  spo2?: InputMaybe<Scalars['Float']['input']>;
  systolicBp?: InputMaybe<Scalars['Float']['input']>;
  /** °C (values above 50 are read as °F). */
  temperature?: InputMaybe<Scalars['Float']['input']>;
};

/** A letter, the case notes it answers and its task. */
export type WritingEvaluationInput = {
  /** The case notes (a "Writing task:" section at the end is read as the task). */
  caseNotes: Scalars['String']['input'];
  /** Retrying with the same key returns the same evaluation instead of scoring again. */
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  /** The letter as written, layout included (recipient, date, Re: line, salutation, body, closing). */
  letter: Scalars['String']['input'];
  letterType: LetterType;
  /** Also ask the instruction model (when loaded) for personalised tips; slow on CPU. */
  personalise?: InputMaybe<Scalars['Boolean']['input']>;
  profession: Profession;
  reader: Reader;
  /** The writing task, when it is not in the case notes. */
  task?: InputMaybe<Scalars['String']['input']>;
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
  MedicalConcept: MedicalConcept;
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
  MedicalConcept:
    ( { __typename: 'MedicalConcept' }
    & GraphQLRecursivePick<FederationTypes['MedicalConcept'], {"id":true}> );
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
  AbstractiveSummaryView: ResolverTypeWrapper<AbstractiveSummaryView>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AgreementGrouping: AgreementGrouping;
  AllergyEntry: ResolverTypeWrapper<AllergyEntry>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AssessorScoreInput: AssessorScoreInput;
  AuditLogEntry: ResolverTypeWrapper<AuditLogEntry>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  BackgroundJob: ResolverTypeWrapper<BackgroundJob>;
  BackgroundJobProgress: ResolverTypeWrapper<BackgroundJobProgress>;
  BackgroundJobState: BackgroundJobState;
  CaseNoteItem: ResolverTypeWrapper<CaseNoteItem>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ChangedFact: ResolverTypeWrapper<ChangedFact>;
  ChatMessageInput: ChatMessageInput;
  ChatRole: ChatRole;
  ClaimLabel: ClaimLabel;
  ClaimScores: ResolverTypeWrapper<ClaimScores>;
  ClaimVerdict: ResolverTypeWrapper<ClaimVerdict>;
  ClinicalAnalysis: ResolverTypeWrapper<ClinicalAnalysis>;
  ClinicalAnalysisOptions: ClinicalAnalysisOptions;
  ClinicalSection: ResolverTypeWrapper<ClinicalSection>;
  ClinicalSummary: ResolverTypeWrapper<ClinicalSummary>;
  CodedCondition: ResolverTypeWrapper<CodedCondition>;
  ConceptKind: ConceptKind;
  ConceptNeighbor: ResolverTypeWrapper<ConceptNeighbor>;
  ConceptNeighborPage: ResolverTypeWrapper<ConceptNeighborPage>;
  ConceptRelation: ConceptRelation;
  ConceptSearchHit: ResolverTypeWrapper<ConceptSearchHit>;
  ConceptSearchPage: ResolverTypeWrapper<ConceptSearchPage>;
  ConditionCandidate: ResolverTypeWrapper<ConditionCandidate>;
  ContextCueEvidence: ResolverTypeWrapper<ContextCueEvidence>;
  CriterionAgreement: ResolverTypeWrapper<CriterionAgreement>;
  CriterionResult: ResolverTypeWrapper<CriterionResult>;
  DateTimeISO: ResolverTypeWrapper<Scalars['DateTimeISO']['output']>;
  DrugComponent: ResolverTypeWrapper<DrugComponent>;
  DrugConcept: ResolverTypeWrapper<DrugConcept>;
  DrugInteraction: ResolverTypeWrapper<DrugInteraction>;
  DrugInteractionCheck: ResolverTypeWrapper<DrugInteractionCheck>;
  DrugMatchKind: DrugMatchKind;
  DuplicateTherapy: ResolverTypeWrapper<DuplicateTherapy>;
  Evaluation: ResolverTypeWrapper<Evaluation>;
  EvaluationAnalytics: ResolverTypeWrapper<EvaluationAnalytics>;
  EvaluationAnalyticsFilter: EvaluationAnalyticsFilter;
  EvaluationKind: EvaluationKind;
  EvaluationStatus: EvaluationStatus;
  EvidenceSpan: ResolverTypeWrapper<EvidenceSpan>;
  ExpectedSymptom: ResolverTypeWrapper<ExpectedSymptom>;
  ExtractiveSummaryView: ResolverTypeWrapper<ExtractiveSummaryView>;
  FeedbackItem: ResolverTypeWrapper<FeedbackItem>;
  FeedbackKind: FeedbackKind;
  FindingEvidence: ResolverTypeWrapper<FindingEvidence>;
  FinishReason: FinishReason;
  GenerateInput: GenerateInput;
  Generation: ResolverTypeWrapper<Generation>;
  GenerationChunk: ResolverTypeWrapper<GenerationChunk>;
  GenerationUsage: ResolverTypeWrapper<GenerationUsage>;
  GroupMean: ResolverTypeWrapper<GroupMean>;
  Icd10Evidence: ResolverTypeWrapper<Icd10Evidence>;
  Icd10Suggestion: ResolverTypeWrapper<Icd10Suggestion>;
  InferenceStatsView: ResolverTypeWrapper<InferenceStatsView>;
  InteractionSeverity: InteractionSeverity;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  KnowledgeSource: ResolverTypeWrapper<KnowledgeSource>;
  LanguageAssessment: ResolverTypeWrapper<LanguageAssessment>;
  LetterType: LetterType;
  Me: ResolverTypeWrapper<Me>;
  MeanGrouping: MeanGrouping;
  Measure: ResolverTypeWrapper<Measure>;
  MedicalConcept: ResolverTypeWrapper<MedicalConcept>;
  MedicalEntity: ResolverTypeWrapper<MedicalEntity>;
  MedicationDetail: ResolverTypeWrapper<MedicationDetail>;
  ModelAlias: ResolverTypeWrapper<ModelAlias>;
  ModelAliasVariant: ResolverTypeWrapper<ModelAliasVariant>;
  ModelAliasVariantInput: ModelAliasVariantInput;
  ModelBackend: ModelBackend;
  ModelFormat: ModelFormat;
  ModelInfo: ResolverTypeWrapper<ModelInfo>;
  ModelRuntime: ModelRuntime;
  ModelState: ModelState;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationStats: ResolverTypeWrapper<OperationStats>;
  OtherInteractionRule: ResolverTypeWrapper<OtherInteractionRule>;
  PersonalTip: ResolverTypeWrapper<PersonalTip>;
  Profession: Profession;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reader: Reader;
  RecognisedSymptom: ResolverTypeWrapper<RecognisedSymptom>;
  RecognizedDrug: ResolverTypeWrapper<RecognizedDrug>;
  RecognizersUsed: ResolverTypeWrapper<RecognizersUsed>;
  RedFlag: ResolverTypeWrapper<RedFlag>;
  RedactedSpan: ResolverTypeWrapper<RedactedSpan>;
  Redaction: ResolverTypeWrapper<Redaction>;
  RedactionStrategy: RedactionStrategy;
  RelationDirection: RelationDirection;
  RequestPriority: RequestPriority;
  RescoreEvaluationsInput: RescoreEvaluationsInput;
  RowCount: ResolverTypeWrapper<RowCount>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SafetyFinding: ResolverTypeWrapper<SafetyFinding>;
  SafetyReport: ResolverTypeWrapper<SafetyReport>;
  SafetyUse: SafetyUse;
  ScenarioChecked: ResolverTypeWrapper<ScenarioChecked>;
  ScenarioFindingView: ResolverTypeWrapper<ScenarioFindingView>;
  ScenarioInput: ScenarioInput;
  ScenarioReport: ResolverTypeWrapper<ScenarioReport>;
  ScoreCount: ResolverTypeWrapper<ScoreCount>;
  Speaker: Speaker;
  SpeakingEvaluationInput: SpeakingEvaluationInput;
  SpeakingIndicator: ResolverTypeWrapper<SpeakingIndicator>;
  SubmitEvaluationInput: SubmitEvaluationInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SummaryItemView: ResolverTypeWrapper<SummaryItemView>;
  SymptomAssessment: ResolverTypeWrapper<SymptomAssessment>;
  SymptomSupport: ResolverTypeWrapper<SymptomSupport>;
  TranscriptTurnInput: TranscriptTurnInput;
  TranscriptWordInput: TranscriptWordInput;
  UnsupportedClaimView: ResolverTypeWrapper<UnsupportedClaimView>;
  VitalsInput: VitalsInput;
  WritingEvaluationInput: WritingEvaluationInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AbstractiveSummaryView: AbstractiveSummaryView;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  AllergyEntry: AllergyEntry;
  ID: Scalars['ID']['output'];
  AssessorScoreInput: AssessorScoreInput;
  AuditLogEntry: AuditLogEntry;
  Float: Scalars['Float']['output'];
  BackgroundJob: BackgroundJob;
  BackgroundJobProgress: BackgroundJobProgress;
  CaseNoteItem: CaseNoteItem;
  Boolean: Scalars['Boolean']['output'];
  ChangedFact: ChangedFact;
  ChatMessageInput: ChatMessageInput;
  ClaimScores: ClaimScores;
  ClaimVerdict: ClaimVerdict;
  ClinicalAnalysis: ClinicalAnalysis;
  ClinicalAnalysisOptions: ClinicalAnalysisOptions;
  ClinicalSection: ClinicalSection;
  ClinicalSummary: ClinicalSummary;
  CodedCondition: CodedCondition;
  ConceptNeighbor: ConceptNeighbor;
  ConceptNeighborPage: ConceptNeighborPage;
  ConceptSearchHit: ConceptSearchHit;
  ConceptSearchPage: ConceptSearchPage;
  ConditionCandidate: ConditionCandidate;
  ContextCueEvidence: ContextCueEvidence;
  CriterionAgreement: CriterionAgreement;
  CriterionResult: CriterionResult;
  DateTimeISO: Scalars['DateTimeISO']['output'];
  DrugComponent: DrugComponent;
  DrugConcept: DrugConcept;
  DrugInteraction: DrugInteraction | FederationReferenceTypes['DrugInteraction'];
  DrugInteractionCheck: DrugInteractionCheck;
  DuplicateTherapy: DuplicateTherapy;
  Evaluation: Evaluation | FederationReferenceTypes['Evaluation'];
  EvaluationAnalytics: EvaluationAnalytics;
  EvaluationAnalyticsFilter: EvaluationAnalyticsFilter;
  EvidenceSpan: EvidenceSpan;
  ExpectedSymptom: ExpectedSymptom;
  ExtractiveSummaryView: ExtractiveSummaryView;
  FeedbackItem: FeedbackItem;
  FindingEvidence: FindingEvidence;
  GenerateInput: GenerateInput;
  Generation: Generation;
  GenerationChunk: GenerationChunk;
  GenerationUsage: GenerationUsage;
  GroupMean: GroupMean;
  Icd10Evidence: Icd10Evidence;
  Icd10Suggestion: Icd10Suggestion;
  InferenceStatsView: InferenceStatsView;
  JSONObject: Scalars['JSONObject']['output'];
  KnowledgeSource: KnowledgeSource;
  LanguageAssessment: LanguageAssessment;
  Me: Me;
  Measure: Measure;
  MedicalConcept: MedicalConcept | FederationReferenceTypes['MedicalConcept'];
  MedicalEntity: MedicalEntity | FederationReferenceTypes['MedicalEntity'];
  MedicationDetail: MedicationDetail;
  ModelAlias: ModelAlias;
  ModelAliasVariant: ModelAliasVariant;
  ModelAliasVariantInput: ModelAliasVariantInput;
  ModelInfo: ModelInfo | FederationReferenceTypes['ModelInfo'];
  Mutation: Record<PropertyKey, never>;
  OperationStats: OperationStats;
  OtherInteractionRule: OtherInteractionRule;
  PersonalTip: PersonalTip;
  Query: Record<PropertyKey, never>;
  RecognisedSymptom: RecognisedSymptom;
  RecognizedDrug: RecognizedDrug;
  RecognizersUsed: RecognizersUsed;
  RedFlag: RedFlag;
  RedactedSpan: RedactedSpan;
  Redaction: Redaction;
  RescoreEvaluationsInput: RescoreEvaluationsInput;
  RowCount: RowCount;
  SafeInt: Scalars['SafeInt']['output'];
  SafetyFinding: SafetyFinding;
  SafetyReport: SafetyReport | FederationReferenceTypes['SafetyReport'];
  ScenarioChecked: ScenarioChecked;
  ScenarioFindingView: ScenarioFindingView;
  ScenarioInput: ScenarioInput;
  ScenarioReport: ScenarioReport;
  ScoreCount: ScoreCount;
  SpeakingEvaluationInput: SpeakingEvaluationInput;
  SpeakingIndicator: SpeakingIndicator;
  SubmitEvaluationInput: SubmitEvaluationInput;
  Subscription: Record<PropertyKey, never>;
  SummaryItemView: SummaryItemView;
  SymptomAssessment: SymptomAssessment;
  SymptomSupport: SymptomSupport;
  TranscriptTurnInput: TranscriptTurnInput;
  TranscriptWordInput: TranscriptWordInput;
  UnsupportedClaimView: UnsupportedClaimView;
  VitalsInput: VitalsInput;
  WritingEvaluationInput: WritingEvaluationInput;
};

export type AbstractiveSummaryViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['AbstractiveSummaryView'] = ResolversParentTypes['AbstractiveSummaryView']> = {
  medications?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  modelId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  supportedCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unsupported?: Resolver<Array<ResolversTypes['UnsupportedClaimView']>, ParentType, ContextType>;
};

export type AllergyEntryResolvers<ContextType = any, ParentType extends ResolversParentTypes['AllergyEntry'] = ResolversParentTypes['AllergyEntry']> = {
  drugbankId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  substance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export type BackgroundJobResolvers<ContextType = any, ParentType extends ResolversParentTypes['BackgroundJob'] = ResolversParentTypes['BackgroundJob']> = {
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTimeISO']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<Maybe<ResolversTypes['BackgroundJobProgress']>, ParentType, ContextType>;
  requestedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  result?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['BackgroundJobState'], ParentType, ContextType>;
};

export type BackgroundJobProgressResolvers<ContextType = any, ParentType extends ResolversParentTypes['BackgroundJobProgress'] = ResolversParentTypes['BackgroundJobProgress']> = {
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CaseNoteItemResolvers<ContextType = any, ParentType extends ResolversParentTypes['CaseNoteItem'] = ResolversParentTypes['CaseNoteItem']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['EvidenceSpan']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relevance?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  section?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  used?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ChangedFactResolvers<ContextType = any, ParentType extends ResolversParentTypes['ChangedFact'] = ResolversParentTypes['ChangedFact']> = {
  letter?: Resolver<ResolversTypes['EvidenceSpan'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['EvidenceSpan']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ClaimScoresResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClaimScores'] = ResolversParentTypes['ClaimScores']> = {
  neutral?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  refutes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  supports?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClaimVerdictResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClaimVerdict'] = ResolversParentTypes['ClaimVerdict']> = {
  label?: Resolver<ResolversTypes['ClaimLabel'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  scores?: Resolver<ResolversTypes['ClaimScores'], ParentType, ContextType>;
};

export type ClinicalAnalysisResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClinicalAnalysis'] = ResolversParentTypes['ClinicalAnalysis']> = {
  allergies?: Resolver<Array<ResolversTypes['AllergyEntry']>, ParentType, ContextType>;
  conditions?: Resolver<Array<ResolversTypes['CodedCondition']>, ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['MedicalEntity']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  likelyEnglish?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  medications?: Resolver<Array<ResolversTypes['MedicationDetail']>, ParentType, ContextType>;
  noKnownAllergies?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recognizers?: Resolver<ResolversTypes['RecognizersUsed'], ParentType, ContextType>;
  sections?: Resolver<Array<ResolversTypes['ClinicalSection']>, ParentType, ContextType>;
  stored?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ClinicalSectionResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClinicalSection'] = ResolversParentTypes['ClinicalSection']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heading?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClinicalSummaryResolvers<ContextType = any, ParentType extends ResolversParentTypes['ClinicalSummary'] = ResolversParentTypes['ClinicalSummary']> = {
  abstractive?: Resolver<Maybe<ResolversTypes['AbstractiveSummaryView']>, ParentType, ContextType>;
  abstractiveSkipped?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  extractive?: Resolver<ResolversTypes['ExtractiveSummaryView'], ParentType, ContextType>;
};

export type CodedConditionResolvers<ContextType = any, ParentType extends ResolversParentTypes['CodedCondition'] = ResolversParentTypes['CodedCondition']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entityIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConceptNeighborResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConceptNeighbor'] = ResolversParentTypes['ConceptNeighbor']> = {
  concept?: Resolver<ResolversTypes['MedicalConcept'], ParentType, ContextType>;
  depth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['RelationDirection'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['ConceptRelation'], ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  weight?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type ConceptNeighborPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConceptNeighborPage'] = ResolversParentTypes['ConceptNeighborPage']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ConceptNeighbor']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConceptSearchHitResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConceptSearchHit'] = ResolversParentTypes['ConceptSearchHit']> = {
  concept?: Resolver<ResolversTypes['MedicalConcept'], ParentType, ContextType>;
  matchedName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ConceptSearchPageResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConceptSearchPage'] = ResolversParentTypes['ConceptSearchPage']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  items?: Resolver<Array<ResolversTypes['ConceptSearchHit']>, ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConditionCandidateResolvers<ContextType = any, ParentType extends ResolversParentTypes['ConditionCandidate'] = ResolversParentTypes['ConditionCandidate']> = {
  absent?: Resolver<Array<ResolversTypes['ExpectedSymptom']>, ParentType, ContextType>;
  commercialUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conceptId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  icd10?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  packs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  redFlags?: Resolver<Array<ResolversTypes['RedFlag']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  supporting?: Resolver<Array<ResolversTypes['SymptomSupport']>, ParentType, ContextType>;
};

export type ContextCueEvidenceResolvers<ContextType = any, ParentType extends ResolversParentTypes['ContextCueEvidence'] = ResolversParentTypes['ContextCueEvidence']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CriterionAgreementResolvers<ContextType = any, ParentType extends ResolversParentTypes['CriterionAgreement'] = ResolversParentTypes['CriterionAgreement']> = {
  adjacent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  criterion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exact?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  meanDifference?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  n?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  qwk?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CriterionResultResolvers<ContextType = any, ParentType extends ResolversParentTypes['CriterionResult'] = ResolversParentTypes['CriterionResult']> = {
  evidence?: Resolver<Array<ResolversTypes['EvidenceSpan']>, ParentType, ContextType>;
  feedback?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  feedbackItems?: Resolver<Array<ResolversTypes['FeedbackItem']>, ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateTimeIsoScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTimeISO'], any> {
  name: 'DateTimeISO';
}

export type DrugComponentResolvers<ContextType = any, ParentType extends ResolversParentTypes['DrugComponent'] = ResolversParentTypes['DrugComponent']> = {
  drugbankId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DrugConceptResolvers<ContextType = any, ParentType extends ResolversParentTypes['DrugConcept'] = ResolversParentTypes['DrugConcept']> = {
  components?: Resolver<Array<ResolversTypes['DrugComponent']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  drugbankId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchedBy?: Resolver<ResolversTypes['DrugMatchKind'], ParentType, ContextType>;
  matchedName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DrugInteractionResolvers<ContextType = any, ParentType extends ResolversParentTypes['DrugInteraction'] = ResolversParentTypes['DrugInteraction'], FederationReferenceType extends FederationReferenceTypes['DrugInteraction'] = FederationReferenceTypes['DrugInteraction']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DrugInteraction']> | FederationReferenceType, FederationReferenceType, ContextType>;
  commercialUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugA?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugB?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugbankIdA?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugbankIdB?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputA?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputB?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  management?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedVia?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  mechanism?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  otherRules?: Resolver<Array<ResolversTypes['OtherInteractionRule']>, ParentType, ContextType>;
  references?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['InteractionSeverity'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceSeverity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DrugInteractionCheckResolvers<ContextType = any, ParentType extends ResolversParentTypes['DrugInteractionCheck'] = ResolversParentTypes['DrugInteractionCheck']> = {
  duplicates?: Resolver<Array<ResolversTypes['DuplicateTherapy']>, ParentType, ContextType>;
  interactions?: Resolver<Array<ResolversTypes['DrugInteraction']>, ParentType, ContextType>;
  recognized?: Resolver<Array<ResolversTypes['RecognizedDrug']>, ParentType, ContextType>;
  unrecognized?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type DuplicateTherapyResolvers<ContextType = any, ParentType extends ResolversParentTypes['DuplicateTherapy'] = ResolversParentTypes['DuplicateTherapy']> = {
  drug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugbankId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EvaluationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Evaluation'] = ResolversParentTypes['Evaluation'], FederationReferenceType extends FederationReferenceTypes['Evaluation'] = FederationReferenceTypes['Evaluation']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Evaluation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  caseNoteCoverage?: Resolver<Array<ResolversTypes['CaseNoteItem']>, ParentType, ContextType>;
  cohortId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  criteria?: Resolver<Array<ResolversTypes['CriterionResult']>, ParentType, ContextType>;
  estimatedScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  factsChanged?: Resolver<Array<ResolversTypes['ChangedFact']>, ParentType, ContextType>;
  grade?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  indicators?: Resolver<Array<ResolversTypes['SpeakingIndicator']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EvaluationKind'], ParentType, ContextType>;
  languageTraits?: Resolver<Maybe<ResolversTypes['LanguageAssessment']>, ParentType, ContextType>;
  letterType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  measures?: Resolver<Array<ResolversTypes['Measure']>, ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modelVersions?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overallScore?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ownerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  personalFeedback?: Resolver<Array<ResolversTypes['PersonalTip']>, ParentType, ContextType>;
  profession?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reader?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rescoredFromId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  scoreIsEstimate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  scorerVersion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['EvaluationStatus'], ParentType, ContextType>;
  submission?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taskRef?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  variant?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EvaluationAnalyticsResolvers<ContextType = any, ParentType extends ResolversParentTypes['EvaluationAnalytics'] = ResolversParentTypes['EvaluationAnalytics']> = {
  agreement?: Resolver<Array<ResolversTypes['CriterionAgreement']>, ParentType, ContextType, RequireFields<EvaluationAnalyticsAgreementArgs, 'groupBy'>>;
  distribution?: Resolver<Array<ResolversTypes['ScoreCount']>, ParentType, ContextType>;
  means?: Resolver<Array<ResolversTypes['GroupMean']>, ParentType, ContextType, RequireFields<EvaluationAnalyticsMeansArgs, 'groupBy'>>;
  progress?: Resolver<Array<ResolversTypes['GroupMean']>, ParentType, ContextType>;
};

export type EvidenceSpanResolvers<ContextType = any, ParentType extends ResolversParentTypes['EvidenceSpan'] = ResolversParentTypes['EvidenceSpan']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  turn?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ExpectedSymptomResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExpectedSymptom'] = ResolversParentTypes['ExpectedSymptom']> = {
  symptom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ExtractiveSummaryViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['ExtractiveSummaryView'] = ResolversParentTypes['ExtractiveSummaryView']> = {
  allergies?: Resolver<Array<ResolversTypes['SummaryItemView']>, ParentType, ContextType>;
  medications?: Resolver<Array<ResolversTypes['SummaryItemView']>, ParentType, ContextType>;
  plan?: Resolver<Array<ResolversTypes['SummaryItemView']>, ParentType, ContextType>;
  problems?: Resolver<Array<ResolversTypes['SummaryItemView']>, ParentType, ContextType>;
  results?: Resolver<Array<ResolversTypes['SummaryItemView']>, ParentType, ContextType>;
};

export type FeedbackItemResolvers<ContextType = any, ParentType extends ResolversParentTypes['FeedbackItem'] = ResolversParentTypes['FeedbackItem']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['EvidenceSpan']>, ParentType, ContextType>;
  indicator?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FeedbackKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  suggestion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type FindingEvidenceResolvers<ContextType = any, ParentType extends ResolversParentTypes['FindingEvidence'] = ResolversParentTypes['FindingEvidence']> = {
  end?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  start?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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
  cached?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  cachedPromptTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  timeToFirstTokenMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  tokensPerSecond?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  totalMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GroupMeanResolvers<ContextType = any, ParentType extends ResolversParentTypes['GroupMean'] = ResolversParentTypes['GroupMean']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  criterion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type Icd10EvidenceResolvers<ContextType = any, ParentType extends ResolversParentTypes['Icd10Evidence'] = ResolversParentTypes['Icd10Evidence']> = {
  expandedQuery?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fromHeader?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  matchedName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  matchedTerms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  via?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Icd10SuggestionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Icd10Suggestion'] = ResolversParentTypes['Icd10Suggestion']> = {
  billable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['Icd10Evidence'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
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

export type KnowledgeSourceResolvers<ContextType = any, ParentType extends ResolversParentTypes['KnowledgeSource'] = ResolversParentTypes['KnowledgeSource']> = {
  attribution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commercialUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  edition?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowCounts?: Resolver<Array<ResolversTypes['RowCount']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sourceChecksums?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LanguageAssessmentResolvers<ContextType = any, ParentType extends ResolversParentTypes['LanguageAssessment'] = ResolversParentTypes['LanguageAssessment']> = {
  cohesion?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  commercialUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  conventions?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  grammar?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  head?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phraseology?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  syntax?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  vocabulary?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MeResolvers<ContextType = any, ParentType extends ResolversParentTypes['Me'] = ResolversParentTypes['Me']> = {
  cohortIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type MeasureResolvers<ContextType = any, ParentType extends ResolversParentTypes['Measure'] = ResolversParentTypes['Measure']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type MedicalConceptResolvers<ContextType = any, ParentType extends ResolversParentTypes['MedicalConcept'] = ResolversParentTypes['MedicalConcept'], FederationReferenceType extends FederationReferenceTypes['MedicalConcept'] = FederationReferenceTypes['MedicalConcept']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MedicalConcept']> | FederationReferenceType, FederationReferenceType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commercialUse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ConceptKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  packs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  synonyms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  system?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MedicalEntityResolvers<ContextType = any, ParentType extends ResolversParentTypes['MedicalEntity'] = ResolversParentTypes['MedicalEntity'], FederationReferenceType extends FederationReferenceTypes['MedicalEntity'] = FederationReferenceTypes['MedicalEntity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MedicalEntity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  codeSystem?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  contextCues?: Resolver<Array<ResolversTypes['ContextCueEvidence']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endOffset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  family?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  historical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hypothetical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  negated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  section?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startOffset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uncertain?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type MedicationDetailResolvers<ContextType = any, ParentType extends ResolversParentTypes['MedicationDetail'] = ResolversParentTypes['MedicationDetail']> = {
  asNeeded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  doseValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  drug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  drugbankId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  duration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  frequency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  generic?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  indication?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  route?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  runtime?: Resolver<ResolversTypes['ModelRuntime'], ParentType, ContextType>;
  sha256?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceUri?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ModelState'], ParentType, ContextType>;
  task?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = any, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  analyzeClinicalText?: Resolver<ResolversTypes['ClinicalAnalysis'], ParentType, ContextType, RequireFields<MutationAnalyzeClinicalTextArgs, 'text'>>;
  analyzeSafety?: Resolver<ResolversTypes['SafetyReport'], ParentType, ContextType, RequireFields<MutationAnalyzeSafetyArgs, 'text' | 'use' | 'useModel'>>;
  evaluateSpeaking?: Resolver<ResolversTypes['Evaluation'], ParentType, ContextType, RequireFields<MutationEvaluateSpeakingArgs, 'input'>>;
  evaluateWriting?: Resolver<ResolversTypes['Evaluation'], ParentType, ContextType, RequireFields<MutationEvaluateWritingArgs, 'input'>>;
  generate?: Resolver<ResolversTypes['Generation'], ParentType, ContextType, RequireFields<MutationGenerateArgs, 'input'>>;
  loadModel?: Resolver<ResolversTypes['ModelInfo'], ParentType, ContextType, RequireFields<MutationLoadModelArgs, 'id'>>;
  recordAssessorScores?: Resolver<ResolversTypes['Evaluation'], ParentType, ContextType, RequireFields<MutationRecordAssessorScoresArgs, 'evaluationId' | 'scores'>>;
  rescoreEvaluation?: Resolver<ResolversTypes['Evaluation'], ParentType, ContextType, RequireFields<MutationRescoreEvaluationArgs, 'id'>>;
  rescoreEvaluations?: Resolver<ResolversTypes['BackgroundJob'], ParentType, ContextType, RequireFields<MutationRescoreEvaluationsArgs, 'input'>>;
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

export type OtherInteractionRuleResolvers<ContextType = any, ParentType extends ResolversParentTypes['OtherInteractionRule'] = ResolversParentTypes['OtherInteractionRule']> = {
  packId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ruleId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['InteractionSeverity'], ParentType, ContextType>;
};

export type PersonalTipResolvers<ContextType = any, ParentType extends ResolversParentTypes['PersonalTip'] = ResolversParentTypes['PersonalTip']> = {
  criterion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = any, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  analytics?: Resolver<Array<ResolversTypes['OperationStats']>, ParentType, ContextType, Partial<QueryAnalyticsArgs>>;
  assessLanguage?: Resolver<ResolversTypes['LanguageAssessment'], ParentType, ContextType, RequireFields<QueryAssessLanguageArgs, 'text'>>;
  assessSymptoms?: Resolver<ResolversTypes['SymptomAssessment'], ParentType, ContextType, RequireFields<QueryAssessSymptomsArgs, 'symptoms'>>;
  auditLog?: Resolver<Array<ResolversTypes['AuditLogEntry']>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  backgroundJob?: Resolver<Maybe<ResolversTypes['BackgroundJob']>, ParentType, ContextType, RequireFields<QueryBackgroundJobArgs, 'id'>>;
  checkDrugInteractions?: Resolver<ResolversTypes['DrugInteractionCheck'], ParentType, ContextType, RequireFields<QueryCheckDrugInteractionsArgs, 'drugs'>>;
  concept?: Resolver<Maybe<ResolversTypes['MedicalConcept']>, ParentType, ContextType, RequireFields<QueryConceptArgs, 'id'>>;
  conceptNeighbors?: Resolver<Maybe<ResolversTypes['ConceptNeighborPage']>, ParentType, ContextType, RequireFields<QueryConceptNeighborsArgs, 'id'>>;
  correlateSymptoms?: Resolver<Array<ResolversTypes['ConditionCandidate']>, ParentType, ContextType, RequireFields<QueryCorrelateSymptomsArgs, 'symptoms'>>;
  drugInteraction?: Resolver<Maybe<ResolversTypes['DrugInteraction']>, ParentType, ContextType, RequireFields<QueryDrugInteractionArgs, 'id'>>;
  embed?: Resolver<Array<Array<ResolversTypes['Float']>>, ParentType, ContextType, RequireFields<QueryEmbedArgs, 'model' | 'texts'>>;
  evaluation?: Resolver<Maybe<ResolversTypes['Evaluation']>, ParentType, ContextType, RequireFields<QueryEvaluationArgs, 'id'>>;
  evaluationAnalytics?: Resolver<ResolversTypes['EvaluationAnalytics'], ParentType, ContextType, RequireFields<QueryEvaluationAnalyticsArgs, 'filter'>>;
  evaluations?: Resolver<Array<ResolversTypes['Evaluation']>, ParentType, ContextType, RequireFields<QueryEvaluationsArgs, 'first'>>;
  inferenceStats?: Resolver<ResolversTypes['InferenceStatsView'], ParentType, ContextType>;
  knowledgeSources?: Resolver<Array<ResolversTypes['KnowledgeSource']>, ParentType, ContextType>;
  me?: Resolver<ResolversTypes['Me'], ParentType, ContextType>;
  medicalEntities?: Resolver<Array<ResolversTypes['MedicalEntity']>, ParentType, ContextType, RequireFields<QueryMedicalEntitiesArgs, 'first'>>;
  medicalEntity?: Resolver<Maybe<ResolversTypes['MedicalEntity']>, ParentType, ContextType, RequireFields<QueryMedicalEntityArgs, 'id'>>;
  model?: Resolver<Maybe<ResolversTypes['ModelInfo']>, ParentType, ContextType, RequireFields<QueryModelArgs, 'id'>>;
  modelAliases?: Resolver<Array<ResolversTypes['ModelAlias']>, ParentType, ContextType>;
  models?: Resolver<Array<ResolversTypes['ModelInfo']>, ParentType, ContextType>;
  normalizeDrug?: Resolver<Maybe<ResolversTypes['DrugConcept']>, ParentType, ContextType, RequireFields<QueryNormalizeDrugArgs, 'name'>>;
  redactPhi?: Resolver<ResolversTypes['Redaction'], ParentType, ContextType, RequireFields<QueryRedactPhiArgs, 'strategy' | 'text' | 'useModel'>>;
  safetyReport?: Resolver<Maybe<ResolversTypes['SafetyReport']>, ParentType, ContextType, RequireFields<QuerySafetyReportArgs, 'id'>>;
  safetyReports?: Resolver<Array<ResolversTypes['SafetyReport']>, ParentType, ContextType, RequireFields<QuerySafetyReportsArgs, 'first'>>;
  searchConcepts?: Resolver<ResolversTypes['ConceptSearchPage'], ParentType, ContextType, RequireFields<QuerySearchConceptsArgs, 'semantic' | 'text'>>;
  suggestIcd10Codes?: Resolver<Array<ResolversTypes['Icd10Suggestion']>, ParentType, ContextType, RequireFields<QuerySuggestIcd10CodesArgs, 'rerank' | 'text'>>;
  summarizeClinicalNote?: Resolver<ResolversTypes['ClinicalSummary'], ParentType, ContextType, RequireFields<QuerySummarizeClinicalNoteArgs, 'abstractive' | 'text'>>;
  validateClinicalScenario?: Resolver<ResolversTypes['ScenarioReport'], ParentType, ContextType, RequireFields<QueryValidateClinicalScenarioArgs, 'input'>>;
  verifyClaim?: Resolver<ResolversTypes['ClaimVerdict'], ParentType, ContextType, RequireFields<QueryVerifyClaimArgs, 'claim' | 'evidence'>>;
};

export type RecognisedSymptomResolvers<ContextType = any, ParentType extends ResolversParentTypes['RecognisedSymptom'] = ResolversParentTypes['RecognisedSymptom']> = {
  input?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symptomId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RecognizedDrugResolvers<ContextType = any, ParentType extends ResolversParentTypes['RecognizedDrug'] = ResolversParentTypes['RecognizedDrug']> = {
  concept?: Resolver<ResolversTypes['DrugConcept'], ParentType, ContextType>;
  input?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RecognizersUsedResolvers<ContextType = any, ParentType extends ResolversParentTypes['RecognizersUsed'] = ResolversParentTypes['RecognizersUsed']> = {
  dictionary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type RedFlagResolvers<ContextType = any, ParentType extends ResolversParentTypes['RedFlag'] = ResolversParentTypes['RedFlag']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  concern?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symptoms?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RedactedSpanResolvers<ContextType = any, ParentType extends ResolversParentTypes['RedactedSpan'] = ResolversParentTypes['RedactedSpan']> = {
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redactedEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  redactedStart?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replacement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RedactionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Redaction'] = ResolversParentTypes['Redaction']> = {
  dateShiftDays?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['RedactedSpan']>, ParentType, ContextType>;
  strategy?: Resolver<ResolversTypes['RedactionStrategy'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RowCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['RowCount'] = ResolversParentTypes['RowCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SafetyFindingResolvers<ContextType = any, ParentType extends ResolversParentTypes['SafetyFinding'] = ResolversParentTypes['SafetyFinding']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  suggestion?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SafetyReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['SafetyReport'] = ResolversParentTypes['SafetyReport'], FederationReferenceType extends FederationReferenceTypes['SafetyReport'] = FederationReferenceTypes['SafetyReport']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['SafetyReport']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTimeISO'], ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['SafetyFinding']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  modelId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScenarioCheckedResolvers<ContextType = any, ParentType extends ResolversParentTypes['ScenarioChecked'] = ResolversParentTypes['ScenarioChecked']> = {
  allergies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conditions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medications?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  symptoms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  vitals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ScenarioFindingViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['ScenarioFindingView'] = ResolversParentTypes['ScenarioFindingView']> = {
  evidence?: Resolver<Array<ResolversTypes['FindingEvidence']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ScenarioReportResolvers<ContextType = any, ParentType extends ResolversParentTypes['ScenarioReport'] = ResolversParentTypes['ScenarioReport']> = {
  checked?: Resolver<ResolversTypes['ScenarioChecked'], ParentType, ContextType>;
  diagnosisCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<Array<ResolversTypes['ScenarioFindingView']>, ParentType, ContextType>;
};

export type ScoreCountResolvers<ContextType = any, ParentType extends ResolversParentTypes['ScoreCount'] = ResolversParentTypes['ScoreCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  criterion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SpeakingIndicatorResolvers<ContextType = any, ParentType extends ResolversParentTypes['SpeakingIndicator'] = ResolversParentTypes['SpeakingIndicator']> = {
  evidence?: Resolver<Array<ResolversTypes['EvidenceSpan']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  met?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = any, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  evaluationUpdated?: SubscriptionResolver<ResolversTypes['Evaluation'], "evaluationUpdated", ParentType, ContextType>;
  generateStream?: SubscriptionResolver<ResolversTypes['GenerationChunk'], "generateStream", ParentType, ContextType, RequireFields<SubscriptionGenerateStreamArgs, 'input'>>;
};

export type SummaryItemViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['SummaryItemView'] = ResolversParentTypes['SummaryItemView']> = {
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  end?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  start?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SymptomAssessmentResolvers<ContextType = any, ParentType extends ResolversParentTypes['SymptomAssessment'] = ResolversParentTypes['SymptomAssessment']> = {
  candidates?: Resolver<Array<ResolversTypes['ConditionCandidate']>, ParentType, ContextType>;
  recognised?: Resolver<Array<ResolversTypes['RecognisedSymptom']>, ParentType, ContextType>;
  redFlags?: Resolver<Array<ResolversTypes['RedFlag']>, ParentType, ContextType>;
  unrecognized?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SymptomSupportResolvers<ContextType = any, ParentType extends ResolversParentTypes['SymptomSupport'] = ResolversParentTypes['SymptomSupport']> = {
  input?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  redFlag?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  symptom?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type UnsupportedClaimViewResolvers<ContextType = any, ParentType extends ResolversParentTypes['UnsupportedClaimView'] = ResolversParentTypes['UnsupportedClaimView']> = {
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = any> = {
  AbstractiveSummaryView?: AbstractiveSummaryViewResolvers<ContextType>;
  AllergyEntry?: AllergyEntryResolvers<ContextType>;
  AuditLogEntry?: AuditLogEntryResolvers<ContextType>;
  BackgroundJob?: BackgroundJobResolvers<ContextType>;
  BackgroundJobProgress?: BackgroundJobProgressResolvers<ContextType>;
  CaseNoteItem?: CaseNoteItemResolvers<ContextType>;
  ChangedFact?: ChangedFactResolvers<ContextType>;
  ClaimScores?: ClaimScoresResolvers<ContextType>;
  ClaimVerdict?: ClaimVerdictResolvers<ContextType>;
  ClinicalAnalysis?: ClinicalAnalysisResolvers<ContextType>;
  ClinicalSection?: ClinicalSectionResolvers<ContextType>;
  ClinicalSummary?: ClinicalSummaryResolvers<ContextType>;
  CodedCondition?: CodedConditionResolvers<ContextType>;
  ConceptNeighbor?: ConceptNeighborResolvers<ContextType>;
  ConceptNeighborPage?: ConceptNeighborPageResolvers<ContextType>;
  ConceptSearchHit?: ConceptSearchHitResolvers<ContextType>;
  ConceptSearchPage?: ConceptSearchPageResolvers<ContextType>;
  ConditionCandidate?: ConditionCandidateResolvers<ContextType>;
  ContextCueEvidence?: ContextCueEvidenceResolvers<ContextType>;
  CriterionAgreement?: CriterionAgreementResolvers<ContextType>;
  CriterionResult?: CriterionResultResolvers<ContextType>;
  DateTimeISO?: GraphQLScalarType;
  DrugComponent?: DrugComponentResolvers<ContextType>;
  DrugConcept?: DrugConceptResolvers<ContextType>;
  DrugInteraction?: DrugInteractionResolvers<ContextType>;
  DrugInteractionCheck?: DrugInteractionCheckResolvers<ContextType>;
  DuplicateTherapy?: DuplicateTherapyResolvers<ContextType>;
  Evaluation?: EvaluationResolvers<ContextType>;
  EvaluationAnalytics?: EvaluationAnalyticsResolvers<ContextType>;
  EvidenceSpan?: EvidenceSpanResolvers<ContextType>;
  ExpectedSymptom?: ExpectedSymptomResolvers<ContextType>;
  ExtractiveSummaryView?: ExtractiveSummaryViewResolvers<ContextType>;
  FeedbackItem?: FeedbackItemResolvers<ContextType>;
  FindingEvidence?: FindingEvidenceResolvers<ContextType>;
  Generation?: GenerationResolvers<ContextType>;
  GenerationChunk?: GenerationChunkResolvers<ContextType>;
  GenerationUsage?: GenerationUsageResolvers<ContextType>;
  GroupMean?: GroupMeanResolvers<ContextType>;
  Icd10Evidence?: Icd10EvidenceResolvers<ContextType>;
  Icd10Suggestion?: Icd10SuggestionResolvers<ContextType>;
  InferenceStatsView?: InferenceStatsViewResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  KnowledgeSource?: KnowledgeSourceResolvers<ContextType>;
  LanguageAssessment?: LanguageAssessmentResolvers<ContextType>;
  Me?: MeResolvers<ContextType>;
  Measure?: MeasureResolvers<ContextType>;
  MedicalConcept?: MedicalConceptResolvers<ContextType>;
  MedicalEntity?: MedicalEntityResolvers<ContextType>;
  MedicationDetail?: MedicationDetailResolvers<ContextType>;
  ModelAlias?: ModelAliasResolvers<ContextType>;
  ModelAliasVariant?: ModelAliasVariantResolvers<ContextType>;
  ModelInfo?: ModelInfoResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OperationStats?: OperationStatsResolvers<ContextType>;
  OtherInteractionRule?: OtherInteractionRuleResolvers<ContextType>;
  PersonalTip?: PersonalTipResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecognisedSymptom?: RecognisedSymptomResolvers<ContextType>;
  RecognizedDrug?: RecognizedDrugResolvers<ContextType>;
  RecognizersUsed?: RecognizersUsedResolvers<ContextType>;
  RedFlag?: RedFlagResolvers<ContextType>;
  RedactedSpan?: RedactedSpanResolvers<ContextType>;
  Redaction?: RedactionResolvers<ContextType>;
  RowCount?: RowCountResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SafetyFinding?: SafetyFindingResolvers<ContextType>;
  SafetyReport?: SafetyReportResolvers<ContextType>;
  ScenarioChecked?: ScenarioCheckedResolvers<ContextType>;
  ScenarioFindingView?: ScenarioFindingViewResolvers<ContextType>;
  ScenarioReport?: ScenarioReportResolvers<ContextType>;
  ScoreCount?: ScoreCountResolvers<ContextType>;
  SpeakingIndicator?: SpeakingIndicatorResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SummaryItemView?: SummaryItemViewResolvers<ContextType>;
  SymptomAssessment?: SymptomAssessmentResolvers<ContextType>;
  SymptomSupport?: SymptomSupportResolvers<ContextType>;
  UnsupportedClaimView?: UnsupportedClaimViewResolvers<ContextType>;
};

