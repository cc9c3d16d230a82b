import type { Redis } from 'ioredis';
import type { Queue } from 'bullmq';
import { DomainError, ErrorCode } from '../errors.js';
import { readOutput } from './outputStream.js';
import type { OutputEntry } from './jobs.js';
import type { QueueKeys } from './queueKeys.js';

export interface FollowOptions {
  redis: Redis;
  queue: Queue;
  keys: QueueKeys;
  jobId: string;
  /** Retried jobs survive their worker's death: keep waiting for the next attempt instead of failing. */
  idempotent: boolean;
  /** Past this (ms since the epoch) the caller gets TIMEOUT; the worker enforces the same deadline on its side. */
  deadline: number;
  signal?: AbortSignal;
}

/** How long one XREAD waits before the reader checks that the job and its worker are still there. */
const BLOCK_MILLIS = 1000;
/** The worker ends a timed-out generation itself (with its partial text); the reader waits a little longer. */
const DEADLINE_GRACE_MILLIS = 3000;

/**
 * The entries a worker appends to one job's output stream, in order, until `done` or `error`. A Redis Stream is
 * read from the first entry, so a reader that starts late (or reconnects after Redis came back) misses nothing; pub/sub
 * would drop whatever was published while the reader was not yet, or no longer, subscribed.
 *
 * It never hangs: between reads it checks that the job still exists and, once started, that its worker is still
 * advertising; the deadline bounds the rest. Each follower holds its own connection (XREAD BLOCK occupies one).
 */
export async function* followJob(options: FollowOptions): AsyncGenerator<Exclude<OutputEntry, { kind: 'start' }>> {
  const { redis, keys, jobId, signal } = options;
  const reader = redis.duplicate();
  // The reader's errors (Redis lost) are retried by ioredis; they must not surface as unhandled 'error' events.
  reader.on('error', () => undefined);
  const onAbort = (): void => reader.disconnect();
  signal?.addEventListener('abort', onAbort, { once: true });
  let lastId = '0';
  let workerId: string | null = null;
  try {
    for (;;) {
      if (signal?.aborted) throw cancelledBy(signal);
      let batch: { id: string; entry: OutputEntry }[];
      try {
        batch = await readOutput(reader, keys.output(jobId), lastId, BLOCK_MILLIS);
      } catch (error) {
        if (signal?.aborted) throw cancelledBy(signal);
        throw error;
      }
      for (const { id, entry } of batch) {
        lastId = id;
        if (entry.kind === 'start') workerId = entry.workerId;
        else {
          yield entry;
          if (entry.kind !== 'chunk') return;
        }
      }
      if (batch.length > 0) continue;
      if (Date.now() > options.deadline + DEADLINE_GRACE_MILLIS) {
        throw new DomainError(ErrorCode.TIMEOUT, `The job did not finish within its time limit (it was ${workerId === null ? 'still waiting for a worker' : 'running on a worker'}). Retry later or raise timeoutMs.`, { jobId });
      }
      if (workerId !== null && (await redis.exists(keys.worker(workerId))) === 0) {
        // Its worker stopped beating (killed, or cut off from Redis). A retried job starts again elsewhere.
        if (options.idempotent) workerId = null;
        else throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The worker running this generation stopped before it finished; nothing more will come. Retry the request.', { jobId });
      } else if (workerId === null) {
        const state = await options.queue.getJobState(jobId);
        if (state === 'unknown') throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The job was lost from the queue before a worker finished it. Retry the request.', { jobId });
        if (state === 'failed') {
          // Failed without writing its error: it stalled past its retries (its workers died). The reason is BullMQ's
          // text, kept on the failed job for operators.
          throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The job failed on its workers before it finished (see the failed jobs kept in the queue). Retry the request.', { jobId });
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.disconnect();
  }
}

function cancelledBy(signal: AbortSignal): DomainError {
  const reason: unknown = signal.reason;
  return reason instanceof DomainError ? reason : new DomainError(ErrorCode.CANCELLED, 'The request was cancelled by its caller before it finished.');
}

/** The worker's error entry as the DomainError it was on the worker. */
export function toDomainError(entry: Extract<OutputEntry, { kind: 'error' }>): DomainError {
  const code = (Object.values(ErrorCode) as string[]).includes(entry.code) ? (entry.code as ErrorCode) : ErrorCode.INTERNAL_SERVER_ERROR;
  return new DomainError(code, entry.message, entry.details);
}
