import type { Redis } from 'ioredis';
import { ENTRY_FIELD, type OutputEntry } from './jobs.js';

/** How long a job's output stream outlives its last entry: long enough for a slow reader, short enough not to pile up. */
export const OUTPUT_TTL_SECONDS = 600;

/** Appends one entry; entries from one connection land in the order they were sent. */
export async function appendOutput(redis: Redis, key: string, entry: OutputEntry): Promise<void> {
  await redis.multi().xadd(key, '*', ENTRY_FIELD, JSON.stringify(entry)).expire(key, OUTPUT_TTL_SECONDS).exec();
}

/** One XREAD BLOCK on a job's stream after `lastId`; [] when `blockMillis` passed with nothing new. */
export async function readOutput(reader: Redis, key: string, lastId: string, blockMillis: number): Promise<{ id: string; entry: OutputEntry }[]> {
  const reply = await reader.xread('BLOCK', blockMillis, 'STREAMS', key, lastId);
  if (reply === null) return [];
  const out: { id: string; entry: OutputEntry }[] = [];
  for (const [, entries] of reply) {
    for (const [id, fields] of entries) {
      const at = fields.indexOf(ENTRY_FIELD);
      if (at >= 0 && fields[at + 1] !== undefined) out.push({ id, entry: JSON.parse(fields[at + 1]!) as OutputEntry });
    }
  }
  return out;
}
