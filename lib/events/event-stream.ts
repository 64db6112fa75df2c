// GET /api/v1/events/stream: the events feed as Server-Sent Events, for `npm run listen` and any
// EventSource. Each event is one message, `id:` its event id, `event:` its type, `data:` the webhook's
// body. A new stream starts now and first sends `event: ready` with the id to resume from (`start` while
// the property has no event yet); a client that reconnects with `Last-Event-ID` gets everything after it,
// in the order of the feed (txid, seq), including events of transactions still running when it left.
// Streams wake on the outbox's notification, and poll every second while notifications are not known
// to arrive. A revocation's notification ends the key's streams at once on every instance, and every 30 s
// the key is checked again (expiry, a missed notification); its reconnect is then refused with 401. A key
// holds at most MAX_STREAMS_PER_KEY streams per instance. A comment line every 15 s keeps proxies from
// closing an idle stream. A fresh stream skips events already committed when it opened, even those above
// the feed's horizon (a transaction still running then holds that back).
import "server-only";
import { hasScope } from "../api-keys/scopes";
import { db, getPool } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import { AppError } from "../errors/app-error";
import { onShutdown } from "../jobs/shutdown";
import { OutboxListener } from "../webhooks/engine/outbox-listener";
import { KEY_REVOKED_NOTICE } from "../webhooks/engine/outbox-notifications";
import { EVENT_SCOPES, EVENT_TYPES, type EventType } from "./event-catalog";
import { openPinsIn } from "../reservations/sealed-pin";
import { eventBodySql } from "./event-body";

/** The cursor of a property that has no event yet: resume from its first one. */
export const STREAM_START = "start";
const KEEP_ALIVE_MS = 15_000;
/** How often an open stream checks its key again; tests shorten it. */
export const eventStreamSettings = { keyCheckMs: 30_000 };
const BATCH = 100;

const escapeRegex = (text: string) => text.replace(/[.*]/g, "\\$&");
/** What streamTypes takes, as a pattern for the OpenAPI document: up to 31 comma-separated types, families ("reservation.*") or "*". */
export const STREAM_TYPES_PATTERN = (() => {
  const families = [...new Set(EVENT_TYPES.map((type) => `${type.split(".")[0]}.*`))];
  const item = ["*", ...EVENT_TYPES, ...families].map(escapeRegex).join("|");
  return `^(?:${item})(?:,(?:${item})){0,30}$`;
})();

/**
 * The event types a key may stream, narrowed by `patterns` ("reservation.*,guest.checked_in", "*").
 * A pattern that names no event type is refused, so a typo is not a silent empty stream.
 */
export function streamTypes(scopes: readonly string[], patterns: string | undefined): EventType[] {
  const wanted = (patterns ?? "*")
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  const matches = (pattern: string, type: string) =>
    pattern === "*" || pattern === type || (pattern.endsWith(".*") && type.startsWith(pattern.slice(0, -1)));
  const unknown = wanted.filter((pattern) => !EVENT_TYPES.some((type) => matches(pattern, type)));
  if (unknown.length > 0)
    throw new AppError("VALIDATION_ERROR", "The request is invalid: see details.", {
      types: [`No event type matches ${unknown.map((u) => `"${u}"`).join(", ")}: use names from the event catalogue, or "reservation.*"`],
    });
  return EVENT_TYPES.filter((type) => hasScope(scopes, EVENT_SCOPES[type]) && wanted.some((pattern) => matches(pattern, type)));
}

interface Cursor {
  txid: string;
  seq: bigint;
}

/**
 * Where a stream starts: after `lastEventId`, or now. "Now" is the last event every running transaction is
 * past (so a transaction that commits late is not skipped), and `seen`, the snapshot of that moment: events
 * already committed then, though above that point, are not sent as if they were new.
 */
async function startCursor(
  propertyId: string,
  lastEventId: string | null,
): Promise<{ cursor: Cursor | null; id: string; seen: string | null }> {
  if (lastEventId === STREAM_START) return { cursor: null, id: STREAM_START, seen: null };
  if (!lastEventId) {
    const [now] = await db.$queryRaw<{ seen: string; id: string | null; txid: string | null; seq: bigint | null }[]>`
      WITH s AS (SELECT pg_current_snapshot() AS snap)
      SELECT s.snap::text AS seen, e.id, e.txid::text AS txid, e.seq FROM s LEFT JOIN LATERAL (
        SELECT id, txid, seq FROM "OutboxEvent"
        WHERE "propertyId" = ${propertyId} AND txid < pg_snapshot_xmin(s.snap)
        ORDER BY txid DESC, seq DESC LIMIT 1
      ) e ON true`;
    const seen = now?.seen ?? null;
    return now?.id && now.txid !== null && now.seq !== null
      ? { cursor: { txid: now.txid, seq: now.seq }, id: now.id, seen }
      : { cursor: null, id: STREAM_START, seen };
  }
  const [row] = await db.$queryRaw<(Cursor & { id: string })[]>`
    SELECT id, txid::text AS txid, seq FROM "OutboxEvent" WHERE id = ${lastEventId} AND "propertyId" = ${propertyId}`;
  if (!row)
    throw new AppError("VALIDATION_ERROR", "No event with this id: resume from an event this stream sent you (events are kept 30 days).", {
      "Last-Event-ID": ["Unknown event id"],
    });
  return { cursor: { txid: row.txid, seq: row.seq }, id: row.id, seen: null };
}

async function nextEvents(propertyId: string, cursor: Cursor | null, seen: string | null) {
  const rows = await db.$queryRaw<(Cursor & { id: string; type: string; body: string })[]>`
    SELECT e.id, e.type, e.txid::text AS txid, e.seq, ${Prisma.raw(eventBodySql("e"))} AS body FROM "OutboxEvent" e
    WHERE e."propertyId" = ${propertyId}
      ${cursor ? Prisma.sql`AND (e.txid, e.seq) > (${cursor.txid}::xid8, ${cursor.seq})` : Prisma.empty}
      AND e.txid < pg_snapshot_xmin(pg_current_snapshot())
      ${seen ? Prisma.sql`AND NOT pg_visible_in_snapshot(e.txid, ${seen}::pg_snapshot)` : Prisma.empty}
    ORDER BY e.txid, e.seq
    LIMIT ${BATCH}`;
  // Door PINs are sealed at rest; the stream sends access code events only to keys that may read them.
  return rows.map((row) => ({ ...row, body: openPinsIn(row.body, "clear") }));
}

async function keyStillValid(apiKeyId: string, now = new Date()): Promise<boolean> {
  const key = await db.apiKey.findUnique({ where: { id: apiKeyId }, select: { revokedAt: true, expiresAt: true } });
  return !!key && !key.revokedAt && (!key.expiresAt || key.expiresAt > now);
}

// One listener per process wakes every open stream; it starts with the first stream.
type Wake = () => void;
const globalForStreams = globalThis as unknown as {
  __pmsEventStreams?: { wakers: Set<Wake>; closers: Set<Wake>; byKey: Map<string, Set<Wake>>; listener: OutboxListener };
};

/** Open streams one key may hold on one instance: a client that leaks connections is refused, not served forever. */
export const MAX_STREAMS_PER_KEY = 10;

function streams() {
  if (!globalForStreams.__pmsEventStreams) {
    const wakers = new Set<Wake>();
    const byKey = new Map<string, Set<Wake>>();
    const listener = new OutboxListener({
      pool: getPool(),
      onWake: (payload) => {
        // A revoked key's streams end now; anything else may be a new event for every stream.
        if (payload?.startsWith(KEY_REVOKED_NOTICE)) byKey.get(payload.slice(KEY_REVOKED_NOTICE.length))?.forEach((close) => close());
        else wakers.forEach((wake) => wake());
      },
      log: (message) => console.error(`[event streams] ${message}`),
    });
    globalForStreams.__pmsEventStreams = { wakers, closers: new Set(), byKey, listener };
    listener.start();
    onShutdown("event streams", closeEventStreams);
  }
  return globalForStreams.__pmsEventStreams;
}

/** Ends every open stream (clients reconnect to another instance) and stops listening. */
export async function closeEventStreams(): Promise<void> {
  const open = globalForStreams.__pmsEventStreams;
  if (!open) return;
  globalForStreams.__pmsEventStreams = undefined;
  open.closers.forEach((close) => close());
  await open.listener.close();
}

/**
 * Opens a stream of the property's events of `types` after `lastEventId` (or from now). Refuses an
 * unknown id before anything is sent; the stream then runs until the client leaves, the key stops
 * being valid or the process shuts down.
 */
export async function openEventStream(options: {
  propertyId: string;
  apiKeyId: string;
  types: EventType[];
  lastEventId: string | null;
  signal: AbortSignal;
}): Promise<ReadableStream<Uint8Array>> {
  const hub = streams();
  // The key's slot is taken before the first await, so racing opens cannot all pass the cap together.
  const slots = hub.byKey.get(options.apiKeyId) ?? new Set<Wake>();
  if (slots.size >= MAX_STREAMS_PER_KEY)
    throw new AppError(
      "RATE_LIMITED",
      `This API key already has ${MAX_STREAMS_PER_KEY} open event streams here: close one (or reuse it) before opening another.`,
    );
  let closed = false;
  let closeStream: () => void = () => {
    closed = true; // revoked before the stream started: it ends as soon as it starts
  };
  const slot: Wake = () => closeStream();
  const release = () => {
    slots.delete(slot);
    if (slots.size === 0 && hub.byKey.get(options.apiKeyId) === slots) hub.byKey.delete(options.apiKeyId);
  };
  hub.byKey.set(options.apiKeyId, slots.add(slot));
  let start: Awaited<ReturnType<typeof startCursor>>;
  try {
    start = await startCursor(options.propertyId, options.lastEventId);
  } catch (error) {
    release();
    throw error;
  }
  const wanted = new Set<string>(options.types);
  const encoder = new TextEncoder();
  let cursor = start.cursor;
  let wake: Wake = () => undefined;
  let pending = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      let ended = false;
      const close = () => {
        if (ended) return;
        ended = true;
        closed = true;
        release();
        hub.wakers.delete(onWake);
        hub.closers.delete(close);
        wake();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const onWake = () => {
        pending = true;
        wake();
      };
      const revokedMeanwhile = closed;
      closeStream = close;
      hub.wakers.add(onWake);
      hub.closers.add(close);
      options.signal.addEventListener("abort", close, { once: true });
      // Revoked, or the client already gone, while the start was read: the slot is given back now.
      if (revokedMeanwhile || options.signal.aborted) return close();

      send(`retry: 2000\nid: ${start.id}\nevent: ready\ndata: ${JSON.stringify({ lastEventId: start.id, types: options.types })}\n\n`);

      void (async () => {
        let lastSent = Date.now();
        let keyCheckedAt = Date.now();
        try {
          while (!closed) {
            pending = false;
            for (;;) {
              // A client that reads slowly holds the next batch back instead of the server buffering for it.
              while (!closed && (controller.desiredSize ?? 1) <= 0) await new Promise((resolve) => setTimeout(resolve, 50));
              if (closed) break;
              const rows = await nextEvents(options.propertyId, cursor, start.seen);
              for (const row of rows) {
                cursor = { txid: row.txid, seq: row.seq };
                if (wanted.has(row.type)) {
                  send(`id: ${row.id}\nevent: ${row.type}\ndata: ${row.body}\n\n`);
                  lastSent = Date.now();
                }
              }
              if (rows.length < BATCH || closed) break;
            }
            if (Date.now() - keyCheckedAt >= eventStreamSettings.keyCheckMs) {
              keyCheckedAt = Date.now();
              if (!(await keyStillValid(options.apiKeyId))) break;
            }
            if (Date.now() - lastSent >= KEEP_ALIVE_MS) {
              send(": keep-alive\n\n");
              lastSent = Date.now();
            }
            if (closed || pending) continue;
            // Notifications that arrive need no poll; until the listener knows they do, poll every second.
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, hub.listener.trusted ? 5_000 : 1_000);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = () => undefined;
          }
        } catch (error) {
          console.error(`[event streams] stream ended: ${error instanceof Error ? error.message : String(error)}`);
        }
        close();
      })();
    },
    cancel() {
      closeStream();
    },
  });
}
