import { readFileSync } from 'node:fs';
import type { ModelInfo } from '../types.js';

/**
 * A GGUF model's ModelInfo when llama-server serves it: as its memory, once its server runs, the process's resident
 * set (what the machine actually gives it) rather than the estimate the memory budget counts.
 */
export function servedModelInfo(local: ModelInfo, pid: number | undefined): ModelInfo {
  const resident = pid === undefined ? 0 : residentBytes(pid);
  return resident > 0 ? { ...local, memoryBytes: resident } : local;
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
