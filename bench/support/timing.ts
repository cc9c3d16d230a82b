/** Timing and percentile helpers shared by the bench scripts (one definition, so every table means the same). */

/** The nearest-rank percentile (p in 0–100) of `values`; the array is not modified. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const median = (values: readonly number[]): number => percentile(values, 50);

/** `median (min–max)` with `digits` decimals: the spread a shared machine needs beside every figure. */
export function spread(values: readonly number[], digits = 0): string {
  return `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

/** One warm-up call, then calls until `minMs` has passed and at least `minRuns` were timed (at most `maxRuns`). */
export async function timeRuns(run: () => unknown, options: { minMs?: number; minRuns?: number; maxRuns?: number } = {}): Promise<number[]> {
  const { minMs = 2000, minRuns = 30, maxRuns = 1000 } = options;
  await run();
  const times: number[] = [];
  const started = performance.now();
  while ((performance.now() - started < minMs || times.length < minRuns) && times.length < maxRuns) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

/** Every item once to warm up, then whole rounds over the items until `minMs` has passed. */
export async function timeItems<T>(items: readonly T[], run: (item: T) => Promise<unknown>, minMs = 8000): Promise<number[]> {
  for (const item of items) await run(item);
  const times: number[] = [];
  const started = performance.now();
  while (performance.now() - started < minMs) {
    for (const item of items) {
      const t = performance.now();
      await run(item);
      times.push(performance.now() - t);
    }
  }
  return times;
}
