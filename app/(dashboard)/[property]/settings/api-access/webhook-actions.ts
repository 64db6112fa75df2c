"use server";

// The Webhooks tab's changes. Every action re-checks OWNER/ADMIN here: the page hiding a button is
// not a permission check.
import { userActor } from "@/lib/audit/record-audit-event";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { toActionResult, type ActionResult } from "@/lib/errors/action-result";
import { resendDelivery, retryFailedDeliveries, sendTestEvent } from "@/lib/webhooks/deliveries";
import { createEndpoint, createEndpointInput, deleteEndpoint, revealSecret, rotateSecret, updateEndpoint, updateEndpointInput } from "@/lib/webhooks/endpoints";

type SecretResult = ActionResult & { secret?: string; endpointId?: string; previousSecretExpiresAt?: string | null };

async function manager(slug: string) {
  const access = await getPropertyAccess(slug);
  if (!can.manageApiAccess(access.role)) throw new AppError("FORBIDDEN", "Only owners and admins can manage webhooks.");
  return { propertyId: access.property.id, actor: userActor(access.user) };
}

function id(value: unknown, what: string): string {
  if (typeof value !== "string" || !value) throw new AppError("VALIDATION_ERROR", `Which ${what}?`);
  if (value.includes("\u0000") || value.length > 100) throw new AppError("NOT_FOUND", `No such ${what}.`);
  return value;
}

/** Runs a use case that answers with a signing secret; the secret only travels on success. */
async function withSecret(run: () => Promise<{ secret: string; endpointId?: string; previousSecretExpiresAt?: Date | null; message?: string }>): Promise<SecretResult> {
  const box: { out?: Awaited<ReturnType<typeof run>> } = {};
  const result = await toActionResult(async () => {
    box.out = await run();
    return box.out.message;
  });
  if (!result.ok || !box.out) return result;
  const { secret, endpointId, previousSecretExpiresAt } = box.out;
  return { ...result, secret, endpointId, previousSecretExpiresAt: previousSecretExpiresAt?.toISOString() ?? null };
}

export async function createWebhookEndpointAction(slug: string, input: unknown): Promise<SecretResult> {
  return withSecret(async () => {
    const context = await manager(slug);
    const endpoint = await createEndpoint(context, createEndpointInput.parse(input));
    return { secret: endpoint.secret, endpointId: endpoint.id, message: "Endpoint added." };
  });
}

export async function updateWebhookEndpointAction(slug: string, endpointId: string, input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    // Enabling and disabling have their own actions, each with its own confirmation.
    const { enabled: _enabled, ...changes } = updateEndpointInput.parse(input);
    await updateEndpoint(context, id(endpointId, "endpoint"), changes);
    return "Endpoint saved.";
  });
}

export async function setWebhookEndpointEnabledAction(slug: string, endpointId: string, enabled: boolean): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    if (typeof enabled !== "boolean") throw new AppError("VALIDATION_ERROR", "Enable or disable?");
    await updateEndpoint(context, id(endpointId, "endpoint"), { enabled });
    return enabled ? "Endpoint enabled: new events are delivered again." : "Endpoint disabled.";
  });
}

export async function deleteWebhookEndpointAction(slug: string, endpointId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    const endpoint = await deleteEndpoint(context, id(endpointId, "endpoint"));
    return `${endpoint.url} was deleted.`;
  });
}

export async function revealWebhookSecretAction(slug: string, endpointId: string): Promise<SecretResult> {
  return withSecret(async () => {
    const context = await manager(slug);
    return revealSecret(context, id(endpointId, "endpoint"));
  });
}

export async function rotateWebhookSecretAction(slug: string, endpointId: string): Promise<SecretResult> {
  return withSecret(async () => {
    const context = await manager(slug);
    const endpoint = await rotateSecret(context, id(endpointId, "endpoint"));
    return { secret: endpoint.secret, previousSecretExpiresAt: endpoint.previousSecretExpiresAt, message: "Secret rotated." };
  });
}

export async function sendWebhookTestEventAction(slug: string, endpointId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    await sendTestEvent(context, id(endpointId, "endpoint"));
    return "Test event queued: it shows in recent deliveries within a second.";
  });
}

export async function resendWebhookDeliveryAction(slug: string, deliveryId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    await resendDelivery(context, id(deliveryId, "delivery"));
    return "Resent with the same webhook-id.";
  });
}

export async function retryFailedWebhookDeliveriesAction(slug: string, endpointId: string): Promise<ActionResult> {
  return toActionResult(async () => {
    const context = await manager(slug);
    const count = await retryFailedDeliveries(context, id(endpointId, "endpoint"));
    return count === 0 ? "No failed deliveries to retry." : `${count} failed ${count === 1 ? "delivery" : "deliveries"} queued for another attempt.`;
  });
}
