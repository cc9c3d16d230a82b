export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date-time string at UTC, such as 2007-12-03T10:15:30Z, compliant with the `date-time` format outlined in section 5.6 of the RFC 3339 profile of the ISO 8601 standard for representation of dates and times using the Gregorian calendar.This scalar is serialized to a string in ISO 8601 format and parsed from a string in ISO 8601 format. */
  DateTimeISO: { input: string; output: string; }
  /** The `JSONObject` scalar type represents JSON objects as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
  /** The `SafeInt` scalar type represents non-fractional signed whole numeric values that are considered safe as defined by the ECMAScript specification. */
  SafeInt: { input: number; output: number; }
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

export type AuditLogQueryVariables = Exact<{
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
  operation?: InputMaybe<Scalars['String']['input']>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: Array<{ __typename?: 'AuditLogEntry', id: string, actorId?: string | null, actorRoles: string, operation: string, kind: string, modelId?: string | null, durationMs: number, outcome: string, errorCode?: string | null, createdAt: string }> };

export type AnalyticsQueryVariables = Exact<{
  since?: InputMaybe<Scalars['DateTimeISO']['input']>;
}>;


export type AnalyticsQuery = { __typename?: 'Query', analytics: Array<{ __typename?: 'OperationStats', operation: string, total: number, success: number, failure: number, denied: number, avgDurationMs: number, p95DurationMs: number }> };

export type InferenceStatsQueryVariables = Exact<{ [key: string]: never; }>;


export type InferenceStatsQuery = { __typename?: 'Query', inferenceStats: { __typename?: 'InferenceStatsView', queueDepth: number, activeSequences: number, memoryBudgetBytes: number, memoryUsedBytes: number, backend: string, threads: number } };

export type SubmitEvaluationMutationVariables = Exact<{
  input: SubmitEvaluationInput;
}>;


export type SubmitEvaluationMutation = { __typename?: 'Mutation', submitEvaluation: { __typename?: 'Evaluation', id: string, kind: EvaluationKind, status: EvaluationStatus, createdAt: string } };

export type EvaluationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['ID']['input']>;
}>;


export type EvaluationsQuery = { __typename?: 'Query', evaluations: Array<{ __typename?: 'Evaluation', id: string, kind: EvaluationKind, status: EvaluationStatus, overallScore?: number | null, grade?: string | null, createdAt: string }> };

export type EvaluationUpdatedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type EvaluationUpdatedSubscription = { __typename?: 'Subscription', evaluationUpdated: { __typename?: 'Evaluation', id: string, status: EvaluationStatus, overallScore?: number | null, grade?: string | null } };

export type EvaluateWritingMutationVariables = Exact<{
  input: WritingEvaluationInput;
}>;


export type EvaluateWritingMutation = { __typename?: 'Mutation', evaluateWriting: { __typename?: 'Evaluation', id: string, kind: EvaluationKind, estimatedScore?: number | null, grade?: string | null, scoreIsEstimate: boolean, scorerVersion?: string | null, createdAt: string, criteria: Array<{ __typename?: 'CriterionResult', name: string, score: number, max: number, feedback: Array<string>, evidence: Array<{ __typename?: 'EvidenceSpan', start: number, end: number, text: string }>, feedbackItems: Array<{ __typename?: 'FeedbackItem', code: string, kind: FeedbackKind, message: string, suggestion?: string | null, evidence?: { __typename?: 'EvidenceSpan', start: number, end: number, text: string } | null }> }>, caseNoteCoverage: Array<{ __typename?: 'CaseNoteItem', text: string, section: string, relevance: string, reason: string, used: boolean, evidence?: { __typename?: 'EvidenceSpan', start: number, end: number, text: string } | null }>, factsChanged: Array<{ __typename?: 'ChangedFact', type: string, message: string, letter: { __typename?: 'EvidenceSpan', start: number, end: number, text: string }, notes?: { __typename?: 'EvidenceSpan', text: string } | null }>, personalFeedback: Array<{ __typename?: 'PersonalTip', criterion: string, text: string }> } };

export type EvaluateSpeakingMutationVariables = Exact<{
  input: SpeakingEvaluationInput;
}>;


export type EvaluateSpeakingMutation = { __typename?: 'Mutation', evaluateSpeaking: { __typename?: 'Evaluation', id: string, kind: EvaluationKind, estimatedScore?: number | null, grade?: string | null, criteria: Array<{ __typename?: 'CriterionResult', name: string, score: number, max: number, feedback: Array<string>, evidence: Array<{ __typename?: 'EvidenceSpan', start: number, end: number, text: string, turn?: number | null }>, feedbackItems: Array<{ __typename?: 'FeedbackItem', code: string, kind: FeedbackKind, message: string, indicator?: string | null, suggestion?: string | null }> }>, indicators: Array<{ __typename?: 'SpeakingIndicator', id: string, met?: boolean | null, evidence: Array<{ __typename?: 'EvidenceSpan', start: number, end: number, text: string, turn?: number | null }> }>, measures: Array<{ __typename?: 'Measure', name: string, value?: number | null }> } };

export type AssessLanguageQueryVariables = Exact<{
  text: Scalars['String']['input'];
}>;


export type AssessLanguageQuery = { __typename?: 'Query', assessLanguage: { __typename?: 'LanguageAssessment', cohesion: number, syntax: number, vocabulary: number, phraseology: number, grammar: number, conventions: number, head: string, commercialUse: boolean } };

export type RecordAssessorScoresMutationVariables = Exact<{
  evaluationId: Scalars['ID']['input'];
  scores: Array<AssessorScoreInput> | AssessorScoreInput;
}>;


export type RecordAssessorScoresMutation = { __typename?: 'Mutation', recordAssessorScores: { __typename?: 'Evaluation', id: string } };

export type RescoreEvaluationMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RescoreEvaluationMutation = { __typename?: 'Mutation', rescoreEvaluation: { __typename?: 'Evaluation', id: string, rescoredFromId?: string | null, scorerVersion?: string | null, criteria: Array<{ __typename?: 'CriterionResult', name: string, score: number }> } };

export type EvaluationAnalyticsQueryVariables = Exact<{
  filter: EvaluationAnalyticsFilter;
  groupBy: MeanGrouping;
  agreementBy: AgreementGrouping;
}>;


export type EvaluationAnalyticsQuery = { __typename?: 'Query', evaluationAnalytics: { __typename?: 'EvaluationAnalytics', distribution: Array<{ __typename?: 'ScoreCount', criterion: string, score: number, count: number }>, means: Array<{ __typename?: 'GroupMean', criterion: string, group?: string | null, mean: number, count: number }>, progress: Array<{ __typename?: 'GroupMean', criterion: string, group?: string | null, mean: number, count: number }>, agreement: Array<{ __typename?: 'CriterionAgreement', criterion: string, group?: string | null, n: number, qwk?: number | null, exact?: number | null, adjacent?: number | null, meanDifference?: number | null }> } };

export type GenerateMutationVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateMutation = { __typename?: 'Mutation', generate: { __typename?: 'Generation', text: string, finishReason: FinishReason, model: string, alias?: string | null, usage: { __typename?: 'GenerationUsage', promptTokens: number, completionTokens: number, timeToFirstTokenMs: number, tokensPerSecond: number, totalMs: number } } };

export type GenerateStreamSubscriptionVariables = Exact<{
  input: GenerateInput;
}>;


export type GenerateStreamSubscription = { __typename?: 'Subscription', generateStream: { __typename?: 'GenerationChunk', text: string, done: boolean, finishReason?: FinishReason | null, model?: string | null, usage?: { __typename?: 'GenerationUsage', completionTokens: number, tokensPerSecond: number } | null } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { __typename?: 'Query', models: Array<{ __typename?: 'ModelInfo', id: string, name: string, architecture?: string | null, parameterCount?: number | null, quantization?: string | null, fileSizeBytes: number, contextLength?: number | null, backend: ModelBackend, state: ModelState, memoryBytes: number, aliases: Array<string> }> };

export type ModelQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ModelQuery = { __typename?: 'Query', model?: { __typename?: 'ModelInfo', id: string, name: string, state: ModelState, backend: ModelBackend, contextLength?: number | null } | null };

export type LoadModelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type LoadModelMutation = { __typename?: 'Mutation', loadModel: { __typename?: 'ModelInfo', id: string, state: ModelState, memoryBytes: number } };

export type UnloadModelMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type UnloadModelMutation = { __typename?: 'Mutation', unloadModel: { __typename?: 'ModelInfo', id: string, state: ModelState } };

export type SetModelAliasMutationVariables = Exact<{
  name: Scalars['String']['input'];
  variants: Array<ModelAliasVariantInput> | ModelAliasVariantInput;
}>;


export type SetModelAliasMutation = { __typename?: 'Mutation', setModelAlias: { __typename?: 'ModelAlias', name: string, variants: Array<{ __typename?: 'ModelAliasVariant', modelId: string, weight: number }> } };

export type EmbedQueryVariables = Exact<{
  texts: Array<Scalars['String']['input']> | Scalars['String']['input'];
  model?: InputMaybe<Scalars['ID']['input']>;
}>;


export type EmbedQuery = { __typename?: 'Query', embed: Array<Array<number>> };
