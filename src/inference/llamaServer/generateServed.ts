import type { GenerationPlan } from '../generation/validateGenerateRequest.js';
import { checkMaxTokens } from '../generation/validateGenerateRequest.js';
import { cancelled, timedOut } from '../inferenceErrors.js';
import type { Lease } from '../lifecycle/ModelManager.js';
import type { GenerationResult } from '../types.js';

/** What a request on the llama-server runtime is waiting for, so a timeout can say. */
type Phase = 'loading the model' | 'waiting for a free sequence';

/**
 * One generation on a model served by llama-server: lease the model (starting its server if it is not running),
 * wait for one of its slots (SlotGate: priorities, the queue bound), generate over its API. The timeout covers all
 * three, as on node-llama-cpp: TIMEOUT before generating, finishReason `timeout` with the text so far during it.
 */
export async function generateServed(
  acquire: (signal: AbortSignal | undefined) => Promise<Lease>,
  plan: GenerationPlan,
  call: { alias: string | null; timeoutMs: number; signal?: AbortSignal; onText?: (text: string) => void },
): Promise<GenerationResult> {
  const startedAt = performance.now();
  const limit = call.timeoutMs > 0 ? AbortSignal.timeout(call.timeoutMs) : undefined;
  const waiting = call.signal && limit ? AbortSignal.any([call.signal, limit]) : (call.signal ?? limit);
  let phase: Phase = 'loading the model';
  let lease: Lease | undefined;
  let leave: (() => void) | undefined;
  try {
    lease = await acquire(waiting);
    const loaded = lease.loaded;
    if (loaded.format !== 'llama-server') throw new Error('unreachable: a llama-server model loaded in process');
    checkMaxTokens(plan.maxTokens, loaded.contextSize);
    phase = 'waiting for a free sequence';
    leave = await loaded.gate.enter(plan.priority, waiting);
    const left = call.timeoutMs > 0 ? Math.max(1, Math.round(call.timeoutMs - (performance.now() - startedAt))) : 0;
    return await loaded.backend.generate({ ...plan, timeoutMs: left }, { alias: call.alias, signal: call.signal, onText: call.onText });
  } catch (error) {
    if (call.signal?.aborted) throw cancelled();
    if (limit?.aborted && leave === undefined) throw timedOut(call.timeoutMs, phase);
    throw error;
  } finally {
    leave?.();
    lease?.release();
  }
}
