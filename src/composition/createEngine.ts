import type { Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { createTokenVerifier } from '../auth/createTokenVerifier.js';
import { createEventBus } from '../pubsub/createEventBus.js';
import { createMetrics } from '../metrics/createMetrics.js';
import { createEngineServer, type EngineServer } from '../server/createEngineServer.js';
import { createEngineSchema } from '../graphql/createEngineSchema.js';
import { createInferenceService } from '../inference/InferenceService.js';
import { DatabaseConnectionError, openDatabase } from '../persistence/database.js';
import { redactDatabaseUrl } from '../persistence/databaseUrl.js';
import { migrateDatabase } from '../persistence/migrate.js';
import { createStores } from '../persistence/createStores.js';
import { FieldCipher } from '../persistence/encryption/FieldCipher.js';
import { assertKeysUsable, checkEncryptionKeys } from '../persistence/encryption/keyCheck.js';
import { resolveKeyring } from '../persistence/encryption/resolveKeyring.js';
import type { KeyCheckReport } from '../persistence/encryption/keyCheck.js';
import type { EngineServices } from '../app/EngineServices.js';
import { createClinical, createKnowledge } from '../app/createKnowledge.js';
import { createSafety } from '../app/createSafety.js';
import { createEvaluation } from '../app/createEvaluation.js';
import { createRateLimits } from '../limits/RateLimits.js';
import { devSecretFile, devSecretRefusal, readOrCreateDevSecret } from '../auth/devSigningSecret.js';
import { createRoleParts } from '../app/createRole.js';
import { createBatchHandlers } from '../app/batchHandlers.js';
import { createWorkerServer } from '../server/createWorkerServer.js';
import { withResponseCache } from '../responseCache/withResponseCache.js';
import { responseCacheCounter } from '../metrics/responseCacheMetrics.js';

export interface Engine {
  readonly services: EngineServices;
  readonly server: EngineServer;
  start(): Promise<{ url: string; port: number }>;
  /** Stops the server, then disposes models, pub/sub and the database, in that order. Safe to call twice. */
  stop(): Promise<void>;
}

export interface CreateEngineOptions {
  logger?: Logger;
}

/** The composition root: the one place that creates, wires and disposes every expensive object. */
export async function createEngine(config: Config, options: CreateEngineOptions = {}): Promise<Engine> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Keys before anything touches the database: production without OET_ENCRYPTION_KEYS stops here.
  const { keyring } = resolveKeyring(config.encryption, { databaseUrl: config.databaseUrl, dataDir: config.dataDir }, logger);
  const cipher = new FieldCipher(keyring);
  // Migrations first: on the embedded default this also creates ./data and the SQLite file. A database that is not
  // reachable yet (a container still starting) gets a few bounded tries, then a message naming the setting.
  await withDatabaseRetries(() => migrateDatabase(config.databaseUrl), config.databaseUrl, logger);
  // Everything created below is disposed in reverse order of creation (last in, first out).
  const created: (() => Promise<void>)[] = [];
  const disposeAll = async () => {
    for (const dispose of created.splice(0).reverse()) {
      await dispose().catch((error: unknown) => logger.warn({ err: (error as Error).message }, 'dispose failed'));
    }
  };
  try {
    const db = await openDatabase(config.databaseUrl);
    created.push(() => db.close());
    // A wrong key, or data under a key that is not configured, is found here rather than on the first read.
    const keyCheck = await checkEncryptionKeys(db.prisma, cipher);
    assertKeysUsable(keyCheck);
    reportKeyCheck(keyCheck, logger);
    const stores = createStores(db, { cipher, logger });
    // Audit writes are fire-and-forget on the request path; let the last ones land before the database closes.
    created.push(() => stores.auditLog.flush());
    const metrics = createMetrics();
    // OET_ROLE: the api role queues model calls for the workers instead of loading models.
    const role = await createRoleParts(config, logger);
    created.push(() => role.close());
    const engine = role.queuedInference ?? createInferenceService({
      modelsDirs: config.modelsDirs,
      manifestPath: config.modelManifestPath,
      config: config.inference,
      observer: metrics.observer,
      logger,
    });
    // Answers are replayed where requests arrive (all-in-one, api); a worker runs what the api instances did not answer.
    const inference = config.role === 'worker' ? engine : withResponseCache(engine, { config: config.responseCache, redisUrl: config.redisUrl, logger, onOutcome: responseCacheCounter(metrics.registry) });
    created.push(() => inference.dispose());
    await inference.refresh();
    const knowledge = createKnowledge(config, inference, logger);
    const clinical = createClinical(knowledge, inference);
    const safety = createSafety(config, knowledge, clinical, inference);
    const evaluation = createEvaluation(config, knowledge, clinical, inference);
    const events = await createEventBus({ redisUrl: config.redisUrl, logger, onUndelivered: (topic) => metrics.eventsUndelivered.inc({ topic }) });
    created.push(() => events.close());
    const rateLimits = createRateLimits({ config: config.rateLimits, redisUrl: config.redisUrl, registry: metrics.registry, logger });
    created.push(() => rateLimits.close());
    const services: EngineServices = { config, logger, stores, inference, events, metrics, knowledge, clinical, safety, evaluation, rateLimits, pingDatabase: () => db.ping() };
    const batchHandlers = createBatchHandlers(services);
    services.backgroundJobs = role.backgroundJobs(batchHandlers);
    const server =
      config.role === 'worker'
        ? createWorkerServer({ services, port: config.port, host: config.host })
        : createEngineServer({ services, schema: await createEngineSchema({ maxTextChars: config.limits.maxTextChars, pubSub: events.pubSub }), verifyToken: await createTokenVerifier(authWithDevSecret(config, logger)), port: config.port, host: config.host });
    let stopped: Promise<void> | undefined;
    return {
      services,
      server,
      async start() {
        const address = await server.start();
        // Closed before the local engine it runs on (last in, first out).
        const worker = await role.startWorker(inference, batchHandlers);
        if (worker) created.push(() => worker.close());
        if (config.knowledge.preload) knowledge.preload();
        return address;
      },
      stop() {
        stopped ??= server.stop().then(disposeAll);
        return stopped;
      },
    };
  } catch (error) {
    await disposeAll();
    throw error;
  }
}

function reportKeyCheck(report: KeyCheckReport, logger: Logger): void {
  const { sample } = report;
  logger.info(
    { activeKeyId: report.verifiedKeyIds[0], verifiedKeyIds: report.verifiedKeyIds, newKey: report.activeKeyRegistered, retiredKeyIds: report.retiredKeyIds, sampled: sample.checked },
    'encryption keys verified',
  );
  if (sample.plaintext > 0) {
    logger.warn({ plaintextValues: sample.plaintext }, 'stored text written before encryption is still in plaintext: run "npm run keys -- rotate" to encrypt it');
  }
  for (const damaged of sample.damaged) logger.error(damaged, 'a stored value failed authentication under a verified key: the row was altered');
}

/** The configured JWT settings, or, for a first run on loopback, the development secret (said loudly). */
function authWithDevSecret(config: Config, logger: Logger): Config['auth'] {
  if (devSecretRefusal(config) !== null) return config.auth;
  const file = devSecretFile(config);
  const { created } = readOrCreateDevSecret(file);
  logger.warn(
    { file, created },
    'DEVELOPMENT AUTH: no JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL is set, so tokens are signed with a local development secret. Get one with `npx oet token --role ADMIN`. Never expose this instance: set real JWT settings before binding beyond loopback.',
  );
  return { ...config.auth, jwtSecret: readOrCreateDevSecret(file).secret };
}

const START_ATTEMPTS = 3;

/** Start-up's first database step, retried on connection failures (1 s, then 2 s apart); other errors at once. */
async function withDatabaseRetries<T>(step: () => Promise<T>, databaseUrl: string, logger: Logger): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!isConnectionFailure(error)) throw error;
      const reason = (error as Error).message;
      if (attempt >= START_ATTEMPTS) {
        throw new DatabaseConnectionError(`The database at DATABASE_URL=${redactDatabaseUrl(databaseUrl)} could not be reached while migrating it at start-up (${START_ATTEMPTS} attempts): ${reason}. Check that the server is running and answers, and the URL.`, { cause: error });
      }
      logger.warn({ attempt, reason }, 'database not reachable yet; retrying');
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
    }
  }
}

function isConnectionFailure(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|57P03)$/.test(e?.code ?? '') || /timeout|terminated unexpectedly|Connection terminated|ECONNREFUSED/i.test(e?.message ?? '');
}
