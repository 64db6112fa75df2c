"use server";

import { revalidatePath } from "next/cache";
import { userActor } from "@/lib/audit/record-audit-event";
import { createApiKey, type IssuedKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { rollApiKey } from "@/lib/api-keys/roll-api-key";
import { createApiKeyInput, rollApiKeyInput } from "@/lib/api-keys/schemas";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { apiSettingsInput, updateApiSettings } from "@/lib/properties/update-api-settings";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { toActionResult, type ActionResult } from "@/lib/errors/action-result";

type KeysResult = ActionResult & { keys?: IssuedKey[] };

async function manager(slug: string) {
  const access = await getPropertyAccess(slug);
  if (!can.manageApiAccess(access.role)) throw new AppError("FORBIDDEN", "Only owners and admins can manage API keys.");
  return access;
}

/** Runs a use case that issues keys and answers with them (their only showing). */
async function issuing(slug: string, issue: (access: Awaited<ReturnType<typeof manager>>) => Promise<IssuedKey[]>): Promise<KeysResult> {
  let keys: IssuedKey[] = [];
  const result = await toActionResult(async () => {
    keys = await issue(await manager(slug));
  });
  return result.ok ? { ...result, keys } : result;
}

export async function createApiKeyAction(slug: string, input: unknown): Promise<KeysResult> {
  return issuing(slug, (access) => createApiKey({ property: access.property, actor: userActor(access.user), input: createApiKeyInput.parse(input) }));
}

export async function rollApiKeyAction(slug: string, input: unknown): Promise<KeysResult> {
  return issuing(slug, (access) => rollApiKey({ property: access.property, actor: userActor(access.user), input: rollApiKeyInput.parse(input) }));
}

export async function revokeApiKeyAction(slug: string, keyId: string, pair = false): Promise<ActionResult> {
  return toActionResult(async () => {
    const access = await manager(slug);
    if (typeof keyId !== "string" || !keyId) throw new AppError("VALIDATION_ERROR", "Which key?");
    const key = await revokeApiKey({ propertyId: access.property.id, keyId, actor: userActor(access.user), pair: pair === true });
    return `${key.name} was revoked.`;
  });
}

export async function updateApiSettingsAction(slug: string, input: unknown): Promise<ActionResult> {
  return toActionResult(async () => {
    const access = await getPropertyAccess(slug);
    if (!can.manageApiLimits(access.role)) throw new AppError("FORBIDDEN", "Only owners can change the API limits.");
    await updateApiSettings({ propertyId: access.property.id, actor: userActor(access.user), input: apiSettingsInput.parse(input) });
    revalidatePath(`/${slug}/settings/api-access`);
    return "API settings saved. Keys use them within a few seconds.";
  });
}
