// Endpoints and deliveries as the API and the dashboard show them: never the signing secret.
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint } from "../db/generated/prisma/client";
import { openPinsIn } from "../reservations/sealed-pin";
import { describeDisabled } from "./disabled-reason";
import type { WebhookEventType } from "./event-types";
import type { WebhookAttemptResource, WebhookDeliveryResource, WebhookDeliverySummary, WebhookEndpointResource } from "./webhook-resources";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function serializeEndpoint(endpoint: WebhookEndpoint, now = new Date()): WebhookEndpointResource {
  const rotating = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    eventTypes: endpoint.eventTypes as WebhookEventType[],
    enabled: endpoint.enabled,
    skipOwnEvents: endpoint.skipOwnEvents,
    retrySchedule: endpoint.retrySchedule === "extended" ? "extended" : "standard",
    disabledReason: endpoint.enabled
      ? null
      : describeDisabled({
          cause: endpoint.disabledCause,
          by: endpoint.disabledBy,
          at: endpoint.disabledAt,
          failingSince: endpoint.failingSince,
        }),
    disabledAt: endpoint.enabled ? null : iso(endpoint.disabledAt),
    secretRotationEndsAt: rotating ? iso(endpoint.previousSecretExpiresAt) : null,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
  };
}

/** Door PINs in what was sent: opened for a reader with the right to them, masked for anyone else. */
export type PinView = "clear" | "masked";

export function serializeAttempt(attempt: WebhookAttempt, pins: PinView = "clear"): WebhookAttemptResource {
  return {
    attemptNumber: attempt.attemptNumber,
    createdAt: attempt.createdAt.toISOString(),
    url: attempt.url,
    requestHeaders: attempt.requestHeaders as Record<string, string>,
    requestBody: openPinsIn(attempt.requestBody, pins),
    responseStatus: attempt.responseStatus,
    responseHeaders: attempt.responseHeaders as Record<string, string> | null,
    responseBody: attempt.responseBody,
    durationMs: attempt.durationMs,
    error: attempt.error,
  };
}

export function serializeDelivery(
  delivery: WebhookDelivery & { attempts: WebhookAttempt[] },
  pins: PinView = "clear",
): WebhookDeliveryResource {
  return { ...serializeDeliverySummary(delivery), attempts: delivery.attempts.map((attempt) => serializeAttempt(attempt, pins)) };
}

/** A delivery without its attempts (for lists that refresh often). */
export function serializeDeliverySummary(delivery: WebhookDelivery): WebhookDeliverySummary {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attemptCount: delivery.attemptCount,
    nextAttemptAt: delivery.status === "PENDING" ? iso(delivery.nextAttemptAt) : null,
    lastStatusCode: delivery.lastStatusCode,
    lastDurationMs: delivery.lastDurationMs,
    lastAttemptAt: iso(delivery.lastAttemptAt),
    createdAt: delivery.createdAt.toISOString(),
  };
}
