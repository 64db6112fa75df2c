"use server";
// The Keys tab's changes: create, roll, revoke keys and the property's API settings.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createApiKey, type IssuedKey } from "../api-keys/create-api-key";
import { revokeApiKey } from "../api-keys/revoke-api-key";
import { rollApiKey } from "../api-keys/roll-api-key";
import { createApiKeyInput, rollApiKeyInput, updateApiKeyDetailsInput } from "../api-keys/schemas";
import { updateApiKeyDetails } from "../api-keys/update-api-key-details";
import { apiSettingsInput, updateApiSettings } from "../properties/update-api-settings";
import { storableId } from "../db/storable-text";
import { propertyAction } from "./property-action";

/** Keys travel to the browser only in these answers: their one showing. */
type Issued = { keys: IssuedKey[] };

export const createApiKeyAction = propertyAction<typeof createApiKeyInput, Issued>(
  "manageApiAccess",
  createApiKeyInput,
  async ({ access, actor, input }) => ({
    keys: await createApiKey({ property: access.property, actor, input }),
  }),
  { sudo: true },
);

export const rollApiKeyAction = propertyAction<typeof rollApiKeyInput, Issued>(
  "manageApiAccess",
  rollApiKeyInput,
  async ({ access, actor, input }) => ({
    keys: await rollApiKey({ property: access.property, actor, input }),
  }),
  { sudo: true },
);

const revokeInput = z.object({ keyId: storableId("key"), pair: z.boolean().default(false) });

export const revokeApiKeyAction = propertyAction(
  "manageApiAccess",
  revokeInput,
  async ({ access, actor, input }) => {
    const key = await revokeApiKey({ propertyId: access.property.id, keyId: input.keyId, actor, pair: input.pair });
    return `${key.name} was revoked.`;
  },
  { sudo: true },
);

export const updateApiKeyDetailsAction = propertyAction("manageApiAccess", updateApiKeyDetailsInput, async ({ access, actor, input }) => {
  const { changed } = await updateApiKeyDetails({ propertyId: access.property.id, actor, input });
  return changed ? `${input.name} was saved.` : "Nothing to change.";
});

export const updateApiSettingsAction = propertyAction(
  "manageApiLimits",
  apiSettingsInput,
  async ({ slug, access, actor, input }) => {
    await updateApiSettings({ propertyId: access.property.id, actor, input });
    revalidatePath(`/${slug}/settings/api-access/keys`);
    return "API settings saved. Keys use them within a few seconds.";
  },
  { sudo: true },
);
