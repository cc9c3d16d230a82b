/**
 * A fixed-concurrency keep-alive load loop on Node's own fetch (undici): `concurrency` workers each send the next
 * request as soon as the last answered, for `durationMs`. No new package: autocannon is not installed here.
 */
export interface LoadResult {
  requests: number;
  errors: number;
  /** The first failed answer (status and the start of its body), to tell overload from a wrong request. */
  firstError?: string;
  perSecond: number;
  latenciesMs: number[];
}

export async function runLoad(send: () => Promise<Response>, options: { concurrency: number; durationMs: number }): Promise<LoadResult> {
  const until = performance.now() + options.durationMs;
  const started = performance.now();
  let requests = 0;
  let errors = 0;
  let firstError: string | undefined;
  const latenciesMs: number[] = [];
  const worker = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      try {
        const res = await send();
        const body = await res.text();
        // A GraphQL error answered 200 is not a served request either.
        if (res.status === 200 && !body.includes('"errors"')) requests += 1;
        else {
          errors += 1;
          firstError ??= `${res.status} ${body.slice(0, 200)}`;
        }
      } catch (error) {
        errors += 1;
        firstError ??= (error as Error).message;
      }
      latenciesMs.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsed = performance.now() - started;
  return { requests, errors, firstError, perSecond: (requests / elapsed) * 1000, latenciesMs };
}
