import { cancelled } from './inferenceErrors.js';

/**
 * Settles with `work`, or rejects with CANCELLED as soon as `signal` aborts. The work itself keeps running (an ONNX
 * run cannot be interrupted; a shared generation serves other waiters), but the caller is released at once and its
 * result is dropped. `what` names the work in the CANCELLED message.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined, what?: string): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(cancelled(what));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled(what));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
