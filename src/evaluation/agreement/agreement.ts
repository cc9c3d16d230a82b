/** One cell of an engine × assessor confusion table: how many ratings had this pair of scores. */
export interface RatingPairCount {
  engine: number;
  assessor: number;
  count: number;
}

export interface Agreement {
  n: number;
  /** Quadratic weighted kappa (Cohen 1968): 1 perfect, 0 chance; null when undefined (fewer than 2 ratings or no spread). */
  qwk: number | null;
  /** Share of ratings where engine and assessor gave the same score. */
  exact: number | null;
  /** Share within one band. */
  adjacent: number | null;
  /** Mean of engine minus assessor: positive means the engine is more lenient. */
  meanDifference: number | null;
}

/**
 * Agreement from grouped counts, so the database does the counting (GROUP BY engineScore, score) and only the small
 * table reaches here. Scores run 0..max on the criterion's scale.
 */
export function agreement(cells: readonly RatingPairCount[], max: number): Agreement {
  const n = cells.reduce((s, c) => s + c.count, 0);
  if (n === 0) return { n, qwk: null, exact: null, adjacent: null, meanDifference: null };
  let exact = 0;
  let adjacent = 0;
  let diff = 0;
  const k = max + 1;
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rowTotals = new Array<number>(k).fill(0);
  const colTotals = new Array<number>(k).fill(0);
  for (const { engine, assessor, count } of cells) {
    if (engine === assessor) exact += count;
    if (Math.abs(engine - assessor) <= 1) adjacent += count;
    diff += (engine - assessor) * count;
    const e = Math.max(0, Math.min(max, engine));
    const a = Math.max(0, Math.min(max, assessor));
    observed[e]![a]! += count;
    rowTotals[e]! += count;
    colTotals[a]! += count;
  }
  let num = 0;
  let den = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = max === 0 ? 0 : ((i - j) * (i - j)) / (max * max);
      num += w * observed[i]![j]!;
      den += (w * rowTotals[i]! * colTotals[j]!) / n;
    }
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { n, qwk: den === 0 ? null : round(1 - num / den), exact: round(exact / n), adjacent: round(adjacent / n), meanDifference: round(diff / n) };
}
