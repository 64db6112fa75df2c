import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type DbTx } from "../db/client";
import type { ApiKeyMode, Plan } from "../db/generated/prisma/enums";
import { assertPlanIncludesApi } from "../properties/plan";
import { generateApiKey, hashApiKey, maskApiKey } from "./key-format";
import { expiryDate, type CreateApiKeyInput } from "./schemas";

export interface IssuedKey {
  id: string;
  name: string;
  mode: ApiKeyMode;
  /** The plaintext key: returned here once and never stored. */
  key: string;
  preview: string;
}

/** Writes one key row and returns its plaintext; the caller supplies the transaction. */
export async function issueKey(
  tx: DbTx,
  data: {
    propertyId: string;
    name: string;
    note?: string | null;
    mode: ApiKeyMode;
    scopes: string[];
    expiresAt: Date | null;
    actor: Actor;
    pairId?: string | null;
    rolledFromId?: string | null;
  },
): Promise<IssuedKey> {
  const key = generateApiKey(data.mode);
  const row = await tx.apiKey.create({
    data: {
      propertyId: data.propertyId,
      name: data.name,
      note: data.note ?? null,
      mode: data.mode,
      hash: hashApiKey(key),
      last4: key.slice(-4),
      scopes: data.scopes,
      expiresAt: data.expiresAt,
      createdById: data.actor.id,
      createdByLabel: data.actor.label,
      pairId: data.pairId ?? null,
      rolledFromId: data.rolledFromId ?? null,
    },
  });
  return { id: row.id, name: row.name, mode: row.mode, key, preview: maskApiKey(row.mode, row.last4) };
}

/** Creates a live key, a test key, or a live + test pair with the same name, scopes and expiry. */
export async function createApiKey(options: {
  property: { id: string; plan: Plan };
  actor: Actor;
  input: CreateApiKeyInput;
}): Promise<IssuedKey[]> {
  const { property, actor, input } = options;
  assertPlanIncludesApi(property);
  const modes: ApiKeyMode[] = input.mode === "PAIR" ? ["LIVE", "TEST"] : [input.mode];
  const pairId = input.mode === "PAIR" ? randomUUID() : null;
  const scopes = [...new Set(input.scopes)];
  const expiresAt = expiryDate(input);
  return db.$transaction(async (tx) => {
    const issued: IssuedKey[] = [];
    for (const mode of modes) {
      const key = await issueKey(tx, {
        propertyId: property.id,
        name: input.name,
        note: input.note,
        mode,
        scopes,
        expiresAt,
        actor,
        pairId,
      });
      issued.push(key);
      await recordAuditEvent(tx, {
        propertyId: property.id,
        actor,
        action: "api_key.created",
        targetType: "api_key",
        targetId: key.id,
        metadata: { name: input.name, mode, scopes, preview: key.preview, expiresAt: expiresAt?.toISOString() ?? null },
      });
    }
    return issued;
  });
}
