// Platform operators' CLI for integration partners (their key is sent as X-Api-Key):
//   npm run partners -- create --name "Acme Locks" [--per-second 50] [--burst 100] [--per-day 1000000]
//   npm run partners -- list
//   npm run partners -- revoke <partner id>
import { parseArgs } from "node:util";
import { CliError, runWithDatabase, UsageError } from "../lib/db/run-cli";
import { createPartner, listPartners, revokePartner } from "../lib/partners/partners";

const USAGE = `Usage:
  npm run partners -- create --name <name> [--per-second N] [--burst N] [--per-day N]
  npm run partners -- list
  npm run partners -- revoke <partner id>`;

const positive = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`--${name} must be a whole number ≥ 1`);
  return number;
};

async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, "per-second": { type: "string" }, burst: { type: "string" }, "per-day": { type: "string" } },
  });
  const [command, id] = positionals;
  if (command === "create") {
    const name = values.name?.trim();
    if (!name) throw new UsageError("--name is required");
    const { partner, key } = await createPartner({
      name,
      rateLimitPerSecond: positive(values["per-second"], "per-second"),
      rateLimitBurst: positive(values.burst, "burst"),
      rateLimitPerDay: positive(values["per-day"], "per-day"),
    });
    console.log(`${partner.id}  ${key}`);
    console.error("Give this partner key to the integrator now: it is shown only this once.");
  } else if (command === "list") {
    for (const p of await listPartners()) {
      console.log(
        [
          p.id,
          `pk_••••${p.last4}`,
          JSON.stringify(p.name),
          `${p.rateLimitPerSecond}/s burst ${p.rateLimitBurst} ${p.rateLimitPerDay}/day`,
          p.revokedAt ? `revoked ${p.revokedAt.toISOString()}` : "active",
        ].join("  "),
      );
    }
  } else if (command === "revoke" && id) {
    const partner = await revokePartner(id).catch(() => null);
    if (!partner) throw new CliError(`No partner with the id ${id}.`);
    console.log(`Revoked ${partner.id} (${partner.name}).`);
  } else {
    throw new UsageError(command ? `Unknown command "${command}"` : "No command given");
  }
}

await runWithDatabase({ name: "partners", requireMigrated: true, usage: USAGE }, () => run(process.argv.slice(2)));
