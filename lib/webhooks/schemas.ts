// Inputs of the webhook use cases, shared by the dashboard's actions and the API's routes.
import { z } from "zod";
import { WebhookDeliveryStatus } from "../db/generated/prisma/enums";
import { cursorSchema, listQuery } from "../db/pagination";
import { EVENT_TYPES } from "../events/event-catalog";
import { PING_EVENT, WEBHOOK_EVENT_TYPES } from "./event-types";
import { RETRY_SCHEDULE_NAMES } from "./engine/retry-schedule";
import type { FormWording } from "../errors/form-wording";
import { notBlank } from "../openapi/input-hints";

const skipOwnEvents = z.boolean().meta({
  description:
    "Skip events caused by this integration's own API key (the key that created the endpoint, or that turned this on), so its own writes do not come back to it",
});
const retrySchedule = z.enum(RETRY_SCHEDULE_NAMES).meta({
  description:
    "When failed deliveries are retried: `standard`, 8 attempts over about 28 hours (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), or `extended`, 10 attempts over about 3 days (the same, then 24 h and 24 h)",
});

/** PostgreSQL text cannot hold NUL: refused as input, never a 500. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes("\u0000"), "Text may not contain NUL characters");

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => (types.includes("*") ? ["*"] : [...new Set(types)].sort()));

const PORT = "(?::(?:[1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5]))?";
const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
/** A host name whose last label is not numeric (else it is read as an IPv4 address), or a dotted IPv4 address. */
const HOST = `(?:(?:[A-Za-z0-9-]+\\.)*[A-Za-z][A-Za-z0-9-]*|(?:${OCTET}\\.){3}${OCTET})`;
/**
 * The URLs the endpoint check (engine/url-guard.ts) takes apart from where the host resolves: https, a host
 * name or IPv4 address, a port 1–65535, a path or query if any (`https://example.com` is saved as
 * `https://example.com/`), no user name or fragment, and only characters a URL keeps as they are.
 */
const WEBHOOK_URL_HINT = {
  format: "uri",
  pattern: `^https://${HOST}${PORT}(?:[/?][A-Za-z0-9\\-._~:/?\\[\\]@!$&()*+,;=%]*)?$`,
  description: "An https:// URL. Its host must resolve to public addresses only, which no schema can check: otherwise 422 URL_NOT_ALLOWED",
};

export const createEndpointInput = z.strictObject({
  url: text(2048).meta(WEBHOOK_URL_HINT).pipe(z.string().min(1)),
  description: text(200).default(""),
  eventTypes,
  enabled: z.boolean().default(true),
  retrySchedule: retrySchedule.default("standard"),
  skipOwnEvents: skipOwnEvents.default(false),
  snapshot: z.boolean().default(false).meta({
    description:
      "Send the current state first: a `reservation.snapshot` for each stay in house or arriving within 7 days (when the endpoint takes reservation or guest events) and an `access_code.snapshot` for each valid access code (when it takes access code events), then live events",
  }),
});
export type CreateEndpointInput = z.input<typeof createEndpointInput>;

export const updateEndpointInput = z.strictObject({
  url: createEndpointInput.shape.url.optional(),
  description: text(200).optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional(),
  retrySchedule: retrySchedule.optional(),
  skipOwnEvents: skipOwnEvents.optional(),
});
export type UpdateEndpointInput = z.input<typeof updateEndpointInput>;

/** The dashboard's endpoint form, in its own words (the API names the field and the constraint). */
export const endpointFormWording: FormWording = {
  url: { required: "Enter the endpoint URL", too_big: "At most 2048 characters" },
  description: { too_big: "At most 200 characters" },
  eventTypes: { required: "Choose at least one event" },
  "eventTypes.*": "Unknown event type",
  retrySchedule: "standard or extended",
};

export const listDeliveriesQuery = listQuery.extend({
  status: z.enum(WebhookDeliveryStatus).optional().meta({ description: "Only deliveries in this state" }),
  eventType: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta(notBlank())
    .optional()
    .meta({ description: "Only deliveries of this event type (e.g. reservation.created, ping)" }),
});

export const DELIVERY_STATUS_FILTERS = ["succeeded", "failed", "pending"] as const;

/** The deliveries view's filters as they stand in the URL; anything unreadable means "all". */
export const deliveryFilters = z.object({
  status: z.enum(DELIVERY_STATUS_FILTERS).optional().catch(undefined),
  eventType: z
    .string()
    .trim()
    .refine((value) => value === PING_EVENT || (EVENT_TYPES as readonly string[]).includes(value))
    .optional()
    .catch(undefined),
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).catch(25).default(25),
});
export type DeliveryFilters = z.output<typeof deliveryFilters>;
