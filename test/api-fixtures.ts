// A property with rooms and an API key with the given scopes, for the route handlers' contract tests.
import { createApiKey } from "../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../lib/api-keys/schemas";
import { createProperty } from "./fixtures";

/** Another key (LIVE or TEST) for a property the test already has. */
export async function keyFor(property: Parameters<typeof createApiKey>[0]["property"], scopes: string[], mode: "LIVE" | "TEST" = "LIVE") {
  const [key] = await createApiKey({
    property,
    actor: { type: "USER", id: null, label: "Admin" },
    input: createApiKeyInput.parse({ name: `test ${mode}`, mode, scopes }),
  });
  return key!.key;
}

export async function propertyWithKey(scopes: string[] = ["full_access:write"], rooms = 4) {
  const fixture = await createProperty({ rooms });
  return { ...fixture, key: await keyFor(fixture.property, scopes) };
}
