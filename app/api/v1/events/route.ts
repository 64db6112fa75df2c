// GET /api/v1/events?after=<event id>&limit=: the property's events in order, as webhooks deliver them.
import { z } from "zod";
import { livemode } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { anyEventEnvelope } from "@/lib/events/event-catalog";
import { listEvents, listEventsQuery } from "@/lib/events/list-events";

export const GET = v1Route(
  {
    method: "GET",
    path: "/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "List events",
    description:
      "Every event of the property, oldest first, with the same `{id, type, createdAt, data}` body as its webhook, kept 30 days. " +
      "Pass the last id you processed as `after` to go on from there: an integrator that was down reconciles, one with webhooks " +
      "closes gaps. Besides events:read, each event needs the read scope of what it is about (reservation events need " +
      "reservations:read, messages conversations:read, and so on); the others are left out.",
    scope: "events:read",
    query: listEventsQuery,
    response: z.strictObject({
      data: z.array(anyEventEnvelope),
      hasMore: z.boolean().meta({ description: "More events follow: ask again with after=lastEventId" }),
      lastEventId: z
        .string()
        .nullable()
        .meta({ description: "The last event listed (or `after` when none): store it, pass it as `after` next time" }),
      livemode,
    }),
  },
  ({ property, key, query }) => listEvents(property.id, key.scopes, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
