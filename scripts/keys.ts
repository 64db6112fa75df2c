// Operators' CLI for API keys, on the embedded database or DATABASE_URL:
//   npm run keys -- create --property grand-hotel --name "CI" --scopes full_access:write [--mode live|test|pair] [--expires never|30d|90d|365d|YYYY-MM-DD]
//   npm run keys -- list --property grand-hotel
//   npm run keys -- revoke <key id>
//   npm run keys -- limits --property grand-hotel --per-second 5 --burst 10 --per-day 10000
import { parseArgs } from "node:util";
import { createApiKey } from "../lib/api-keys/create-api-key";
import { listApiKeys } from "../lib/api-keys/list-api-keys";
import { revokeApiKey } from "../lib/api-keys/revoke-api-key";
import { createApiKeyInput } from "../lib/api-keys/schemas";
import type { Actor } from "../lib/audit/record-audit-event";
import { db } from "../lib/db/client";
import { runWithDatabase, UsageError } from "../lib/db/run-cli";
import { AppError } from "../lib/errors/app-error";
import { apiSettingsInput, updateApiSettings } from "../lib/properties/update-api-settings";

const actor: Actor = { type: "SYSTEM", id: null, label: "Operator CLI" };
const USAGE = `Usage:
  npm run keys -- create --property <slug> --name <name> --scopes <scope,scope> [--mode live|test|pair] [--expires never|30d|90d|365d|YYYY-MM-DD]
  npm run keys -- list --property <slug>
  npm run keys -- revoke <key id>
  npm run keys -- limits --property <slug> --per-second N --burst N --per-day N`;

async function property(slug: string | undefined) {
  if (!slug) throw new UsageError("--property is required");
  const found = await db.property.findUnique({ where: { slug } });
  if (!found) throw new UsageError(`No property with the slug "${slug}"`);
  return found;
}

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      property: { type: "string" },
      name: { type: "string" },
      scopes: { type: "string" },
      mode: { type: "string", default: "live" },
      expires: { type: "string", default: "never" },
      "per-second": { type: "string" },
      burst: { type: "string" },
      "per-day": { type: "string" },
    },
  });
  const [command, ...rest] = positionals;
  switch (command) {
    case "create": {
      const target = await property(values.property);
      const expires = values.expires ?? "never";
      const input = createApiKeyInput.parse({
        name: values.name ?? "",
        mode: (values.mode ?? "live").toUpperCase(),
        scopes: (values.scopes ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        expiry: /^\d{4}-\d{2}-\d{2}$/.test(expires) ? "date" : expires,
        expiresOn: /^\d{4}-\d{2}-\d{2}$/.test(expires) ? expires : undefined,
      });
      const keys = await createApiKey({ property: target, actor, input });
      for (const key of keys) console.log(`${key.mode.padEnd(4)} ${key.id}  ${key.key}`);
      console.error("Store the key now: it is shown only this once.");
      return;
    }
    case "list": {
      const target = await property(values.property);
      const keys = await listApiKeys(target.id);
      if (keys.length === 0) console.log(`No API keys for ${target.slug}.`);
      for (const key of keys) {
        console.log(
          [
            key.id,
            key.preview,
            key.mode,
            JSON.stringify(key.name),
            key.scopes.join(","),
            key.status.label,
            `requests=${key.requestCount}`,
            `lastUsed=${key.lastUsedAt ?? "never"}`,
          ].join("  "),
        );
      }
      return;
    }
    case "revoke": {
      const id = rest[0];
      if (!id) throw new UsageError("revoke needs the key's id (see `keys list`)");
      const key = await db.apiKey.findUnique({ where: { id }, select: { propertyId: true } });
      if (!key) throw new AppError("NOT_FOUND", `No API key with the id ${id}.`);
      const revoked = await revokeApiKey({ propertyId: key.propertyId, keyId: id, actor });
      console.log(`Revoked ${revoked.id} (${revoked.name}).`);
      return;
    }
    case "limits": {
      const target = await property(values.property);
      const input = apiSettingsInput.parse({
        rateLimitPerSecond: values["per-second"] ?? target.rateLimitPerSecond,
        rateLimitBurst: values.burst ?? target.rateLimitBurst,
        rateLimitPerDay: values["per-day"] ?? target.rateLimitPerDay,
        requirePartnerKey: target.requirePartnerKey,
        logRetentionDays: target.logRetentionDays,
      });
      const after = await updateApiSettings({ propertyId: target.id, actor, input });
      console.log(`${target.slug}: ${after.rateLimitPerSecond}/s, bursts of ${after.rateLimitBurst}, ${after.rateLimitPerDay}/day`);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}"` : "No command given");
  }
}

await runWithDatabase({ name: "keys", requireMigrated: true, usage: USAGE }, () => run(process.argv.slice(2)));
