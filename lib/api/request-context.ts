// What the code a /api/v1 request runs may need to know about the request without being handed it:
// the API key that made it (events remember it, so an endpoint can skip its own integration's writes)
// and its W3C trace context (passed on to the webhook POSTs the request causes).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";

export interface RequestContext {
  apiKeyId: string;
  /** The key's scopes: what a webhook endpoint it subscribes may receive. */
  scopes: readonly string[];
  traceparent: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * A `traceparent` header as W3C Trace Context reads it: version 00 (or a later one, whose first four
 * fields are read the same way), a trace id and a parent id that are not all zeros. Anything else is
 * ignored, as the standard asks, never refused.
 */
export function parseTraceparent(value: string | null): string | null {
  if (!value) return null;
  const match = TRACEPARENT.exec(value.trim().toLowerCase().slice(0, 55));
  if (!match) return null;
  const [, version, traceId, parentId, flags] = match;
  if (version === "ff" || /^0+$/.test(traceId!) || /^0+$/.test(parentId!)) return null;
  return `00-${traceId}-${parentId}-${flags}`;
}

/** A child of `traceparent`: the same trace, a new span id (the webhook attempt), the same flags. */
export function childTraceparent(traceparent: string): string {
  const [, traceId, , flags] = traceparent.split("-");
  return `00-${traceId}-${randomBytes(8).toString("hex")}-${flags}`;
}
