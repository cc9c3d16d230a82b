/** The machine a bench ran on, for the header of its tables: a shared machine's figures mean little without it. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function cpuModel(): string {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown CPU';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown CPU';
  }
}

/** The 1, 5 and 15 minute load averages. */
export const loadAverage = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

export const machineLine = (): string => `${cpuModel()}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
