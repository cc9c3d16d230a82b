import { statSync } from 'node:fs';
import { DomainError, ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { asDomainError, causeOf } from '../inferenceErrors.js';
import type { ModelRecord } from '../registry/ModelRecord.js';
import type { ModelState } from '../types.js';
import type { LoadedModel } from './LoadedModel.js';

/** Options of {@link ModelManager}. */
export interface ModelManagerOptions {
  /** Bytes all loaded models may take together. */
  budgetBytes: number;
  /** Idle time before a model is unloaded; 0 keeps models loaded. */
  keepAliveMs: number;
  /** Bytes a model will take, estimated before loading. */
  estimate(record: ModelRecord): Promise<number>;
  /** Loads the model; must reject with a DomainError (MODEL_LOAD_FAILED) and leak nothing on failure. */
  load(record: ModelRecord, estimatedBytes: number): Promise<LoadedModel>;
  onStateChange?(modelId: string, state: ModelState): void;
  logger?: Logger;
}

/** Internal lifecycle state; `ModelState` is its public projection. */
type SlotState =
  | { kind: 'available' }
  | { kind: 'loading'; promise: Promise<LoadedModel>; reservedBytes: number }
  | { kind: 'ready'; loaded: LoadedModel }
  /** `fileStamp`: size and mtime of the file when it failed; requests do not retry until it changes. */
  | { kind: 'failed'; error: DomainError; fileStamp: string | null }
  | { kind: 'unloaded' };

interface Slot {
  state: SlotState;
  /** Requests holding the model; an unload waits until this is 0. */
  leases: number;
  lastUsedAt: Date | null;
  keepAlive: NodeJS.Timeout | null;
  /** Set while an unload waits for leases to drain; new acquires wait for it, then load afresh. */
  unloading: Promise<void> | null;
  drainWaiters: Array<() => void>;
}

/** A hold on a loaded model; `release()` exactly once when the request is done. */
export interface Lease {
  readonly loaded: LoadedModel;
  release(): void;
}

/**
 * Loads, leases and unloads models within a memory budget. Loads of one model share one promise; a new load evicts
 * least-recently-used idle models until it fits; a model larger than the whole budget is INSUFFICIENT_MEMORY. Unloads
 * (explicit, keep-alive, hot swap) wait for leases to drain, so requests in flight always finish.
 */
export class ModelManager {
  readonly #options: ModelManagerOptions;
  readonly #slots = new Map<string, Slot>();
  #disposed = false;

  constructor(options: ModelManagerOptions) {
    this.#options = options;
  }

  get budgetBytes(): number {
    return this.#options.budgetBytes;
  }

  stateOf(id: string): ModelState {
    const state = this.#slots.get(id)?.state ?? { kind: 'available' };
    switch (state.kind) {
      case 'available':
      case 'loading':
      case 'ready':
      case 'failed':
      case 'unloaded':
        return state.kind;
      default: {
        const never: never = state;
        throw new Error(`Unknown slot state ${JSON.stringify(never)}`);
      }
    }
  }

  errorOf(id: string): string | null {
    const state = this.#slots.get(id)?.state;
    return state?.kind === 'failed' ? state.error.message : null;
  }

  memoryOf(id: string): number {
    const state = this.#slots.get(id)?.state;
    return state?.kind === 'ready' ? state.loaded.memoryBytes : 0;
  }

  lastUsedOf(id: string): Date | null {
    return this.#slots.get(id)?.lastUsedAt ?? null;
  }

  loadedModels(): Array<{ id: string; loaded: LoadedModel }> {
    const out: Array<{ id: string; loaded: LoadedModel }> = [];
    for (const [id, slot] of this.#slots) if (slot.state.kind === 'ready') out.push({ id, loaded: slot.state.loaded });
    return out;
  }

  /** Bytes of ready models plus reservations of loads in progress. */
  memoryUsed(): number {
    let used = 0;
    for (const slot of this.#slots.values()) {
      if (slot.state.kind === 'ready') used += slot.state.loaded.memoryBytes;
      else if (slot.state.kind === 'loading') used += slot.state.reservedBytes;
    }
    return used;
  }

  /** Loads (or joins a load in progress) and returns the model; an explicit load retries one that failed. */
  async load(record: ModelRecord): Promise<LoadedModel> {
    const lease = await this.acquire(record, { retryFailed: true });
    lease.release();
    return lease.loaded;
  }

  /** Loads lazily and takes a lease; the model cannot be unloaded or evicted until it is released. */
  async acquire(record: ModelRecord, options: { retryFailed?: boolean } = {}): Promise<Lease> {
    let retried = false;
    for (;;) {
      if (this.#disposed) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The inference service is shutting down.');
      const slot = this.#slot(record.id);
      if (slot.unloading !== null) {
        await slot.unloading;
        continue;
      }
      const state = slot.state;
      // Leasing a ready model happens synchronously so no eviction can slip in between check and lease.
      if (state.kind === 'ready') return this.#lease(record.id, slot, state.loaded);
      // A failed load is not retried by every request: only when the file changed, or on an explicit loadModel.
      if (state.kind === 'failed' && !retried && !options.retryFailed) {
        const now = fileStamp(record.path);
        if (now !== null && now === state.fileStamp) throw state.error;
      }
      retried = true;
      if (state.kind === 'loading') await state.promise.catch(() => undefined);
      else await this.#startLoad(record, slot).catch(() => undefined);
      const after = slot.state;
      if (after.kind === 'failed') throw after.error;
    }
  }

  /**
   * A loaded model died on its own (a llama-server process that exited): the model is `failed` with `message`, and
   * the next request loads it again (no file stamp, so the retry is not held back). Requests holding it fail on their
   * own (their connections are gone); nothing is left to free.
   */
  lost(id: string, loaded: LoadedModel, message: string): void {
    const slot = this.#slots.get(id);
    if (slot === undefined || slot.state.kind !== 'ready' || slot.state.loaded !== loaded) return;
    if (slot.keepAlive) {
      clearTimeout(slot.keepAlive);
      slot.keepAlive = null;
    }
    this.#setState(id, slot, { kind: 'failed', error: new DomainError(ErrorCode.SERVICE_UNAVAILABLE, message, { modelId: id }), fileStamp: null });
    this.#options.logger?.warn({ modelId: id, msg: message }, 'loaded model lost');
  }

  /** Waits for leases to drain, then disposes. Resolves when the model is unloaded (or was not loaded). */
  async unload(id: string): Promise<void> {
    const slot = this.#slots.get(id);
    if (slot === undefined) return;
    if (slot.unloading !== null) return slot.unloading;
    if (slot.state.kind === 'loading') await slot.state.promise.catch(() => undefined);
    if (slot.state.kind !== 'ready') return;
    const loaded = slot.state.loaded;
    slot.unloading = (async () => {
      if (slot.leases > 0) await new Promise<void>((resolve) => slot.drainWaiters.push(resolve));
      await this.#dispose(id, slot, loaded);
    })().finally(() => {
      slot.unloading = null;
    });
    return slot.unloading;
  }

  /** Unloads every model (waiting for leases) and refuses new work. Safe to call twice. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    await Promise.all([...this.#slots.keys()].map((id) => this.unload(id).catch(() => undefined)));
    for (const slot of this.#slots.values()) if (slot.keepAlive) clearTimeout(slot.keepAlive);
  }

  #slot(id: string): Slot {
    let slot = this.#slots.get(id);
    if (slot === undefined) {
      slot = { state: { kind: 'available' }, leases: 0, lastUsedAt: null, keepAlive: null, unloading: null, drainWaiters: [] };
      this.#slots.set(id, slot);
    }
    return slot;
  }

  #lease(id: string, slot: Slot, loaded: LoadedModel): Lease {
    slot.leases += 1;
    slot.lastUsedAt = new Date();
    if (slot.keepAlive) {
      clearTimeout(slot.keepAlive);
      slot.keepAlive = null;
    }
    let released = false;
    return {
      loaded,
      release: () => {
        if (released) return;
        released = true;
        slot.leases -= 1;
        slot.lastUsedAt = new Date();
        if (slot.leases > 0) return;
        for (const wake of slot.drainWaiters.splice(0)) wake();
        this.#armKeepAlive(id, slot);
      },
    };
  }

  #armKeepAlive(id: string, slot: Slot): void {
    const ms = this.#options.keepAliveMs;
    if (ms <= 0 || this.#disposed || slot.state.kind !== 'ready') return;
    if (slot.keepAlive) clearTimeout(slot.keepAlive);
    slot.keepAlive = setTimeout(() => {
      slot.keepAlive = null;
      if (slot.leases === 0) void this.unload(id).catch((error: unknown) => this.#options.logger?.warn({ err: error, modelId: id }, 'keep-alive unload failed'));
    }, ms);
    slot.keepAlive.unref();
  }

  #startLoad(record: ModelRecord, slot: Slot): Promise<LoadedModel> {
    const promise = (async () => {
      const estimated = await this.#options.estimate(record);
      this.#makeRoom(record.id, estimated);
      const current = slot.state;
      if (current.kind === 'loading') current.reservedBytes = estimated;
      return this.#options.load(record, estimated);
    })();
    this.#setState(record.id, slot, { kind: 'loading', promise, reservedBytes: 0 });
    return promise.then(
      (loaded) => {
        if (this.#disposed) {
          void loaded.dispose();
          this.#setState(record.id, slot, { kind: 'unloaded' });
          return loaded;
        }
        this.#setState(record.id, slot, { kind: 'ready', loaded });
        this.#armKeepAlive(record.id, slot);
        return loaded;
      },
      (error: unknown) => {
        const domain = asDomainError(error, ErrorCode.MODEL_LOAD_FAILED, `Loading model "${record.id}" failed`);
        // Synchronously: a waiter on the load's promise must find the slot failed, not still loading (it would spin).
        this.#setState(record.id, slot, { kind: 'failed', error: domain, fileStamp: fileStamp(record.path) });
        this.#options.logger?.warn({ modelId: record.id, code: domain.code, msg: domain.message, cause: causeOf(domain) }, 'model load failed');
        throw domain;
      },
    );
  }

  /** Evicts idle models, least recently used first, until `bytes` fit; throws INSUFFICIENT_MEMORY if they cannot. */
  #makeRoom(id: string, bytes: number): void {
    const budget = this.#options.budgetBytes;
    if (bytes > budget) {
      throw new DomainError(
        ErrorCode.INSUFFICIENT_MEMORY,
        `Model "${id}" needs about ${mb(bytes)} MiB but the whole memory budget is ${mb(budget)} MiB. Raise OET_MEMORY_BUDGET_MB or use a smaller (more quantized) model.`,
        { modelId: id, neededBytes: bytes, budgetBytes: budget },
      );
    }
    while (this.memoryUsed() + bytes > budget) {
      const victim = [...this.#slots.entries()]
        .filter(([other, s]) => other !== id && s.state.kind === 'ready' && s.leases === 0 && s.unloading === null)
        .sort(([, a], [, b]) => (a.lastUsedAt?.getTime() ?? 0) - (b.lastUsedAt?.getTime() ?? 0))[0];
      if (victim === undefined) {
        throw new DomainError(
          ErrorCode.INSUFFICIENT_MEMORY,
          `Model "${id}" needs about ${mb(bytes)} MiB; ${mb(this.memoryUsed())} of ${mb(budget)} MiB are held by models serving requests. Retry when they are idle.`,
          { modelId: id, neededBytes: bytes, budgetBytes: budget },
        );
      }
      const [victimId, victimSlot] = victim;
      const loaded = (victimSlot.state as { kind: 'ready'; loaded: LoadedModel }).loaded;
      this.#options.logger?.info({ modelId: victimId, for: id }, 'evicting idle model');
      // Marked unloaded synchronously so its bytes count as free now; disposal finishes in the background.
      void this.#dispose(victimId, victimSlot, loaded);
    }
  }

  async #dispose(id: string, slot: Slot, loaded: LoadedModel): Promise<void> {
    if (slot.keepAlive) {
      clearTimeout(slot.keepAlive);
      slot.keepAlive = null;
    }
    this.#setState(id, slot, { kind: 'unloaded' });
    try {
      await loaded.dispose();
    } catch (error) {
      this.#options.logger?.warn({ err: error, modelId: id }, 'model dispose failed');
    }
  }

  #setState(id: string, slot: Slot, state: SlotState): void {
    slot.state = state;
    this.#options.onStateChange?.(id, state.kind);
  }
}

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

/** Size and modification time of a model file or folder; null when it cannot be read (then a retry is allowed). */
function fileStamp(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}
