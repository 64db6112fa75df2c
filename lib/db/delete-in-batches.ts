// Retention jobs delete in small batches so no statement holds long locks on a big table.
import { getPool } from "./client";

/**
 * Runs `sql` (a DELETE whose last parameter is the batch size, e.g. `… WHERE id IN (SELECT id … LIMIT $n)`)
 * until a batch deletes fewer rows than `batch`. Returns how many rows went in all.
 */
export async function deleteInBatches(sql: string, params: unknown[], batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await getPool().query(sql, [...params, batch]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < batch) return total;
  }
}
