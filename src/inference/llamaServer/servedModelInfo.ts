import { readFileSync } from 'node:fs';
import type { ModelInfo } from '../types.js';
import type { LlamaServerRuntime } from './LlamaServerRuntime.js';

/**
 * A GGUF model's ModelInfo when llama-server serves it: the file's facts as for node-llama-cpp, the state of its
 * server process, and as its memory the process's resident set (what the operator's machine actually gives it).
 */
export function servedModelInfo(local: ModelInfo, runtime: LlamaServerRuntime): ModelInfo {
  const { state, error, lastUsedAt } = runtime.state(local.id);
  const pid = runtime.pidOf(local.id);
  return { ...local, runtime: 'llama-server', backend: 'cpu', state, error, lastUsedAt, memoryBytes: pid === undefined ? 0 : residentBytes(pid) };
}

/** VmRSS of a process from /proc (Linux); 0 where there is no /proc or the process is gone. */
function residentBytes(pid: number): number {
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? 0 : Number(kb) * 1024;
  } catch {
    return 0;
  }
}
