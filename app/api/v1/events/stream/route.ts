// GET /api/v1/events/stream: the property's events as Server-Sent Events, resumable with Last-Event-ID.
import { z } from "zod";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { MAX_STREAMS_PER_KEY, openEventStream, STREAM_START, STREAM_TYPES_PATTERN, streamTypes } from "@/lib/events/event-stream";

export const GET = v1Route(
  {
    method: "GET",
    path: "/events/stream",
    operationId: "streamEvents",
    tag: "Events",
    summary: "Stream events",
    description:
      "The events feed as Server-Sent Events (`text/event-stream`), for local development (`npm run listen`) or any " +
      "EventSource. The stream first sends `event: ready` with the id to resume from, then each event as it commits: " +
      "`id:` the event id, `event:` its type, `data:` the same body as its webhook. Reconnect with the last id you " +
      "received in `Last-Event-ID` (or `after`) and nothing is lost or repeated; without one the stream starts now. " +
      "A comment line every 15 s keeps it open through proxies. The key's scopes filter the types as in the feed; a " +
      "revoked key's streams end at once, an expired key's within 30 s. A key may hold " +
      `${MAX_STREAMS_PER_KEY} open streams per server; one more is refused with 429 until one closes.`,
    scope: "events:read",
    contentType: "text/event-stream",
    headers: [
      {
        name: "Last-Event-ID",
        description: `The id of the last event you received (or \`${STREAM_START}\`, sent while the property had none): resume after it`,
        maxLength: 100,
      },
    ],
    query: z.strictObject({
      types: z.string().trim().max(1000).optional().meta({
        description: 'Only these event types, comma-separated; "reservation.*" names a family. Omitted: every type',
        pattern: STREAM_TYPES_PATTERN,
      }),
      after: z
        .string()
        .trim()
        .min(1)
        .max(100)
        .optional()
        .meta({ description: "As Last-Event-ID, for clients that cannot set headers; the header wins when both are sent" }),
    }),
    response: z.string().meta({ description: "A stream of Server-Sent Events" }),
    errors: [400, 429],
  },
  async ({ request, key, property, query }) => {
    const types = streamTypes(key.scopes, query.types);
    const lastEventId = request.headers.get("last-event-id")?.trim().slice(0, 100) || query.after || null;
    const body = await openEventStream({ propertyId: property.id, apiKeyId: key.id, types, lastEventId, signal: request.signal });
    return new Response(body, { headers: { "Content-Type": "text/event-stream; charset=utf-8" } });
  },
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
