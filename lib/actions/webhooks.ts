"use server";
// The Webhooks tab's changes: endpoints, their signing secrets, test events, resends and retries.
import { z } from "zod";
import { resendDelivery } from "../webhooks/resend-delivery";
import { replayDeliveries, replayInput } from "../webhooks/replay-deliveries";
import { retryFailedDeliveries } from "../webhooks/retry-failed-deliveries";
import { sendTestEvent } from "../webhooks/send-test-event";
import { createEndpoint } from "../webhooks/create-endpoint";
import { deleteEndpoint } from "../webhooks/delete-endpoint";
import { revealSecret } from "../webhooks/reveal-secret";
import { rotateSecret } from "../webhooks/rotate-secret";
import { createEndpointInput, endpointFormWording, updateEndpointInput } from "../webhooks/schemas";
import { updateEndpoint } from "../webhooks/update-endpoint";
import { storableId } from "../db/storable-text";
import { ISO_INSTANT_MESSAGE } from "../reservations/schemas";
import { propertyAction } from "./property-action";

const endpointRef = z.object({ endpointId: storableId("endpoint") });

/** A signing secret travels to the browser only in these answers. */
type Secret = { secret: string; endpointId?: string; previousSecretExpiresAt?: string | null };

export const createWebhookEndpointAction = propertyAction<typeof createEndpointInput, Secret>(
  "manageApiAccess",
  createEndpointInput,
  async ({ access, actor, input }) => {
    const endpoint = await createEndpoint({ propertyId: access.property.id, actor }, input);
    return { secret: endpoint.secret, endpointId: endpoint.id, message: "Endpoint added." };
  },
  { sudo: true, wording: endpointFormWording },
);

// Enabling and disabling have their own action, each with its own confirmation.
const updateInput = updateEndpointInput.omit({ enabled: true }).extend(endpointRef.shape);

export const updateWebhookEndpointAction = propertyAction(
  "manageApiAccess",
  updateInput,
  async ({ access, actor, input }) => {
    const { endpointId, ...changes } = input;
    await updateEndpoint({ propertyId: access.property.id, actor }, endpointId, changes);
    return "Endpoint saved.";
  },
  { sudo: true, wording: endpointFormWording },
);

export const setWebhookEndpointEnabledAction = propertyAction(
  "manageApiAccess",
  endpointRef.extend({ enabled: z.boolean({ error: "Enable or disable?" }) }),
  async ({ access, actor, input }) => {
    await updateEndpoint({ propertyId: access.property.id, actor }, input.endpointId, { enabled: input.enabled });
    return input.enabled ? "Endpoint enabled: new events are delivered again." : "Endpoint disabled.";
  },
);

export const deleteWebhookEndpointAction = propertyAction(
  "manageApiAccess",
  endpointRef,
  async ({ access, actor, input }) => {
    const endpoint = await deleteEndpoint({ propertyId: access.property.id, actor }, input.endpointId);
    return `${endpoint.url} was deleted.`;
  },
  { sudo: true },
);

export const revealWebhookSecretAction = propertyAction<typeof endpointRef, Secret>(
  "manageApiAccess",
  endpointRef,
  async ({ access, actor, input }) => {
    const { secret, previousSecretExpiresAt } = await revealSecret({ propertyId: access.property.id, actor }, input.endpointId);
    return { secret, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
  },
  { sudo: true },
);

export const rotateWebhookSecretAction = propertyAction<typeof endpointRef, Secret>(
  "manageApiAccess",
  endpointRef,
  async ({ access, actor, input }) => {
    const endpoint = await rotateSecret({ propertyId: access.property.id, actor }, input.endpointId);
    return {
      secret: endpoint.secret,
      previousSecretExpiresAt: endpoint.previousSecretExpiresAt?.toISOString() ?? null,
      message: "Secret rotated.",
    };
  },
  { sudo: true },
);

export const sendWebhookTestEventAction = propertyAction("manageApiAccess", endpointRef, async ({ access, actor, input }) => {
  await sendTestEvent({ propertyId: access.property.id, actor }, input.endpointId);
  return "Test event queued: it shows in recent deliveries within a second.";
});

export const resendWebhookDeliveryAction = propertyAction(
  "manageApiAccess",
  z.object({ deliveryId: storableId("delivery") }),
  async ({ access, actor, input }) => {
    await resendDelivery({ propertyId: access.property.id, actor }, input.deliveryId);
    return "Resent with the same webhook-id.";
  },
);

export const retryFailedWebhookDeliveriesAction = propertyAction("manageApiAccess", endpointRef, async ({ access, actor, input }) => {
  const count = await retryFailedDeliveries({ propertyId: access.property.id, actor }, input.endpointId);
  return count === 0
    ? "No failed deliveries to retry."
    : `${count} failed ${count === 1 ? "delivery" : "deliveries"} queued for another attempt.`;
});

export const replayWebhookDeliveriesAction = propertyAction(
  "manageApiAccess",
  z.object({ endpointId: storableId("endpoint"), window: replayInput }),
  async ({ access, actor, input }) => {
    const replay = await replayDeliveries({ propertyId: access.property.id, actor }, input.endpointId, input.window);
    return `Replaying ${replay.total} ${replay.total === 1 ? "delivery" : "deliveries"}, oldest first.`;
  },
  { wording: { "window.since": ISO_INSTANT_MESSAGE, "window.until": ISO_INSTANT_MESSAGE } },
);
