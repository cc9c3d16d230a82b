import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { SafetyPolicy } from './safety/policy/SafetyPolicy.js';
import { projectRoot } from './projectRoot.js';
import { Keyring, KeyringFormatError } from './persistence/encryption/Keyring.js';
import { loadRateLimitConfig, RateLimitConfigError, type RateLimitConfig } from './limits/rateLimitConfig.js';
import { QueueConfigError, readQueueConfig, type EngineRole, type QueueConfig } from './queue/QueueConfig.js';
import { readResponseCacheConfig, ResponseCacheConfigError, type ResponseCacheConfig } from './responseCache/responseCacheConfig.js';

/**
 * Every setting the service reads from its environment, validated once at start-up. The names are a contract with
 * operators (see README): PORT, DATABASE_URL, REDIS_URL, JWT_SECRET | JWT_PUBLIC_KEY | JWT_JWKS_URL, OET_MODELS_DIR,
 * OET_DATA_DIR, OET_ENCRYPTION_KEYS. With none set the service runs on SQLite under ./data with the models in ./models
 * and a development encryption key beside the database.
 */
export interface Config {
  /** HTTP and WebSocket port. Default 8080. */
  port: number;
  /** Address to bind (HOST). Default 127.0.0.1, as Ollama and llama-server do; 0.0.0.0 in a container. */
  host: string;
  /** `file:` (SQLite) or `postgres(ql)://` URL. Default `file:./data/oet-engine.db`. */
  databaseUrl: string;
  /** Redis URL for cross-instance pub/sub; unset means in-memory pub/sub. */
  redisUrl: string | undefined;
  auth: AuthConfig;
  /** Directories searched for model files, in order; the project's own `models/` is always last. Default `./models`. */
  modelsDirs: string[];
  /** The model manifest (ids, aliases, sources, checksums). Default `./models/manifest.json`. */
  modelManifestPath: string;
  /** Where knowledge-pack source files are imported from. Default `./data`. */
  dataDir: string;
  knowledge: KnowledgeConfig;
  safety: SafetyConfig;
  /** OET_LANGUAGE_MODEL=off leaves the ELLIPSE-trained language model (CC BY-NC-SA parameters) out of evaluation. Default on. */
  evaluation: { languageModel: boolean };
  /** Logger level. Default `info`. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  limits: LimitsConfig;
  /** Per-user request budgets (OET_RATE_LIMIT_*; see src/limits/rateLimitConfig.ts). */
  rateLimits: RateLimitConfig;
  inference: InferenceConfig;
  encryption: EncryptionConfig;
  /** OET_ROLE: `all` (default), `api` or `worker` (see src/queue/QueueConfig.ts). */
  role: EngineRole;
  queue: QueueConfig;
  /** OET_RESPONSE_CACHE* (see src/responseCache/responseCacheConfig.ts). */
  responseCache: ResponseCacheConfig;
}

export interface EncryptionConfig {
  /**
   * OET_ENCRYPTION_KEYS: `<keyId>:<base64 of 32 bytes>` entries, comma-separated, the active key first (it encrypts
   * new values; the others only decrypt). Undefined when unset: a development key is used, or, in production, the
   * service refuses to start.
   */
  keyring: Keyring | undefined;
  /** NODE_ENV=production: OET_ENCRYPTION_KEYS is required. */
  production: boolean;
  /** OET_DEV_KEY_FILE: the development key's file. Default `dev-encryption.key` beside the SQLite database (PostgreSQL: in OET_DATA_DIR). */
  devKeyFile: string | undefined;
}

export interface AuthConfig {
  /** HS256 shared secret (development and tests). */
  jwtSecret: string | undefined;
  /** PEM public key (RS256/ES256/EdDSA) for production. */
  jwtPublicKey: string | undefined;
  /** JWKS endpoint for production. */
  jwksUrl: string | undefined;
  /** Expected `iss`, when set. */
  issuer: string | undefined;
  /** Expected `aud`, when set. */
  audience: string | undefined;
  /**
   * OET_DEV_JWT_FILE: where the development signing secret lives when no JWT setting is given and the service is
   * bound to loopback outside production. Default `dev-jwt.secret` beside the development encryption key.
   */
  devSecretFile?: string;
}

export interface SafetyConfig {
  /** The verdict policy (OET_SAFETY_POLICY, JSON): validated here, so a typo stops the start. Default: the built-in policy. */
  policy: SafetyPolicy;
  /**
   * Secret for keyed hashes and surrogate seeds in PHI redaction (OET_REDACTION_KEY, base64, at least 32 bytes).
   * Unset: a random key per process, so hashes and surrogates are stable only until a restart.
   */
  redactionKey: Buffer;
  /** Check model output by default (guardrails on generate, generateStream and REST). Default true. */
  checkOutput: boolean;
}

export interface KnowledgeConfig {
  /** Packs built on this machine (opt-in packs, imports). Default `./data/packs`. */
  packsDir: string;
  /** Opt-in packs to load (`OET_PACKS=ddinter,columbia`), built from the data dir when missing or stale. */
  optInPacks: string[];
  /** Load the knowledge packs in the background at start (default) or on first use. */
  preload: boolean;
}

export interface LimitsConfig {
  /** Longest accepted text input, in characters. Default 20,000 (a long OET letter is ~1,500). */
  maxTextChars: number;
  /** Deepest accepted query. Default 10. */
  maxDepth: number;
  /** Most aliases in one operation. Default 15. */
  maxAliases: number;
  /** Highest accepted query cost (graphql-armor's cost model). Default 5,000. */
  maxCost: number;
  /** Largest accepted request body, in bytes. Default 1 MiB. */
  maxBodyBytes: number;
}

export interface InferenceConfig {
  /** Memory budget for loaded models, in bytes. Default: half of the machine's memory. */
  memoryBudgetBytes: number | undefined;
  /** llama.cpp threads; undefined lets the engine pick. */
  threads: number | undefined;
  /** Sequences per context: how many requests decode together. Default 8. */
  parallelSequences: number;
  /** Requests that may wait for a sequence before QUEUE_FULL. Default 64. */
  maxQueue: number;
  /** Per-request limit in milliseconds. Default 120,000. */
  requestTimeoutMs: number;
  /** Idle time after which a loaded model is unloaded. Default 5 minutes; 0 keeps models loaded. */
  keepAliveMs: number;
  /** GPU choice: auto-detect (default) or force CPU. */
  gpu: 'auto' | 'cpu';
  /** Least time between two streamed chunks after the first (tokens in between are merged). Default 50 ms. */
  streamIntervalMs: number;
  /**
   * bench/threads.bench.ts's result, read when `threads` is unset (OET_THREADS_CALIBRATION; default
   * data/threads-calibration.json; `off` ignores it). Undefined: none.
   */
  threadsCalibrationPath?: string;
  /**
   * OET_GGUF_RUNTIME: what runs GGUF generation. `node-llama-cpp` (default): in process, the binaries `npm install`
   * brings. `llama-server`: one supervised llama.cpp server process per model (src/inference/llamaServer), built once
   * with `npm run llama-server:build`.
   */
  ggufRuntime?: 'node-llama-cpp' | 'llama-server';
  /** OET_LLAMA_SERVER_BIN: the llama-server executable; unset: the newest `npm run llama-server:build` build. */
  llamaServerBin?: string;
}

const intFromEnv = (fallback: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().nonnegative());

const EnvSchema = z.object({
  PORT: intFromEnv(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  OET_DEV_JWT_FILE: z.string().optional(),
  DATABASE_URL: z.string().default('file:./data/oet-engine.db'),
  REDIS_URL: z.string().optional(),
  JWT_SECRET: z.string().min(16, 'JWT_SECRET must be at least 16 characters').optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  OET_MODELS_DIR: z.string().default('./models'),
  OET_MODEL_MANIFEST: z.string().default('./models/manifest.json'),
  OET_DATA_DIR: z.string().default('./data'),
  OET_PACKS_DIR: z.string().default('./data/packs'),
  OET_PACKS: z.string().default(''),
  OET_KNOWLEDGE_PRELOAD: z.enum(['true', 'false', '1', '0']).default('true'),
  OET_SAFETY_POLICY: z.string().optional(),
  OET_REDACTION_KEY: z.string().optional(),
  OET_CHECK_OUTPUT: z.enum(['true', 'false', '1', '0']).default('true'),
  OET_LANGUAGE_MODEL: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OET_MAX_TEXT_CHARS: intFromEnv(20_000),
  OET_MAX_DEPTH: intFromEnv(10),
  OET_MAX_ALIASES: intFromEnv(15),
  OET_MAX_COST: intFromEnv(5_000),
  OET_MAX_BODY_BYTES: intFromEnv(1_048_576),
  OET_MEMORY_BUDGET_MB: z.string().optional(),
  OET_LLAMA_THREADS: z.string().optional(),
  OET_THREADS_CALIBRATION: z.string().optional(),
  OET_PARALLEL_SEQUENCES: intFromEnv(8),
  OET_MAX_QUEUE: intFromEnv(64),
  OET_REQUEST_TIMEOUT_MS: intFromEnv(120_000),
  OET_KEEP_ALIVE_MS: intFromEnv(300_000),
  OET_GPU: z.enum(['auto', 'cpu']).default('auto'),
  OET_GGUF_RUNTIME: z.enum(['node-llama-cpp', 'llama-server']).default('node-llama-cpp'),
  OET_LLAMA_SERVER_BIN: z.string().optional(),
  OET_STREAM_INTERVAL_MS: intFromEnv(50),
  NODE_ENV: z.string().optional(),
  OET_ENCRYPTION_KEYS: z.string().optional(),
  OET_DEV_KEY_FILE: z.string().optional(),
});

export class ConfigError extends Error {}

/** Packs a deployment may opt into; anything else in OET_PACKS is a typo worth stopping for. */
export const OPT_IN_PACKS = ['ddinter', 'columbia'] as const;

function optInPacks(value: string): string[] {
  const ids = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  const unknown = ids.filter((id) => !(OPT_IN_PACKS as readonly string[]).includes(id));
  if (unknown.length > 0) throw new ConfigError(`OET_PACKS: unknown pack ${unknown.map((u) => `"${u}"`).join(', ')}; opt-in packs are ${OPT_IN_PACKS.join(', ')}`);
  return ids;
}

function safetyPolicy(json: string | undefined): SafetyPolicy {
  if (json === undefined || json.trim() === '') return new SafetyPolicy();
  try {
    return SafetyPolicy.fromJson(json);
  } catch (error) {
    throw new ConfigError(`OET_SAFETY_POLICY: ${(error as Error).message}`);
  }
}

function redactionKey(value: string | undefined): Buffer {
  if (value === undefined || value === '') return randomBytes(32);
  const key = Buffer.from(value, 'base64');
  if (key.length < 32) throw new ConfigError(`OET_REDACTION_KEY must be at least 32 bytes of base64; it decodes to ${key.length} bytes`);
  return key;
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const optionalInt = (name: string, v: string | undefined): number | undefined => {
    if (v === undefined || v === '') return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${v}"`);
    return n;
  };
  const budgetMb = optionalInt('OET_MEMORY_BUDGET_MB', e.OET_MEMORY_BUDGET_MB);
  let keyring: Keyring | undefined;
  try {
    keyring = e.OET_ENCRYPTION_KEYS?.trim() ? Keyring.parse(e.OET_ENCRYPTION_KEYS, 'OET_ENCRYPTION_KEYS') : undefined;
  } catch (error) {
    // The message names the variable and the entry, never the key.
    if (error instanceof KeyringFormatError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
  let rateLimits: RateLimitConfig;
  try {
    rateLimits = loadRateLimitConfig(env);
  } catch (error) {
    if (error instanceof RateLimitConfigError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
  let roles: ReturnType<typeof readQueueConfig>;
  try {
    roles = readQueueConfig(env, { parallelSequences: Math.max(1, e.OET_PARALLEL_SEQUENCES), redisUrl: e.REDIS_URL || undefined });
  } catch (error) {
    if (error instanceof QueueConfigError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
  let responseCache: ResponseCacheConfig;
  try {
    responseCache = readResponseCacheConfig(env);
  } catch (error) {
    if (error instanceof ResponseCacheConfigError) throw new ConfigError(`Invalid configuration: ${error.message}`);
    throw error;
  }
  return {
    ...roles,
    responseCache,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL || undefined,
    auth: {
      jwtSecret: e.JWT_SECRET,
      jwtPublicKey: e.JWT_PUBLIC_KEY,
      jwksUrl: e.JWT_JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      devSecretFile: e.OET_DEV_JWT_FILE ? path.resolve(e.OET_DEV_JWT_FILE) : undefined,
    },
    // The project's own models/ (trained recognisers shipped in the repository) is always searched, last.
    modelsDirs: [...new Set([...e.OET_MODELS_DIR.split(path.delimiter).filter(Boolean).map((d) => path.resolve(d)), path.join(projectRoot(), 'models')])],
    modelManifestPath: path.resolve(e.OET_MODEL_MANIFEST),
    dataDir: path.resolve(e.OET_DATA_DIR),
    knowledge: {
      packsDir: path.resolve(e.OET_PACKS_DIR),
      optInPacks: optInPacks(e.OET_PACKS),
      preload: e.OET_KNOWLEDGE_PRELOAD === 'true' || e.OET_KNOWLEDGE_PRELOAD === '1',
    },
    safety: {
      policy: safetyPolicy(e.OET_SAFETY_POLICY),
      redactionKey: redactionKey(e.OET_REDACTION_KEY),
      checkOutput: e.OET_CHECK_OUTPUT === 'true' || e.OET_CHECK_OUTPUT === '1',
    },
    evaluation: { languageModel: e.OET_LANGUAGE_MODEL === 'on' },
    logLevel: e.LOG_LEVEL,
    limits: {
      maxTextChars: e.OET_MAX_TEXT_CHARS,
      maxDepth: e.OET_MAX_DEPTH,
      maxAliases: e.OET_MAX_ALIASES,
      maxCost: e.OET_MAX_COST,
      maxBodyBytes: e.OET_MAX_BODY_BYTES,
    },
    rateLimits,
    inference: {
      memoryBudgetBytes: budgetMb === undefined ? undefined : budgetMb * 1024 * 1024,
      threads: optionalInt('OET_LLAMA_THREADS', e.OET_LLAMA_THREADS),
      parallelSequences: Math.max(1, e.OET_PARALLEL_SEQUENCES),
      maxQueue: e.OET_MAX_QUEUE,
      requestTimeoutMs: e.OET_REQUEST_TIMEOUT_MS,
      keepAliveMs: e.OET_KEEP_ALIVE_MS,
      gpu: e.OET_GPU,
      streamIntervalMs: e.OET_STREAM_INTERVAL_MS,
      threadsCalibrationPath: e.OET_THREADS_CALIBRATION === 'off' ? undefined : path.resolve(e.OET_THREADS_CALIBRATION ?? 'data/threads-calibration.json'),
      ggufRuntime: e.OET_GGUF_RUNTIME,
      llamaServerBin: e.OET_LLAMA_SERVER_BIN ? path.resolve(e.OET_LLAMA_SERVER_BIN) : undefined,
    },
    encryption: {
      keyring,
      production: e.NODE_ENV === 'production',
      devKeyFile: e.OET_DEV_KEY_FILE ? path.resolve(e.OET_DEV_KEY_FILE) : undefined,
    },
  };
}
