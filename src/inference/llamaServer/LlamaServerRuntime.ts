import type { Logger } from '../../logger.js';
import type { GenerationPlan } from '../generation/validateGenerateRequest.js';
import { abortable } from '../abortable.js';
import { cancelled, timedOut } from '../inferenceErrors.js';
import type { ModelRecord } from '../registry/ModelRecord.js';
import { RemoteBackend } from '../remote/RemoteBackend.js';
import type { GenerationResult, ModelState } from '../types.js';
import { LlamaServerProcess } from './LlamaServerProcess.js';
import { SlotGate } from './SlotGate.js';

/** Options of {@link LlamaServerRuntime}. */
export interface LlamaServerRuntimeOptions {
  /** The llama-server executable (see llamaServerBinary.ts). */
  binary: string;
  /** Slots per server: OET_PARALLEL_SEQUENCES. */
  parallel: number;
  /** Requests that may wait beyond the slots (OET_MAX_QUEUE); one more is refused with QUEUE_FULL. */
  maxQueue: number;
  /** Tokens of context per slot (as a local context's sequence). */
  contextPerSlot: number;
  /** Threads for a model (OET_LLAMA_THREADS, else the calibration or the size rule). */
  threadsFor: (record: ModelRecord) => number;
  /** Idle time after which a model's server is stopped; 0 keeps it running. */
  keepAliveMs: number;
  /** OET_REQUEST_TIMEOUT_MS: the limit of a request that sets none. */
  defaultTimeoutMs: number;
  startTimeoutMs?: number;
  onStateChange?: (modelId: string, state: ModelState) => void;
  /** Called when a model's requests in slots or waiting change (the queue metrics). */
  onQueueChange?: (modelId: string, usage: SlotUsage) => void;
  logger?: Logger;
}

/** Requests in a server's slots, and waiting for one. */
export interface SlotUsage {
  activeSequences: number;
  queueDepth: number;
}

/** What ModelInfo shows of a served model. */
export interface ServedModelState {
  state: ModelState;
  error: string | null;
  lastUsedAt: Date | null;
}

interface Served {
  process: LlamaServerProcess;
  backend: RemoteBackend;
}

interface Slot extends ServedModelState {
  served: Served | null;
  starting: Promise<Served> | null;
  /** Requests in flight (starting the server, waiting for a slot or generating): what unload and idle wait for. */
  active: number;
  gate: SlotGate;
  idle: NodeJS.Timeout | null;
}

/**
 * Serves GGUF text generation through llama.cpp's own server (OET_GGUF_RUNTIME=llama-server): one supervised
 * `llama-server` child per model, started on first use (or loadModel), driven over its OpenAI API on loopback by the
 * same RemoteBackend that serves remote models (streaming, cancellation by closing the connection, timeouts, JSON
 * schema, seeds). llama-server batches concurrent requests across its slots and reuses each slot's prompt cache.
 * A process that dies is reported `failed` and restarted by the next request; an idle one is stopped after the
 * keep-alive, as local models are unloaded.
 */
export class LlamaServerRuntime {
  readonly #options: LlamaServerRuntimeOptions;
  readonly #slots = new Map<string, Slot>();
  /** Aborts starts in flight at dispose. */
  readonly #closing = new AbortController();

  constructor(options: LlamaServerRuntimeOptions) {
    this.#options = options;
  }

  state(modelId: string): ServedModelState {
    const slot = this.#slots.get(modelId);
    return slot === undefined ? { state: 'available', error: null, lastUsedAt: null } : { state: slot.state, error: slot.error, lastUsedAt: slot.lastUsedAt };
  }

  /** Process id of a model's running server (tests and operators); undefined when none runs. */
  pidOf(modelId: string): number | undefined {
    const served = this.#slots.get(modelId)?.served;
    return served?.process.running ? served.process.pid : undefined;
  }

  /** Requests in flight on a model's server: those in its slots, and those waiting for one (llama-server queues them). */
  usage(modelId: string): SlotUsage {
    const gate = this.#slots.get(modelId)?.gate;
    return { activeSequences: gate?.activeSequences ?? 0, queueDepth: gate?.queueDepth ?? 0 };
  }

  /** Every model with a server: its id and load. */
  usages(): (SlotUsage & { modelId: string })[] {
    return [...this.#slots.keys()].map((modelId) => ({ modelId, ...this.usage(modelId) }));
  }

  /** Starts the model's server (if it is not running) and waits until it is healthy. */
  async load(record: ModelRecord, signal?: AbortSignal): Promise<void> {
    await this.#ready(record, signal);
  }

  /**
   * Generates on the model's server, starting it first if needed. The request waits for one of the server's slots
   * here (SlotGate: priorities, the queue bound), so llama-server never queues; the timeout covers the start, the
   * wait and the generation, as on node-llama-cpp.
   */
  async generate(record: ModelRecord, plan: GenerationPlan, call: { alias: string | null; signal?: AbortSignal; onText?: (text: string) => void }): Promise<GenerationResult> {
    const slot = this.#slot(record.id);
    const startedAt = performance.now();
    const timeoutMs = plan.timeoutMs ?? this.#options.defaultTimeoutMs;
    const limit = timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined;
    const waiting = call.signal && limit ? AbortSignal.any([call.signal, limit]) : (call.signal ?? limit);
    let phase = 'loading the model';
    slot.active += 1;
    if (slot.idle !== null) clearTimeout(slot.idle);
    slot.idle = null;
    let leave: (() => void) | undefined;
    try {
      const served = await this.#ready(record, waiting);
      phase = 'waiting for a free sequence';
      leave = await slot.gate.enter(plan.priority, waiting);
      this.#options.onQueueChange?.(record.id, this.usage(record.id));
      const left = timeoutMs > 0 ? Math.max(1, Math.round(timeoutMs - (performance.now() - startedAt))) : 0;
      const result = await served.backend.generate({ ...plan, timeoutMs: left }, call);
      slot.lastUsedAt = new Date();
      return result;
    } catch (error) {
      if (call.signal?.aborted) throw cancelled();
      if (limit?.aborted && leave === undefined) throw timedOut(timeoutMs, phase);
      throw error;
    } finally {
      leave?.();
      slot.active -= 1;
      this.#options.onQueueChange?.(record.id, this.usage(record.id));
      if (slot.active === 0) this.#scheduleIdleStop(record.id, slot);
    }
  }

  /** Waits for the model's requests in flight, then stops its server. */
  async unload(modelId: string): Promise<void> {
    const slot = this.#slots.get(modelId);
    if (slot === undefined) return;
    while (slot.active > 0) await sleep(20);
    await this.#stop(modelId, slot);
  }

  /** Stops every server (requests still in flight fail); safe to call twice. */
  async dispose(): Promise<void> {
    this.#closing.abort(cancelled('Starting llama-server'));
    await Promise.all([...this.#slots].map(([id, slot]) => this.#stop(id, slot)));
  }

  #slot(modelId: string): Slot {
    let slot = this.#slots.get(modelId);
    if (slot === undefined) {
      slot = { state: 'available', error: null, lastUsedAt: null, served: null, starting: null, active: 0, idle: null, gate: new SlotGate(this.#options.parallel, this.#options.maxQueue) };
      this.#slots.set(modelId, slot);
    }
    return slot;
  }

  /** The running server, started once however many requests wait for it; each waiter may leave on its own signal. */
  async #ready(record: ModelRecord, signal?: AbortSignal): Promise<Served> {
    const slot = this.#slot(record.id);
    if (slot.served?.process.running) return slot.served;
    if (this.#closing.signal.aborted) throw cancelled('Starting llama-server');
    slot.starting ??= this.#start(record, slot).finally(() => (slot.starting = null));
    return abortable(slot.starting, signal);
  }

  async #start(record: ModelRecord, slot: Slot): Promise<Served> {
    this.#setState(record.id, slot, 'loading', null);
    const launch = {
      binary: this.#options.binary,
      modelPath: record.path,
      alias: record.id,
      threads: this.#options.threadsFor(record),
      parallel: this.#options.parallel,
      contextPerSlot: this.#options.contextPerSlot,
    };
    try {
      const process = await LlamaServerProcess.start(
        launch,
        {
          startTimeoutMs: this.#options.startTimeoutMs,
          logger: this.#options.logger,
          onUnexpectedExit: () => {
            if (slot.served?.process !== process) return;
            slot.served = null;
            this.#setState(record.id, slot, 'failed', 'The llama-server process serving this model exited; the next request starts it again.');
          },
        },
        this.#closing.signal,
      );
      const backend = new RemoteBackend({
        id: record.id,
        task: 'text-generation',
        target: { baseUrl: `${process.baseUrl}/v1`, model: record.id, apiKeyEnv: null, timeoutMs: null },
        contextLength: this.#options.contextPerSlot,
        defaultTimeoutMs: this.#options.defaultTimeoutMs,
        logger: this.#options.logger,
        dialect: 'llama-server',
      });
      slot.served = { process, backend };
      this.#setState(record.id, slot, 'ready', null);
      return slot.served;
    } catch (error) {
      this.#setState(record.id, slot, 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  #scheduleIdleStop(modelId: string, slot: Slot): void {
    if (this.#options.keepAliveMs <= 0 || slot.served === null) return;
    slot.idle = setTimeout(() => {
      slot.idle = null;
      if (slot.active === 0) void this.#stop(modelId, slot);
    }, this.#options.keepAliveMs);
    slot.idle.unref();
  }

  async #stop(modelId: string, slot: Slot): Promise<void> {
    if (slot.idle !== null) clearTimeout(slot.idle);
    slot.idle = null;
    await slot.starting?.catch(() => undefined);
    const served = slot.served;
    slot.served = null;
    if (served === null) return;
    served.backend.dispose();
    await served.process.stop();
    this.#setState(modelId, slot, 'unloaded', null);
  }

  #setState(modelId: string, slot: Slot, state: ModelState, error: string | null): void {
    const changed = slot.state !== state;
    slot.state = state;
    slot.error = error;
    if (changed) this.#options.onStateChange?.(modelId, state);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
