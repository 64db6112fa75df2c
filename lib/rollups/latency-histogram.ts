// Latency kept as a histogram with fixed bounds, so per-minute rows add up into any window and a p95
// comes out of the sum: SQL builds each row's counts (`histogramSql`) and merges a new batch into a
// stored row (`mergeHistogramSql`); the reader adds rows and interpolates the percentile.

/** Upper bounds (ms, exclusive) of every bucket but the last, which holds everything slower. */
export const LATENCY_BOUNDS_MS = [
  5, 10, 20, 35, 50, 75, 100, 150, 250, 400, 600, 1000, 1500, 2500, 4000, 6000, 10000, 15000, 30000,
] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** SQL for an int[] of the histogram of `column` (ms) over the rows of a GROUP BY, optionally FILTERed. */
export function histogramSql(column: string, filter = "true"): string {
  const cells = [];
  for (let i = 0; i < LATENCY_BUCKETS; i++) {
    const low = i === 0 ? null : LATENCY_BOUNDS_MS[i - 1];
    const high = i === LATENCY_BOUNDS_MS.length ? null : LATENCY_BOUNDS_MS[i];
    const range = [low === null ? null : `${column} >= ${low}`, high === null ? null : `${column} < ${high}`].filter(Boolean).join(" AND ");
    cells.push(`count(*) FILTER (WHERE (${filter}) AND ${range})`);
  }
  return `ARRAY[${cells.join(", ")}]::int[]`;
}

/** SQL for the cell-by-cell sum of the histograms in `column` over a GROUP BY (no unnest: one aggregate per cell). */
export function sumHistogramsSql(column: string): string {
  return `ARRAY[${Array.from({ length: LATENCY_BUCKETS }, (_, i) => `coalesce(sum(${column}[${i + 1}]), 0)`).join(", ")}]::int[]`;
}

/** SQL adding two histograms cell by cell (an upsert's stored row and its EXCLUDED row). */
export function mergeHistogramSql(stored: string, incoming: string): string {
  return `ARRAY(SELECT coalesce(a, 0) + coalesce(b, 0) FROM unnest(${stored}, ${incoming}) WITH ORDINALITY AS u(a, b, i) ORDER BY i)`;
}

export function emptyHistogram(): number[] {
  return new Array<number>(LATENCY_BUCKETS).fill(0);
}

/** Adds `more` into `into` (same bounds), returning `into`. */
export function addHistogram(into: number[], more: readonly number[] | null | undefined): number[] {
  if (!more) return into;
  for (let i = 0; i < LATENCY_BUCKETS; i++) into[i] = (into[i] ?? 0) + (more[i] ?? 0);
  return into;
}

/**
 * The q-quantile (0.95 for p95) in ms, interpolated linearly inside the bucket it falls in; the open
 * last bucket answers its lower bound. Null for an empty histogram.
 */
export function histogramPercentile(histogram: readonly number[], q: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < LATENCY_BUCKETS; i++) {
    const count = histogram[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const low = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      if (i === LATENCY_BOUNDS_MS.length) return low;
      const high = LATENCY_BOUNDS_MS[i]!;
      return Math.round(low + ((rank - seen) / count) * (high - low));
    }
    seen += count;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}
