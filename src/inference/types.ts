/**
 * The one inference interface every capability (resolvers, REST, later medical NLP, evaluation and safety) uses.
 * Plain TypeScript: nothing here knows about GraphQL, HTTP or Prisma.
 */

/** `remote`: served by an OpenAI-compatible server named in the manifest (src/inference/remote). */
export type ModelFormat = 'gguf' | 'onnx' | 'remote';
export type ModelBackend = 'cpu' | 'cuda' | 'vulkan' | 'metal' | 'remote';
/**
 * What runs a model: node-llama-cpp in this process, a supervised llama.cpp `llama-server` child (OET_GGUF_RUNTIME),
 * onnxruntime in this process, or an OpenAI-compatible server named in the manifest.
 */
export type ModelRuntime = 'node-llama-cpp' | 'llama-server' | 'onnxruntime' | 'remote';
/** Lifecycle state of one model file; `available` = found on disk, never loaded (or evicted and not failed). */
export type ModelState = 'available' | 'loading' | 'ready' | 'failed' | 'unloaded';
/** What an ONNX model folder does; GGUF models are always `text-generation`. */
export type ModelTask = 'text-generation' | 'feature-extraction' | 'token-classification' | 'text-classification';
/** Interactive requests (a learner waiting) are served before background ones (batch scoring). */
export type RequestPriority = 'interactive' | 'background';
export type FinishReason = 'stop' | 'length' | 'stopSequence' | 'cancelled' | 'timeout';

export interface ModelInfo {
  /** Stable id: the manifest id, or the file name without extension for files found by scanning. */
  id: string;
  name: string;
  format: ModelFormat;
  task: ModelTask;
  /** e.g. `llama`, `bert`. */
  architecture: string | null;
  parameterCount: number | null;
  /** e.g. `Q4_1`, `F32`, `int8`. */
  quantization: string | null;
  fileSizeBytes: number;
  contextLength: number | null;
  /** Backend that serves (or would serve) it. */
  backend: ModelBackend;
  runtime: ModelRuntime;
  state: ModelState;
  /** Bytes attributed to this model while loaded (weights + context); 0 otherwise. */
  memoryBytes: number;
  /** Absolute path of the file (GGUF) or folder (ONNX); a remote model's server base URL, without credentials. */
  path: string;
  sha256: string | null;
  sourceUri: string | null;
  aliases: string[];
  /** Message of the last load failure, when `state` is `failed`. */
  error: string | null;
  lastUsedAt: Date | null;
}

export interface AliasVariant {
  modelId: string;
  /** Relative share of traffic; weights of one alias need not sum to 1. */
  weight: number;
}

export interface AliasInfo {
  name: string;
  variants: AliasVariant[];
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface GenerateRequest {
  /** Model id or alias; undefined uses the `default` alias. */
  model?: string;
  /** Exactly one of `prompt` and `messages`. */
  prompt?: string;
  messages?: ChatMessage[];
  /** Default 0.8; 0 is greedy. */
  temperature?: number;
  /** Default 0.95. */
  topP?: number;
  /** Default 256. */
  maxTokens?: number;
  stop?: string[];
  seed?: number;
  /** A JSON schema the output must match (grammar-constrained decoding). */
  jsonSchema?: Record<string, unknown>;
  /** Default `interactive`. */
  priority?: RequestPriority;
  /** Overrides the configured per-request timeout. */
  timeoutMs?: number;
}

export interface GenerationUsage {
  promptTokens: number;
  /** Prompt tokens found already evaluated in the sequence's KV cache (prefix cache) and not evaluated again. */
  cachedPromptTokens?: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  tokensPerSecond: number;
  totalMs: number;
  /** True when the answer was replayed from the response cache (src/responseCache): no decoding happened. */
  cached?: boolean;
}

export interface GenerationResult {
  text: string;
  finishReason: FinishReason;
  usage: GenerationUsage;
  /** Model id that served the request. */
  modelId: string;
  /** The alias requested, if any. */
  alias: string | null;
}

export interface GenerationChunk {
  /** Text decoded since the previous chunk ('' on the final chunk). */
  text: string;
  done: boolean;
  /** Present on the final chunk only. */
  result?: GenerationResult;
}

export interface EmbedRequest {
  model: string;
  texts: string[];
}

export interface PairRequest {
  model: string;
  pairs: [string, string][];
}

/** One token of a token-classification result; offsets index the input text (null when not locatable). */
export interface TokenLabel {
  token: string;
  label: string;
  score: number;
  start: number | null;
  end: number | null;
}

export interface CallOptions {
  /** Aborting frees the request's sequence at once; the call rejects with a CANCELLED DomainError. */
  signal?: AbortSignal;
  /**
   * Whose answer this is, for the response cache (src/responseCache): a deterministic request is replayed only to
   * callers with the same scope (the user's id), unless OET_RESPONSE_CACHE_SCOPE=shared. Unset: never replayed.
   */
  cacheScope?: string;
}

export interface InferenceStats {
  queueDepth: number;
  activeSequences: number;
  memoryBudgetBytes: number;
  memoryUsedBytes: number;
  backend: ModelBackend;
  threads: number;
  /** The llama.cpp runtime starts with the first GGUF model used; until then `backend` is `cpu` by default, not detected. */
  runtime?: 'not started' | 'started' | 'failed';
}

/** One token of a scored text and its log-probability under a causal LM given the tokens before it. */
export interface TokenLogprob {
  piece: string;
  logprob: number;
}

export interface TokenLogprobsRequest {
  /** A GGUF text-generation model id or alias. */
  model: string;
  text: string;
  /** Tokens scored from the start of the text (default 384). */
  maxTokens?: number;
}

/** Implemented by src/inference/InferenceService.ts. */
export interface InferenceEngine {
  listModels(): ModelInfo[];
  /** By id or alias; undefined when unknown. */
  getModel(idOrAlias: string): ModelInfo | undefined;
  listAliases(): AliasInfo[];
  /** Points an alias at one or more variants (hot swap: in-flight requests on the old model finish first). */
  setAlias(name: string, variants: AliasVariant[]): AliasInfo;
  /** Rescans the model directories and manifest. */
  refresh(): Promise<ModelInfo[]>;
  loadModel(id: string): Promise<ModelInfo>;
  unloadModel(id: string): Promise<ModelInfo>;
  generate(request: GenerateRequest, options?: CallOptions): Promise<GenerationResult>;
  /** Token chunks; the last has `done: true` and the result. Breaking out of the loop aborts generation. */
  generateStream(request: GenerateRequest, options?: CallOptions): AsyncIterable<GenerationChunk>;
  /** Per-token log-probabilities of a text under a GGUF model (background priority, one sequence). */
  tokenLogprobs(request: TokenLogprobsRequest, options?: CallOptions): Promise<TokenLogprob[]>;
  /** Sentence embeddings from an ONNX feature-extraction model. */
  embed(request: EmbedRequest, options?: CallOptions): Promise<number[][]>;
  /** A label per word-piece from an ONNX token-classification model (named-entity recognisers). */
  classifyTokens(request: EmbedRequest, options?: CallOptions): Promise<TokenLabel[][]>;
  /** Label probabilities per sentence pair from an ONNX text-classification model (a cross-encoder). */
  classifyPairs(request: PairRequest, options?: CallOptions): Promise<Record<string, number>[]>;
  stats(): InferenceStats;
  /** Disposes every loaded model and the runtime. Safe to call twice. */
  dispose(): Promise<void>;
}

/** Observer for metrics and audit: the engine calls it; src/server wires it to prom-client. */
export interface InferenceObserver {
  onGeneration?(event: {
    modelId: string;
    alias: string | null;
    usage: GenerationUsage;
    finishReason: FinishReason;
  }): void;
  onQueueChange?(event: { modelId: string; queueDepth: number; activeSequences: number }): void;
  onModelStateChange?(event: { modelId: string; state: ModelState; runtime?: ModelRuntime }): void;
}
