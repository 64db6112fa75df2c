// The API's response contract, as zod schemas: the OpenAPI document is generated from these, and the
// contract tests validate every response against them. Strict, so an undocumented field fails a test.
import { z } from "zod";

const id = z.string().meta({ description: "Opaque identifier" });
const dateTime = z.iso.datetime().meta({ description: "ISO 8601 date-time (UTC)" });
const day = z.iso.date().meta({ description: "ISO 8601 calendar date" });
const minor = z.number().int().meta({ description: "Amount in minor units of `currency` (cents)" });
const currency = z.string().length(3).meta({ description: "ISO 4217 code" });

const livemode = z.boolean().meta({ description: "false for test keys (pms_test_): their writes are validated and answered, but nothing is kept" });
export const listOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page" }), livemode });
export const single = <T extends z.ZodType>(item: T) => z.strictObject({ data: item, livemode });

export const errorBody = z
  .strictObject({
    status: z.literal("error"),
    code: z.string().meta({ description: "Stable machine-readable code, e.g. VALIDATION_ERROR, UNAUTHORIZED, KEY_REVOKED, FORBIDDEN, NOT_FOUND, INVALID_STATE" }),
    message: z.string(),
    requestId: z.string().meta({ description: "Also in the X-Request-Id header; quote it to support" }),
    details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional().meta({ description: "Field errors: dotted path into the input" }),
  })
  .meta({ id: "Error", examples: [{ status: "error", code: "UNAUTHORIZED", message: "Invalid credentials", requestId: "req_5f0c9d1e2a3b4c5d6e7f8a9b" }] });

export const propertyResource = z
  .strictObject({ id, slug: z.string(), name: z.string(), timezone: z.string(), currency, plan: z.enum(["FREE", "PRO"]), createdAt: dateTime })
  .meta({ id: "Property" });

export const organizationResource = z
  .strictObject({ id, name: z.string(), plan: z.enum(["FREE", "PRO"]), propertyCount: z.number().int(), memberCount: z.number().int(), roomCount: z.number().int(), createdAt: dateTime })
  .meta({ id: "Organization" });

export const reservationStatusSchema = z.enum(["CONFIRMED", "CHECKED_IN", "CHECKED_OUT", "CANCELLED", "NO_SHOW"]);

export const reservationResource = z
  .strictObject({
    id,
    code: z.string(),
    status: reservationStatusSchema,
    guestId: id,
    guest: z.strictObject({ id, firstName: z.string(), lastName: z.string(), email: z.string().nullable() }).optional(),
    roomId: id.nullable(),
    roomNumber: z.string().nullable(),
    arrivalDate: day,
    departureDate: day,
    adults: z.number().int(),
    children: z.number().int(),
    totalAmount: minor,
    currency,
    notes: z.string().nullable(),
    checkedInAt: dateTime.nullable(),
    checkedOutAt: dateTime.nullable(),
    cancelledAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({
    id: "Reservation",
    examples: [
      {
        id: "cmwsot5jb0000he7d0pvfrheh", code: "GH-7K3M9Q", status: "CONFIRMED", guestId: "gh_guest_12",
        guest: { id: "gh_guest_12", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
        roomId: "gh_room_3", roomNumber: "103", arrivalDate: "2027-03-01", departureDate: "2027-03-04", adults: 2, children: 0,
        totalAmount: 38700, currency: "EUR", notes: null, checkedInAt: null, checkedOutAt: null, cancelledAt: null,
        createdAt: "2026-11-23T10:00:00.000Z", updatedAt: "2026-11-23T10:00:00.000Z",
      },
    ],
  });

export const accessResource = z
  .strictObject({ id, reservationId: id, lockName: z.string(), pin: z.string(), validFrom: dateTime, validUntil: dateTime, createdAt: dateTime })
  .meta({ id: "ReservationAccess" });

export const guestResource = z
  .strictObject({ id, firstName: z.string(), lastName: z.string(), email: z.string().nullable(), phone: z.string().nullable(), country: z.string().nullable(), externalRef: z.string().nullable(), createdAt: dateTime, updatedAt: dateTime })
  .meta({ id: "Guest" });

export const stayResource = z.strictObject({ reservation: reservationResource, guest: guestResource }).meta({ id: "Stay" });

export const conversationResource = z
  .strictObject({
    id,
    guestId: id,
    reservationId: id.nullable(),
    channel: z.enum(["EMAIL", "SMS", "WHATSAPP", "WEB_CHAT", "BOOKING_COM", "AIRBNB"]),
    status: z.enum(["OPEN", "CLOSED"]),
    subject: z.string().nullable(),
    lastMessageAt: dateTime,
    createdAt: dateTime,
  })
  .meta({ id: "Conversation" });

export const messageResource = z
  .strictObject({ id, conversationId: id, direction: z.enum(["INBOUND", "OUTBOUND"]), body: z.string(), senderName: z.string().nullable(), sentAt: dateTime })
  .meta({ id: "Message" });

export const userResource = z
  .strictObject({ id, name: z.string(), email: z.string(), role: z.enum(["OWNER", "ADMIN", "MANAGER", "STAFF"]), memberSince: dateTime })
  .meta({ id: "User" });

export const webhookEventTypeSchema = z.enum(["*", "reservation.created", "reservation.updated", "reservation.cancelled", "guest.checked_in", "guest.checked_out", "payment.updated", "message.received", "message.sent", "access_code.created"]);

export const webhookEndpointResource = z
  .strictObject({
    id,
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(webhookEventTypeSchema).meta({ description: "Event types delivered to this endpoint; `*` means all" }),
    enabled: z.boolean(),
    disabledReason: z.string().nullable().meta({ description: "Why the endpoint is disabled (by a person, a 410 Gone answer, or 5 days of failures)" }),
    disabledAt: dateTime.nullable(),
    secretRotationEndsAt: dateTime.nullable().meta({ description: "While set, the previous secret also signs (both signatures in webhook-signature)" }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({
    id: "WebhookEndpoint",
    examples: [
      {
        id: "we_3f9a1c2b4d5e6f708192a3b4", url: "https://example.com/webhooks/pms", description: "Channel manager", eventTypes: ["reservation.created", "reservation.cancelled"],
        enabled: true, disabledReason: null, disabledAt: null, secretRotationEndsAt: null, createdAt: "2026-11-23T10:00:00.000Z", updatedAt: "2026-11-23T10:00:00.000Z",
      },
    ],
  });

export const webhookEndpointWithSecret = webhookEndpointResource
  .extend({ secret: z.string().meta({ description: "The signing secret (whsec_…). Returned only when the endpoint is created: store it now." }) })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookAttemptResource = z
  .strictObject({
    attemptNumber: z.number().int(),
    createdAt: dateTime,
    url: z.string(),
    requestHeaders: z.record(z.string(), z.string()),
    requestBody: z.string(),
    responseStatus: z.number().int().nullable(),
    responseHeaders: z.record(z.string(), z.string()).nullable(),
    responseBody: z.string().nullable().meta({ description: "The receiver's answer, cut at 32 KB" }),
    durationMs: z.number().int(),
    error: z.string().nullable().meta({ description: "Timeout, connection or address error when there was no HTTP answer" }),
  })
  .meta({ id: "WebhookAttempt" });

export const webhookDeliveryResource = z
  .strictObject({
    id: id.meta({ description: "The webhook-id header of every attempt of this delivery" }),
    endpointId: id,
    eventId: id.nullable().meta({ description: "The event delivered; null for a test ping" }),
    eventType: z.string(),
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]),
    attemptCount: z.number().int(),
    nextAttemptAt: dateTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastDurationMs: z.number().int().nullable(),
    lastAttemptAt: dateTime.nullable(),
    createdAt: dateTime,
    attempts: z.array(webhookAttemptResource),
  })
  .meta({ id: "WebhookDelivery" });

const paymentEventData = z
  .strictObject({ id, reservationId: id.nullable(), amount: minor, currency, status: z.string(), method: z.string().nullable(), updatedAt: dateTime })
  .meta({ id: "PaymentEventData" });

/** The body of each webhook event type (documented under `webhooks` in the OpenAPI document). */
export const webhookEventData = {
  "reservation.created": z.strictObject({ reservation: reservationResource }),
  "reservation.updated": z.strictObject({ reservation: reservationResource, changed: z.array(z.string()).meta({ description: "The fields that changed" }) }),
  "reservation.cancelled": z.strictObject({ reservation: reservationResource }),
  "guest.checked_in": z.strictObject({ reservation: reservationResource }),
  "guest.checked_out": z.strictObject({ reservation: reservationResource }),
  "payment.updated": z.strictObject({ payment: paymentEventData }),
  "message.received": z.strictObject({ message: messageResource, conversation: conversationResource }),
  "message.sent": z.strictObject({ message: messageResource, conversation: conversationResource }),
  "access_code.created": z.strictObject({ access: accessResource }),
} as const;

export const webhookEvent = <T extends keyof typeof webhookEventData>(type: T) =>
  z.strictObject({
    id: id.meta({ description: "The event's id (evt_…); the same event reaches each endpoint once, under its own webhook-id" }),
    type: z.literal(type),
    createdAt: dateTime.meta({ description: "When the change was committed" }),
    data: webhookEventData[type],
  });
