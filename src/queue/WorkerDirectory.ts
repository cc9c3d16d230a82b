import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import type { AliasInfo, InferenceStats, ModelInfo, ModelState } from '../inference/types.js';
import { parseAdvert, type WorkerAdvert } from './workerAdvert.js';

/** The better of two workers' views of one model: a loaded copy beats one on disk, a working one a failed one. */
const STATE_RANK: Record<ModelState, number> = { ready: 4, loading: 3, available: 2, unloaded: 1, failed: 0 };

/**
 * The API role's picture of the models its workers serve, read from their advertisements and refreshed in the
 * background, so `listModels()` can stay synchronous as the InferenceEngine interface wants.
 */
export class WorkerDirectory {
  readonly #redis: Redis;
  readonly #pattern: string;
  readonly #logger: Logger | undefined;
  #adverts: WorkerAdvert[] = [];
  #timer: NodeJS.Timeout | null = null;
  #refreshing: Promise<void> | null = null;

  constructor(redis: Redis, pattern: string, options: { refreshMillis: number; logger?: Logger }) {
    this.#redis = redis;
    this.#pattern = pattern;
    this.#logger = options.logger;
    this.#timer = setInterval(() => void this.refresh(), options.refreshMillis);
    this.#timer.unref();
  }

  get workers(): readonly WorkerAdvert[] {
    return this.#adverts;
  }

  /** Reads every live advertisement now; a Redis error keeps the last picture (logged). */
  refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        const keys: string[] = [];
        let cursor = '0';
        do {
          const [next, batch] = await this.#redis.scan(cursor, 'MATCH', this.#pattern, 'COUNT', 100);
          cursor = next;
          keys.push(...batch);
        } while (cursor !== '0');
        const values = keys.length === 0 ? [] : await this.#redis.mget(...keys);
        this.#adverts = values.filter((v): v is string => v !== null).map(parseAdvert);
      } catch (error) {
        this.#logger?.warn({ err: (error as Error).message }, 'worker advertisements not readable; keeping the last ones');
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  models(): ModelInfo[] {
    const byId = new Map<string, ModelInfo>();
    for (const advert of this.#adverts) {
      for (const model of advert.models) {
        const seen = byId.get(model.id);
        if (seen === undefined || STATE_RANK[model.state] > STATE_RANK[seen.state]) byId.set(model.id, model);
      }
    }
    return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  aliases(): AliasInfo[] {
    const byName = new Map<string, AliasInfo>();
    for (const advert of this.#adverts) for (const alias of advert.aliases) if (!byName.has(alias.name)) byName.set(alias.name, alias);
    return [...byName.values()];
  }

  /** By id, else by alias (its first variant), as a local engine resolves them. */
  find(idOrAlias: string): ModelInfo | undefined {
    const models = this.models();
    const direct = models.find((m) => m.id === idOrAlias);
    if (direct !== undefined) return direct;
    const alias = this.aliases().find((a) => a.name === idOrAlias);
    const target = alias?.variants[0]?.modelId;
    return target === undefined ? models.find((m) => m.aliases.includes(idOrAlias)) : models.find((m) => m.id === target);
  }

  /** The workers' loads summed; the queue depth is the shared queue's, counted by the caller. */
  stats(queueDepth: number): InferenceStats {
    const all = this.#adverts.map((a) => a.stats);
    return {
      queueDepth,
      activeSequences: all.reduce((n, s) => n + s.activeSequences, 0),
      memoryBudgetBytes: all.reduce((n, s) => n + s.memoryBudgetBytes, 0),
      memoryUsedBytes: all.reduce((n, s) => n + s.memoryUsedBytes, 0),
      backend: all[0]?.backend ?? 'cpu',
      threads: all.reduce((n, s) => n + s.threads, 0),
    };
  }

  close(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }
}
