// Request logs are written in batches, never on a request's path: entries wait in a bounded buffer
// and one statement writes up to 500 of them every 250 ms, with the usage rollups they add to. When the database is down the buffer keeps
// at most 10,000 entries and counts what it had to drop. SIGTERM/SIGINT flush it before exit.
import { storableJson } from "../db/storable-text";
import { onShutdown } from "../jobs/shutdown";
import { getPool } from "../db/client";
import { env } from "../env";
import { REQUEST_ROLLUP_COLUMNS, requestRollupCtes } from "../rollups/rollup-sql";

export interface RequestLogEntry {
  id: string;
  propertyId: string;
  createdAt: string;
  method: string;
  path: string;
  /** The operation's path template ("/reservations/{id}"), null when no operation serves the path. */
  route: string | null;
  /** The W3C traceparent the client sent, when well formed. */
  traceparent: string | null;
  query: Record<string, string>;
  status: number;
  durationMs: number;
  apiKeyId: string | null;
  keyPreview: string | null;
  mode: "LIVE" | "TEST" | null;
  partnerId: string | null;
  partnerName: string | null;
  ip: string | null;
  userAgent: string | null;
  requestHeaders: Record<string, string>;
  requestBody: string | null;
  responseBody: string | null;
  errorCode: string | null;
  responseHeaders: Record<string, string>;
}

export const FLUSH_INTERVAL_MS = 250;
export const BATCH_SIZE = 500;
export const MAX_BUFFERED = 10_000;

interface WriterState {
  buffer: RequestLogEntry[];
  dropped: number;
  unattributed: number;
  timer: NodeJS.Timeout | null;
  flushing: Promise<void> | null;
  disabled: boolean;
}

const globalForLogs = globalThis as unknown as { __pmsRequestLogs?: WriterState };
const state = (globalForLogs.__pmsRequestLogs ??= {
  buffer: [],
  dropped: 0,
  unattributed: 0,
  timer: null,
  flushing: null,
  disabled: !env().API_REQUEST_LOGS,
});

/**
 * Rewrites the texts of a property's entries still waiting in this process's buffer (path, query,
 * bodies): guest erasure scrubs them here, as it scrubs the table, without waiting for a flush.
 */
export function rewriteBufferedRequestLogs(
  propertyId: string,
  rewrite: { applies: (text: string) => boolean; scrub: (text: string) => string },
): number {
  let changed = 0;
  for (const entry of state.buffer) {
    if (entry.propertyId !== propertyId) continue;
    const before = JSON.stringify([entry.path, entry.query, entry.requestBody, entry.responseBody]);
    // The whole entry decides: a row tied to the guest by one field is scrubbed in all of them.
    if (!rewrite.applies(before)) continue;
    const { scrub } = rewrite;
    entry.path = scrub(entry.path);
    entry.query = Object.fromEntries(Object.entries(entry.query).map(([k, v]) => [scrub(k), scrub(v)]));
    entry.requestBody = entry.requestBody === null ? null : scrub(entry.requestBody);
    entry.responseBody = entry.responseBody === null ? null : scrub(entry.responseBody);
    if (JSON.stringify([entry.path, entry.query, entry.requestBody, entry.responseBody]) !== before) changed += 1;
  }
  return changed;
}

export function enqueueRequestLog(entry: RequestLogEntry): void {
  if (state.disabled) return;
  state.buffer.push(entry);
  if (state.buffer.length > MAX_BUFFERED) {
    state.buffer.splice(0, state.buffer.length - MAX_BUFFERED);
    state.dropped += 1;
    if (state.dropped === 1 || state.dropped % 1000 === 0)
      console.error(`request logs: buffer full, ${state.dropped} entries dropped so far`);
  }
  if (!state.timer) {
    state.timer = setInterval(
      () => void flushRequestLogs().catch((error: unknown) => console.error("request log flush failed:", (error as Error).message)),
      FLUSH_INTERVAL_MS,
    );
    state.timer.unref();
  }
}

// The rows, and in the same statement the per-minute and per-hour counts the charts read.
export const WRITE_BATCH = `WITH written AS (
    INSERT INTO "RequestLog" SELECT * FROM jsonb_populate_recordset(NULL::"RequestLog", $1::jsonb) ON CONFLICT (id) DO NOTHING
    RETURNING ${REQUEST_ROLLUP_COLUMNS}
  ), ${requestRollupCtes("written")}
  SELECT count(*)::int AS written FROM written`;

async function writeBatch(batch: RequestLogEntry[]): Promise<void> {
  // A request may carry NUL characters (in its path, query or body), which PostgreSQL text cannot
  // hold: they are stored as U+FFFD, or the batch, and every batch after it, would never be written.
  await getPool().query(WRITE_BATCH, [storableJson(batch)]);
}

/** Writes everything buffered (in batches); entries of a failed batch go back to the front. */
export async function flushRequestLogs(): Promise<void> {
  if (state.flushing) return state.flushing;
  state.flushing = (async () => {
    while (state.buffer.length > 0) {
      const batch = state.buffer.splice(0, BATCH_SIZE);
      try {
        await writeBatch(batch);
      } catch (error) {
        state.buffer.unshift(...batch);
        if (state.buffer.length > MAX_BUFFERED) {
          state.dropped += state.buffer.length - MAX_BUFFERED;
          state.buffer.length = MAX_BUFFERED;
        }
        throw error;
      }
    }
  })().finally(() => {
    state.flushing = null;
  });
  return state.flushing;
}

export function requestLogStats() {
  return { buffered: state.buffer.length, dropped: state.dropped, unattributed: state.unattributed };
}

/** Requests with no key we recognise belong to no property: they are only counted, in the server log. */
export function countUnattributedRequest(): void {
  state.unattributed += 1;
  if (state.unattributed === 1 || state.unattributed % 1000 === 0)
    console.info(`request logs: ${state.unattributed} unattributed /api/v1 requests so far`);
}

/** On SIGTERM/SIGINT: write what is buffered, then let the signal end the process as it would have. */
export function flushRequestLogsOnShutdown(): void {
  onShutdown("request logs: final flush", flushRequestLogs);
}
