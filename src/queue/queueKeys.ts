/** Names of every queue, key and channel the roles share in Redis, all under one prefix (OET_QUEUE_PREFIX). */
export interface QueueKeys {
  /** BullMQ's own prefix for its queue keys. */
  readonly bullPrefix: string;
  /** Generation, embeddings and the other model calls. */
  readonly inferenceQueue: 'inference';
  /** Background batch jobs (re-scoring evaluations). */
  readonly batchQueue: 'batch';
  /** Where a job's chunks, result or error are appended (a Redis Stream: ordered, kept until it expires). */
  output(jobId: string): string;
  /** A worker's advertisement (its models, aliases, load); it expires when the worker stops beating. */
  worker(workerId: string): string;
  readonly workerPattern: string;
  /** Channel on which an API instance asks every worker to abort a job. */
  readonly cancelChannel: string;
  /** Set when a job is cancelled, so a worker that missed the message (or had not started it) skips it. */
  cancelled(jobId: string): string;
}

export function queueKeys(prefix: string): QueueKeys {
  return {
    bullPrefix: `${prefix}:bull`,
    inferenceQueue: 'inference',
    batchQueue: 'batch',
    output: (jobId) => `${prefix}:out:${jobId}`,
    worker: (workerId) => `${prefix}:worker:${workerId}`,
    workerPattern: `${prefix}:worker:*`,
    cancelChannel: `${prefix}:cancel`,
    cancelled: (jobId) => `${prefix}:cancelled:${jobId}`,
  };
}
