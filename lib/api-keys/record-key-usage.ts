// "Last used" and the request count, without a database write on each request's path: uses are
// counted in memory and written in one statement for all keys every second (and on shutdown).
import { getPool } from "../db/client";
import { env } from "../env";

/** How often counted uses are written; KEY_USAGE_FLUSH_MS overrides it (the test suite flushes by hand). */
const flushInterval = () => env().KEY_USAGE_FLUSH_MS;

interface Usage {
  count: number;
  lastUsedAt: Date;
}

const globalForUsage = globalThis as unknown as { __pmsKeyUsage?: { pending: Map<string, Usage>; timer: NodeJS.Timeout | null } };
const state = (globalForUsage.__pmsKeyUsage ??= { pending: new Map(), timer: null });

export function recordKeyUsage(keyId: string, at = new Date()): void {
  const usage = state.pending.get(keyId);
  if (usage) {
    usage.count += 1;
    if (at > usage.lastUsedAt) usage.lastUsedAt = at;
  } else {
    state.pending.set(keyId, { count: 1, lastUsedAt: at });
  }
  if (!state.timer) {
    state.timer = setInterval(
      () => void flushKeyUsage().catch((error: unknown) => console.error("key usage flush failed:", error)),
      flushInterval(),
    );
    state.timer.unref();
  }
}

/** Writes the counted uses. On failure they are put back, to be written by the next flush. */
export async function flushKeyUsage(): Promise<number> {
  if (state.pending.size === 0) return 0;
  const batch = [...state.pending.entries()];
  state.pending.clear();
  try {
    await getPool().query(
      `UPDATE "ApiKey" AS k
          SET "requestCount" = k."requestCount" + u.n,
              "lastUsedAt" = GREATEST(k."lastUsedAt", u.last AT TIME ZONE 'UTC')
         FROM unnest($1::text[], $2::bigint[], $3::timestamptz[]) AS u(id, n, last)
        WHERE k.id = u.id`,
      [batch.map(([id]) => id), batch.map(([, u]) => u.count), batch.map(([, u]) => u.lastUsedAt.toISOString())],
    );
  } catch (error) {
    for (const [id, usage] of batch) {
      const current = state.pending.get(id);
      state.pending.set(
        id,
        current
          ? {
              count: current.count + usage.count,
              lastUsedAt: current.lastUsedAt > usage.lastUsedAt ? current.lastUsedAt : usage.lastUsedAt,
            }
          : usage,
      );
    }
    throw error;
  }
  return batch.length;
}
