// A property with rooms and an API key with the given scopes, for the route handlers' contract tests.
import { createApiKey } from "../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../lib/api-keys/schemas";
import { createProperty } from "./fixtures";

export async function propertyWithKey(scopes: string[] = ["full_access:write"], rooms = 4) {
  const fixture = await createProperty({ rooms });
  const [key] = await createApiKey({
    property: fixture.property,
    actor: { type: "USER", id: null, label: "Admin" },
    input: createApiKeyInput.parse({ name: "test", mode: "LIVE", scopes }),
  });
  return { ...fixture, key: key!.key };
}
