// LISTEN/NOTIFY on the embedded database, for every connection as on PostgreSQL. PGlite runs one
// session for all socket connections, and pglite-socket writes each answer to the connection whose
// message produced it: a notification committed by a pool connection comes back on that connection,
// never on the one that ran LISTEN. So the server reads notifications out of every answer and writes
// each to the other connections that listen on its channel, whatever process they belong to (the
// webhook worker runs in the Next.js server, PGlite in `npm start`'s process).
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type NotificationListener = (channel: string, payload: string) => void;

const NOTIFICATION_RESPONSE = 0x41; // 'A': int32 pid, channel\0, payload\0
const QUERY = 0x51; // 'Q': the simple protocol's query text
const PARSE = 0x50; // 'P': statement name\0, query text\0, …

/** What pglite-socket's server keeps (not in its public types): the queue every connection's messages go through. */
interface QueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
  clearQueueForHandler(handlerId: number): void;
}

/** Where the SQL text of a Query or Parse message lies in it; null for any other message. */
function queryTextAt(data: Buffer): { start: number; end: number } | null {
  if (data.length < 6) return null;
  if (data[0] === QUERY) return { start: 5, end: data.length - 1 };
  if (data[0] === PARSE) {
    const start = data.indexOf(0, 5) + 1;
    return { start, end: data.indexOf(0, start) };
  }
  return null;
}

/** `message` with its SQL text replaced (and its length word updated). */
function withQueryText(data: Buffer, at: { start: number; end: number }, sql: string): Uint8Array {
  const message = Buffer.concat([data.subarray(0, at.start), Buffer.from(sql), data.subarray(at.end)]);
  message.writeInt32BE(message.length - 1, 1);
  return message;
}

const LISTEN = /\b(UN)?LISTEN\s+("(?:[^"]|"")+"|[\w$]+|\*)/gi;
/** The shared session keeps listening when one connection stops; its UNLISTEN is aimed at a channel nobody uses. */
const UNLISTEN_NOTHING = "UNLISTEN pms_embedded_relay_unused";

/** A NotificationResponse message, as PostgreSQL sends it. */
export function notificationMessage(channel: string, payload: string): Buffer {
  const body = Buffer.from(`\0\0\0\0${channel}\0${payload}\0`);
  const header = Buffer.alloc(5);
  header[0] = NOTIFICATION_RESPONSE;
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/**
 * Makes LISTEN work for every connection of `server`: notes which connections listen on which
 * channels, and writes every notification found in an answer to the listeners of its channel other
 * than the connection that got the answer (the session itself never stops listening, an UNLISTEN
 * only ends the relay to its connection). Answers never interleave (PGlite runs one message at a
 * time), so a notification always falls between two whole messages of a listener's stream.
 */
export function relayNotifications(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const listeners = new Map<number, { channels: Set<string>; write: (data: Uint8Array) => void }>();
  const enqueue = queue.enqueue.bind(queue);
  const clear = queue.clearQueueForHandler.bind(queue);

  queue.enqueue = (handlerId, message, onData) => {
    const data = Buffer.from(message.buffer, message.byteOffset, message.byteLength);
    const at = queryTextAt(data);
    const sql = at ? data.toString("utf8", at.start, at.end) : null;
    if (at && sql && /listen/i.test(sql)) {
      let unlistened = false;
      for (const [, un, name] of sql.matchAll(LISTEN)) {
        const channel = name!.startsWith('"') ? name!.slice(1, -1).replaceAll('""', '"') : name!.toLowerCase();
        const listener = listeners.get(handlerId) ?? { channels: new Set<string>(), write: onData };
        if (un) {
          unlistened = true;
          if (channel === "*") listener.channels.clear();
          else listener.channels.delete(channel);
        } else {
          listener.channels.add(channel);
        }
        if (listener.channels.size > 0) listeners.set(handlerId, listener);
        else listeners.delete(handlerId);
      }
      // UNLISTEN in PGlite's one session would stop every connection's notifications on the channel.
      if (unlistened) message = withQueryText(data, at, sql.replace(/\bUNLISTEN\s+("(?:[^"]|"")+"|[\w$]+|\*)/gi, UNLISTEN_NOTHING));
    }
    const scan = notificationScanner((channel, payload) => {
      for (const [id, listener] of listeners) {
        if (id !== handlerId && listener.channels.has(channel)) listener.write(notificationMessage(channel, payload));
      }
    });
    return enqueue(handlerId, message, (data) => {
      onData(data);
      if (listeners.size > 0) scan(data);
    });
  };
  // Called when a connection goes away.
  queue.clearQueueForHandler = (handlerId) => {
    listeners.delete(handlerId);
    clear(handlerId);
  };
}

/**
 * Walks the backend messages of one answer (which may arrive in chunks that split a message),
 * skipping over all but NotificationResponse, which it decodes.
 */
export function notificationScanner(emit: NotificationListener): (chunk: Uint8Array) => void {
  let pending: Buffer = Buffer.alloc(0); // an unfinished header, or an unfinished notification
  let skip = 0; // bytes of another message still to pass over
  return (chunk) => {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (skip >= data.length) {
      skip -= data.length;
      return;
    }
    data = data.subarray(skip);
    skip = 0;
    if (pending.length > 0) data = Buffer.concat([pending, data]);
    pending = Buffer.alloc(0);
    let at = 0;
    while (at < data.length) {
      if (data.length - at < 5) {
        pending = Buffer.from(data.subarray(at));
        return;
      }
      const end = at + 1 + data.readInt32BE(at + 1);
      if (data[at] !== NOTIFICATION_RESPONSE) {
        if (end > data.length) {
          skip = end - data.length;
          return;
        }
      } else {
        if (end > data.length) {
          pending = Buffer.from(data.subarray(at));
          return;
        }
        const body = data.subarray(at + 9, end);
        const nul = body.indexOf(0);
        emit(body.toString("utf8", 0, nul), body.toString("utf8", nul + 1, body.length - 1));
      }
      at = end;
    }
  };
}
