/** ISO 8601 week ("2026-W49") and day ("2026-12-02") in UTC: time buckets that GROUP BY the same on both providers. */
export function timeBuckets(at: Date): { week: string; day: string } {
  const day = at.toISOString().slice(0, 10);
  // ISO week: the week with the year's first Thursday is week 1; Thursday decides a week's year.
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return { week: `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`, day };
}
