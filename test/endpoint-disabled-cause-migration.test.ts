// The migration that replaces an endpoint's disabled sentence with a cause reads the sentences already
// stored back into causes, and the sentences the API then words from them are the ones it stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import type { EndpointDisabledCause } from "../lib/db/generated/prisma/enums";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../lib/db/migrate";
import { describeDisabled } from "../lib/webhooks/disabled-reason";

const MIGRATION = "20261203211841_endpoint_disabled_cause";

/** A copy of prisma/migrations holding only the migrations before `name` (then `name` is added). */
function migrationsUpTo(name: string): { dir: string; add(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const m of readMigrations().filter((m) => m.name < name))
    fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  return { dir, add: () => fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true }) };
}

// [id, enabled, disabledReason, disabledAt, failingSince] as the code before the migration wrote them.
const before: [string, boolean, string | null, string | null, string | null][] = [
  ["we_enabled", true, null, null, null],
  ["we_created", false, "Disabled when created.", "2026-11-01T08:00:00.000Z", null],
  ["we_person", false, "Disabled by Adam Admin <adam@example.com>.", "2026-11-02T08:00:00.000Z", null],
  ["we_key", false, "Disabled by API key “Channel manager” (…a1B2).", "2026-11-03T08:00:00.000Z", null],
  [
    "we_failing",
    false,
    "Disabled automatically: every delivery failed for 5 days (since 2026-11-10 07:42 UTC).",
    "2026-11-15T07:43:10.000Z",
    "2026-11-10T07:42:31.250Z",
  ],
  // A success recorded after it was disabled cleared its failingSince: the sentence still knows when.
  [
    "we_failing_cleared",
    false,
    "Disabled automatically: every delivery failed for 5 days (since 2026-11-11 23:59 UTC).",
    "2026-11-17T00:00:00.000Z",
    null,
  ],
  ["we_gone", false, "Disabled automatically: the endpoint answered 410 Gone on 2026-11-20 13:14 UTC.", "2026-11-20T13:14:15.000Z", null],
  ["we_other", false, "Paused for maintenance", "2026-11-21T08:00:00.000Z", null],
  ["we_unknown", false, null, null, null],
];

const expected: Record<string, { disabledCause: EndpointDisabledCause | null; disabledBy: string | null }> = {
  we_enabled: { disabledCause: null, disabledBy: null },
  we_created: { disabledCause: "CREATED_DISABLED", disabledBy: null },
  we_person: { disabledCause: "BY_USER", disabledBy: "Adam Admin <adam@example.com>" },
  we_key: { disabledCause: "BY_USER", disabledBy: "API key “Channel manager” (…a1B2)" },
  we_failing: { disabledCause: "FAILING", disabledBy: null },
  we_failing_cleared: { disabledCause: "FAILING", disabledBy: null },
  we_gone: { disabledCause: "GONE", disabledBy: null },
  we_other: { disabledCause: "BY_USER", disabledBy: null },
  we_unknown: { disabledCause: null, disabledBy: null },
};

describe(`migration ${MIGRATION}`, () => {
  it("maps each stored sentence to its cause (and who), and the sentences worded from them are the stored ones", async () => {
    const migrations = migrationsUpTo(MIGRATION);
    const database = await startEmbeddedDatabase({ dataDir: null });
    const client = new pg.Client({ connectionString: database.url });
    try {
      await migrate(database.url, { dir: migrations.dir });
      await client.connect();
      await client.query(`INSERT INTO "Property" (id, slug, name, "updatedAt") VALUES ('p1', 'p1', 'One', now())`);
      for (const [id, enabled, reason, disabledAt, failingSince] of before) {
        await client.query(
          `INSERT INTO "WebhookEndpoint" (id, "propertyId", url, "eventTypes", enabled, "disabledReason", "disabledAt", "failingSince", secret, "updatedAt")
           VALUES ($1, 'p1', 'https://example.com/hook', '{*}', $2, $3, $4, $5, 'sealed', now())`,
          [id, enabled, reason, disabledAt, failingSince],
        );
      }

      migrations.add();
      expect((await migrate(database.url, { dir: migrations.dir })).applied).toEqual([MIGRATION]);

      const { rows } = await client.query<{
        id: string;
        disabledCause: EndpointDisabledCause | null;
        disabledBy: string | null;
        disabledAt: Date | null;
        failingSince: Date | null;
      }>(`SELECT id, "disabledCause", "disabledBy", "disabledAt", "failingSince" FROM "WebhookEndpoint"`);
      const byId = new Map(rows.map((r) => [r.id, r]));
      expect(Object.fromEntries(rows.map((r) => [r.id, { disabledCause: r.disabledCause, disabledBy: r.disabledBy }]))).toEqual(expected);

      // Every known sentence is worded again exactly; only an unknown one becomes "Disabled by a person.".
      for (const [id, , reason] of before) {
        const row = byId.get(id)!;
        const worded = describeDisabled({
          cause: row.disabledCause,
          by: row.disabledBy,
          at: row.disabledAt,
          failingSince: row.failingSince,
        });
        expect(worded, id).toBe(id === "we_other" ? "Disabled by a person." : reason);
      }
      // failingSince is rewritten only where it no longer named the sentence's minute.
      expect(byId.get("we_failing")!.failingSince).toEqual(new Date("2026-11-10T07:42:31.250Z"));
      expect(byId.get("we_failing_cleared")!.failingSince).toEqual(new Date("2026-11-11T23:59:00.000Z"));

      const columns = await client.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = 'WebhookEndpoint' AND column_name = 'disabledReason'`,
      );
      expect(columns.rowCount).toBe(0);
    } finally {
      await client.end();
      await database.stop();
      fs.rmSync(migrations.dir, { recursive: true, force: true });
    }
  });
});
