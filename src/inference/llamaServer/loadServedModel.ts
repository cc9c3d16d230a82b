import type { Logger } from '../../logger.js';
import type { LoadedServed } from '../lifecycle/LoadedModel.js';
import type { ModelRecord } from '../registry/ModelRecord.js';
import { RemoteBackend } from '../remote/RemoteBackend.js';
import { LlamaServerProcess } from './LlamaServerProcess.js';
import { SlotGate } from './SlotGate.js';

/** How the engine runs GGUF models on llama-server (OET_GGUF_RUNTIME=llama-server). */
export interface ServedModelOptions {
  /** The llama-server executable (see llamaServerBinary.ts). */
  binary: string;
  /** Slots per server: OET_PARALLEL_SEQUENCES. */
  parallel: number;
  /** Requests that may wait for a slot (OET_MAX_QUEUE); one more is refused with QUEUE_FULL. */
  maxQueue: number;
  /** OET_REQUEST_TIMEOUT_MS: the limit of a request that sets none. */
  defaultTimeoutMs: number;
  startTimeoutMs?: number;
  /** Called when a server exits on its own (a crash, the OOM killer, a kill from outside). */
  onLost: (modelId: string, loaded: LoadedServed, description: string) => void;
  /** Called when the model's requests in slots or waiting change (the queue metrics). */
  onQueueChange: (modelId: string, usage: { queueDepth: number; activeSequences: number }) => void;
  logger?: Logger;
}

/**
 * "Loads" a GGUF model on llama.cpp's own server: starts one supervised `llama-server` child for it and waits until
 * it is healthy. The ModelManager then treats it as any loaded model (memory budget, leases, keep-alive, unload,
 * eviction); requests go through the RemoteBackend that also serves manifest remoteModels, behind a SlotGate.
 */
export async function loadServedModel(
  record: ModelRecord,
  launch: { threads: number; contextPerSlot: number; estimatedBytes: number },
  options: ServedModelOptions,
): Promise<LoadedServed> {
  let loaded: LoadedServed | undefined;
  const process = await LlamaServerProcess.start(
    { binary: options.binary, modelPath: record.path, alias: record.id, threads: launch.threads, parallel: options.parallel, contextPerSlot: launch.contextPerSlot },
    {
      startTimeoutMs: options.startTimeoutMs,
      logger: options.logger,
      onUnexpectedExit: (description) => {
        if (loaded !== undefined) options.onLost(record.id, loaded, description);
      },
    },
  );
  const backend = new RemoteBackend({
    id: record.id,
    task: 'text-generation',
    target: { baseUrl: `${process.baseUrl}/v1`, model: record.id, apiKeyEnv: null, timeoutMs: null },
    contextLength: launch.contextPerSlot,
    defaultTimeoutMs: options.defaultTimeoutMs,
    logger: options.logger,
    dialect: 'llama-server',
  });
  const gate = new SlotGate(options.parallel, options.maxQueue, (usage) => options.onQueueChange(record.id, usage));
  loaded = {
    format: 'llama-server',
    backend,
    gate,
    pid: process.pid,
    contextSize: launch.contextPerSlot,
    memoryBytes: launch.estimatedBytes,
    async dispose() {
      backend.dispose();
      await process.stop();
    },
  };
  return loaded;
}
