// Platform operators' CLI for integration partners (their key is sent as X-Api-Key):
//   npm run partners -- create --name "Acme Locks" [--per-second 50] [--burst 100] [--per-day 1000000]
//   npm run partners -- list
//   npm run partners -- revoke <partner id>
import { parseArgs } from "node:util";
import { closeDb } from "../lib/db/client";
import { pendingMigrations } from "../lib/db/migrate";
import { openDatabase } from "../lib/db/open-database";
import { createPartner, listPartners, revokePartner } from "../lib/partners/partners";

const USAGE = `Usage:
  npm run partners -- create --name <name> [--per-second N] [--burst N] [--per-day N]
  npm run partners -- list
  npm run partners -- revoke <partner id>`;

const positive = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return number;
};

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = String(database.poolSize);
try {
  const pending = await pendingMigrations(database.url);
  if (pending.length > 0) throw new Error(`The database has pending migrations (${pending.join(", ")}). Run \`npm run db:migrate\` first.`);
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { name: { type: "string" }, "per-second": { type: "string" }, burst: { type: "string" }, "per-day": { type: "string" } },
  });
  const [command, id] = positionals;
  if (command === "create") {
    const name = values.name?.trim();
    if (!name) throw new Error(`--name is required\n\n${USAGE}`);
    const { partner, key } = await createPartner({ name, rateLimitPerSecond: positive(values["per-second"], "per-second"), rateLimitBurst: positive(values.burst, "burst"), rateLimitPerDay: positive(values["per-day"], "per-day") });
    console.log(`${partner.id}  ${key}`);
    console.error("Give this partner key to the integrator now: it is shown only this once.");
  } else if (command === "list") {
    for (const p of await listPartners()) {
      console.log([p.id, `pk_••••${p.last4}`, JSON.stringify(p.name), `${p.rateLimitPerSecond}/s burst ${p.rateLimitBurst} ${p.rateLimitPerDay}/day`, p.revokedAt ? `revoked ${p.revokedAt.toISOString()}` : "active"].join("  "));
    }
  } else if (command === "revoke" && id) {
    const partner = await revokePartner(id).catch(() => null);
    if (!partner) throw new Error(`No partner with the id ${id}.`);
    console.log(`Revoked ${partner.id} (${partner.name}).`);
  } else {
    throw new Error(USAGE);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await closeDb();
  await database.close();
}
