// Webhook endpoints of a property: create (the secret is returned once), change, enable/disable,
// delete, reveal and rotate the signing secret. Used by the dashboard's actions and by the API alike;
// every change is an audit event.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import type { WebhookEndpoint } from "../db/generated/prisma/client";
import { AppError, notFound } from "../errors/app-error";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { newSigningSecret, ROTATION_OVERLAP_MS } from "./signing";
import { assertDeliverableUrl, type Resolver } from "./url-guard";

export const MAX_ENDPOINTS_PER_PROPERTY = 20;

/** PostgreSQL text cannot hold NUL: refused as input, never a 500. */
const text = (max: number, message: string) => z.string().trim().max(max, message).refine((value) => !value.includes("\u0000"), "Text may not contain NUL characters");

const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: "Unknown event type" }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => (types.includes("*") ? ["*"] : [...new Set(types)].sort()));

export const createEndpointInput = z.strictObject({
  url: text(2048, "At most 2048 characters").pipe(z.string().min(1, "Enter the endpoint URL")),
  description: text(200, "At most 200 characters").default(""),
  eventTypes,
  enabled: z.boolean().default(true),
});
export type CreateEndpointInput = z.input<typeof createEndpointInput>;

export const updateEndpointInput = z.strictObject({
  url: createEndpointInput.shape.url.optional(),
  description: text(200, "At most 200 characters").optional(),
  eventTypes: eventTypes.optional(),
  enabled: z.boolean().optional(),
});
export type UpdateEndpointInput = z.input<typeof updateEndpointInput>;

export const newEndpointId = () => `we_${randomBytes(12).toString("hex")}`;

interface Context {
  propertyId: string;
  actor: Actor;
  resolve?: Resolver;
}

export async function createEndpoint(context: Context, input: z.output<typeof createEndpointInput>): Promise<WebhookEndpoint> {
  const url = await assertDeliverableUrl(input.url, { resolve: context.resolve });
  return db.$transaction(async (tx) => {
    const count = await tx.webhookEndpoint.count({ where: { propertyId: context.propertyId } });
    if (count >= MAX_ENDPOINTS_PER_PROPERTY) {
      throw new AppError("INVALID_STATE", `A property can have at most ${MAX_ENDPOINTS_PER_PROPERTY} webhook endpoints.`);
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        id: newEndpointId(),
        propertyId: context.propertyId,
        url,
        description: input.description,
        eventTypes: input.eventTypes,
        enabled: input.enabled,
        disabledReason: input.enabled ? null : "Disabled when created.",
        disabledAt: input.enabled ? null : new Date(),
        secret: newSigningSecret(),
        createdById: context.actor.type === "USER" ? context.actor.id : null,
      },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.created",
      targetType: "webhook_endpoint",
      targetId: endpoint.id,
      metadata: { url, eventTypes: input.eventTypes },
    });
    return endpoint;
  });
}

export async function getEndpoint(propertyId: string, endpointId: string): Promise<WebhookEndpoint> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId } });
  if (!endpoint) throw notFound("Webhook endpoint");
  return endpoint;
}

export async function updateEndpoint(context: Context, endpointId: string, input: z.output<typeof updateEndpointInput>): Promise<WebhookEndpoint> {
  const url = input.url === undefined ? undefined : await assertDeliverableUrl(input.url, { resolve: context.resolve });
  return db.$transaction(async (tx) => {
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
        // Enabling starts afresh: the failure streak that may have disabled it is forgotten.
        ...(enabling ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
        ...(disabling ? { disabledReason: `Disabled by ${context.actor.label}.`, disabledAt: new Date() } : {}),
      },
    });
    // Nothing is sent to a disabled endpoint: its queued deliveries fail now ("Retry all failed" after
    // enabling it sends them again), except those in flight, whose attempts are recorded as they end.
    if (disabling) {
      const now = new Date();
      await tx.webhookDelivery.updateMany({
        where: { endpointId, status: "PENDING", OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
        data: { status: "FAILED", nextAttemptAt: null, lastError: "Not sent: the endpoint was disabled." },
      });
    }
    const changed = (["url", "description", "eventTypes", "enabled"] as const).filter((field) => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(current[field]));
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
  });
}

export async function deleteEndpoint(context: Context, endpointId: string): Promise<WebhookEndpoint> {
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
    if (!endpoint) throw notFound("Webhook endpoint");
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.deleted",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      metadata: { url: endpoint.url },
    });
    return endpoint;
  });
}

/** The current secret, and the previous one while it still signs. Audited: someone looked. */
export async function revealSecret(context: Context, endpointId: string) {
  const endpoint = await getEndpoint(context.propertyId, endpointId);
  await recordAuditEvent(db, {
    propertyId: context.propertyId,
    actor: context.actor,
    action: "webhook_endpoint.secret_revealed",
    targetType: "webhook_endpoint",
    targetId: endpointId,
    metadata: { url: endpoint.url },
  });
  const now = new Date();
  const previousActive = endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return {
    secret: endpoint.secret,
    previousSecretExpiresAt: previousActive ? endpoint.previousSecretExpiresAt : null,
  };
}

/**
 * A new secret signs from now on; the old one signs too for 24 hours (both in webhook-signature).
 * Rotating again within those 24 hours ends the earlier overlap: only the two newest secrets sign
 * (rotating twice is how one drops a leaked secret at once).
 */
export async function rotateSecret(context: Context, endpointId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const current = await tx.webhookEndpoint.findFirst({ where: { id: endpointId, propertyId: context.propertyId } });
    if (!current) throw notFound("Webhook endpoint");
    const expires = new Date(now.getTime() + ROTATION_OVERLAP_MS);
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: { secret: newSigningSecret(), previousSecret: current.secret, previousSecretExpiresAt: expires },
    });
    await recordAuditEvent(tx, {
      propertyId: context.propertyId,
      actor: context.actor,
      action: "webhook_endpoint.secret_rotated",
      targetType: "webhook_endpoint",
      targetId: endpointId,
      metadata: { url: endpoint.url, previousSecretExpiresAt: expires.toISOString() },
    });
    return endpoint;
  });
}
