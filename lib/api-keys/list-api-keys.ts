import "server-only";
import { db } from "../db/client";
import { maskApiKey } from "./key-format";
import { keyStatus } from "./key-status";

/** The keys of a property as the dashboard and the CLI show them: never the key, only its preview. */
export async function listApiKeys(propertyId: string, now = new Date()) {
  const keys = await db.apiKey.findMany({ where: { propertyId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return keys.map((key) => ({
    id: key.id,
    name: key.name,
    note: key.note,
    mode: key.mode,
    preview: maskApiKey(key.mode, key.last4),
    last4: key.last4,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    createdBy: key.createdByLabel,
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    requestCount: Number(key.requestCount),
    expiresAt: key.expiresAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
    revokedBy: key.revokedByLabel,
    rolledAt: key.rolledAt?.toISOString() ?? null,
    pairId: key.pairId,
    rolledFromId: key.rolledFromId,
    status: keyStatus(key, now),
  }));
}
export type ApiKeyView = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function listApiKeyActivity(propertyId: string, limit = 50) {
  const events = await db.auditEvent.findMany({
    where: { propertyId, targetType: "api_key" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actor: e.actorLabel,
    keyId: e.targetId,
    createdAt: e.createdAt.toISOString(),
    metadata: e.metadata as Record<string, unknown>,
  }));
}
export type ApiKeyActivity = Awaited<ReturnType<typeof listApiKeyActivity>>[number];
