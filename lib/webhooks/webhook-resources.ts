// Webhook endpoints, deliveries and attempts as the API shows them: never the signing secret, except in
// the one answer that creates or rotates it.
import { z } from "zod";
import { WebhookDeliveryStatus } from "../db/generated/prisma/enums";
import { dateTime, id } from "../http/fields";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookEndpointResource = z
  .strictObject({
    id,
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(webhookEventTypeSchema).meta({ description: "Event types delivered to this endpoint; `*` means all" }),
    enabled: z.boolean(),
    skipOwnEvents: z.boolean().meta({ description: "Events caused by the integration's own API key are not sent here" }),
    retrySchedule: z.enum(["standard", "extended"]).meta({
      description: "`standard`: 8 attempts over about 28 hours; `extended`: 10 attempts over about 3 days",
    }),
    disabledReason: z
      .string()
      .nullable()
      .meta({ description: "Why the endpoint is disabled (by a person, a 410 Gone answer, or 5 days of failures)" }),
    disabledAt: dateTime.nullable(),
    secretRotationEndsAt: dateTime
      .nullable()
      .meta({ description: "While set, the previous secret also signs (both signatures in webhook-signature)" }),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({
    id: "WebhookEndpoint",
    examples: [
      {
        id: "we_3f9a1c2b4d5e6f708192a3b4",
        url: "https://example.com/webhooks/pms",
        description: "Channel manager",
        eventTypes: ["reservation.created", "reservation.cancelled"],
        enabled: true,
        skipOwnEvents: false,
        retrySchedule: "standard",
        disabledReason: null,
        disabledAt: null,
        secretRotationEndsAt: null,
        createdAt: "2026-11-23T10:00:00.000Z",
        updatedAt: "2026-11-23T10:00:00.000Z",
      },
    ],
  });
export type WebhookEndpointResource = z.input<typeof webhookEndpointResource>;

export const webhookEndpointWithSecret = webhookEndpointResource
  .extend({
    secret: z.string().meta({ description: "The signing secret (whsec_…). Returned only when the endpoint is created: store it now." }),
  })
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
export type WebhookAttemptResource = z.input<typeof webhookAttemptResource>;

const deliveryFields = {
  id: id.meta({ description: "The webhook-id header of every attempt of this delivery" }),
  endpointId: id,
  eventId: id.nullable().meta({ description: "The event delivered; null for a test ping" }),
  eventType: z.string(),
  status: z.enum(WebhookDeliveryStatus),
  attemptCount: z.number().int(),
  nextAttemptAt: dateTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastAttemptAt: dateTime.nullable(),
  createdAt: dateTime,
};
/** A delivery without its attempts, for lists that refresh often. */
export type WebhookDeliverySummary = z.input<z.ZodObject<typeof deliveryFields>>;

export const webhookDeliveryResource = z
  .strictObject({ ...deliveryFields, attempts: z.array(webhookAttemptResource) })
  .meta({ id: "WebhookDelivery" });
export type WebhookDeliveryResource = z.input<typeof webhookDeliveryResource>;
