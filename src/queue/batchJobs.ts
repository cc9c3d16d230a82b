/**
 * Background batch jobs (re-scoring a cohort's evaluations, ...): long, interruptible work with progress that an admin
 * can query. The handlers are the application's (src/app); this folder only runs and reports them.
 */

export interface BatchProgress {
  done: number;
  total: number;
  failed: number;
}

export interface BatchContext {
  signal: AbortSignal;
  reportProgress(progress: BatchProgress): Promise<void>;
}

export type BatchHandler = (payload: Record<string, unknown>, context: BatchContext) => Promise<Record<string, unknown>>;
export type BatchHandlers = Readonly<Record<string, BatchHandler>>;

export type BackgroundJobState = 'waiting' | 'active' | 'completed' | 'failed';

export interface BackgroundJobInfo {
  id: string;
  name: string;
  state: BackgroundJobState;
  progress: BatchProgress | null;
  result: Record<string, unknown> | null;
  /** Why it failed, in the engine's words (no library text). */
  error: string | null;
  requestedBy: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Starts and reads background jobs: on the shared queue (api role) or in this process (all-in-one). */
export interface BackgroundJobs {
  start(name: string, payload: Record<string, unknown>, requestedBy: string | null): Promise<BackgroundJobInfo>;
  get(id: string): Promise<BackgroundJobInfo | null>;
  close(): Promise<void>;
}
