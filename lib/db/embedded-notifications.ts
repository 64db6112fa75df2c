// LISTEN/NOTIFY on the embedded database. PGlite runs one session for every socket connection, and
// pglite-socket writes each answer to the connection whose message produced it: a notification
// committed by a pool connection comes back on that connection, never on the one that ran LISTEN.
// So the server process reads notifications out of PGlite's answers here and hands them to listeners
// in the same process (the app's webhook worker). A worker in another process gets none of them and
// keeps polling.
import { EventEmitter } from "node:events";
import type { PGlite } from "@electric-sql/pglite";

export type NotificationListener = (channel: string, payload: string) => void;

const NOTIFICATION_RESPONSE = 0x41; // 'A': int32 pid, channel\0, payload\0
const served = new Map<string, EventEmitter>();

/** Subscribes to the notifications of the embedded database this process serves at `url`; null when it serves none there. */
export function onEmbeddedNotification(url: string, listener: NotificationListener): (() => void) | null {
  const emitter = served.get(url);
  if (!emitter) return null;
  emitter.on("notification", listener);
  return () => emitter.off("notification", listener);
}

/** Passes every notification in `db`'s wire-protocol answers to onEmbeddedNotification(url) listeners until the returned stop(). */
export function forwardNotifications(db: PGlite, url: string): () => void {
  const emitter = new EventEmitter();
  served.set(url, emitter);
  const execute = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = (message, options) => {
    if (!options) return execute(message, options);
    const scan = notificationScanner((channel, payload) => emitter.emit("notification", channel, payload));
    return execute(message, {
      ...options,
      onRawData: (data) => {
        options.onRawData(data);
        scan(data);
      },
    });
  };
  return () => {
    served.delete(url);
    emitter.removeAllListeners();
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
