// Changes an endpoint's URL, description, events, or enables/disables it (a disabled endpoint's queued
// deliveries fail at once). Audited when anything changed. Racing a delete, it answers 404.
import { currentRequestContext } from "../api/request-context";
import type { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { notFound } from "../errors/app-error";
import { assertMaySubscribe, readableWebhookTypes } from "./event-types";
import type { EndpointChange } from "./create-endpoint";
import type { updateEndpointInput } from "./schemas";
import { assertDeliverableUrl } from "./engine/url-guard";
import { lockEndpoint, raceError } from "./lock-endpoint";

export async function updateEndpoint(
  context: EndpointChange,
  endpointId: string,
  input: z.output<typeof updateEndpointInput>,
): Promise<WebhookEndpoint> {
  // A key that changes an endpoint subscribes it anew: from then on it receives only what that key may read.
  const caller = currentRequestContext();
  if (caller && input.eventTypes) assertMaySubscribe(caller.scopes, input.eventTypes);
  const url = input.url === undefined ? undefined : await assertDeliverableUrl(input.url, { resolve: context.resolve });
  return db
    .$transaction(async (tx) => {
      await lockEndpoint(tx, context.propertyId, endpointId);
      const current = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
      if (!current) throw notFound("Webhook endpoint");
      const enabling = input.enabled === true && !current.enabled;
      const disabling = input.enabled === false && current.enabled;
      const endpoint = await tx.webhookEndpoint.update({
        where: { id: endpointId },
        data: {
          url,
          description: input.description,
          eventTypes: input.eventTypes,
          enabled: input.enabled,
          retrySchedule: input.retrySchedule,
          skipOwnEvents: input.skipOwnEvents,
          // Asking through the API to skip its own events makes the asking key the endpoint's integration.
          ...(input.skipOwnEvents && !current.ownerKeyId && caller ? { ownerKeyId: caller.apiKeyId } : {}),
          // A key subscribes it with its own scopes; an owner or admin choosing its events in the dashboard grants them.
          ...(caller ? { readScopes: [...caller.scopes] } : input.eventTypes ? { readScopes: ["full_access:read"] } : {}),
          // Enabling starts afresh: the failure streak that may have disabled it is forgotten.
          ...(enabling ? { disabledCause: null, disabledBy: null, disabledAt: null, failingSince: null } : {}),
          ...(disabling ? { disabledCause: "BY_USER", disabledBy: context.actor.label, disabledAt: new Date() } : {}),
        },
      });
      // Subscribed anew by a key: what it may not read is not sent to the (maybe new) URL, queued or replayed later.
      if (caller) {
        await tx.webhookDelivery.updateMany({
          where: { endpointId, status: "PENDING", eventType: { notIn: readableWebhookTypes(caller.scopes) } },
          data: {
            status: "FAILED",
            nextAttemptAt: null,
            lastError: "Not sent: the API key that changed the endpoint may not read this event.",
          },
        });
      }
      // Nothing is sent to a disabled endpoint: its queued deliveries fail now ("Retry all failed" after
      // enabling it sends them again), except those in flight, whose attempts are recorded as they end.
      if (disabling) {
        const now = new Date();
        await tx.webhookDelivery.updateMany({
          where: { endpointId, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
          data: { status: "FAILED", nextAttemptAt: null, lastError: "Not sent: the endpoint was disabled." },
        });
      }
      const changed = (["url", "description", "eventTypes", "enabled", "retrySchedule", "skipOwnEvents"] as const).filter(
        (field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(current[field]),
      );
      if (changed.length > 0) {
        await recordAuditEvent(tx, {
          propertyId: context.propertyId,
          actor: context.actor,
          action: enabling ? "webhook_endpoint.enabled" : disabling ? "webhook_endpoint.disabled" : "webhook_endpoint.updated",
          targetType: "webhook_endpoint",
          targetId: endpointId,
          metadata: { url: endpoint.url, changed },
        });
      }
      return endpoint;
    })
    .catch((error: unknown) => Promise.reject(raceError(error)));
}
