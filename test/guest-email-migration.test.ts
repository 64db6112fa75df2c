// The migration that makes a guest's email unique per property builds its index on a database that
// already holds duplicates (walk-in check-ins never checked the address; concurrent creates raced).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { MIGRATIONS_DIR, migrate, readMigrations } from "../lib/db/migrate";

const MIGRATION = "20261203171500_guest_email_unique_per_property";

/** A copy of prisma/migrations holding only the migrations before `name` (then `name` is added). */
function migrationsUpTo(name: string): { dir: string; add(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const m of readMigrations().filter((m) => m.name < name))
    fs.cpSync(path.join(MIGRATIONS_DIR, m.name), path.join(dir, m.name), { recursive: true });
  return { dir, add: () => fs.cpSync(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true }) };
}

describe(`migration ${MIGRATION}`, () => {
  it("keeps each address on its oldest guest, detaches the later duplicates with an audit event each, merges nothing, then refuses a new duplicate", async () => {
    const migrations = migrationsUpTo(MIGRATION);
    const database = await startEmbeddedDatabase({ dataDir: null });
    const client = new pg.Client({ connectionString: database.url });
    try {
      await migrate(database.url, { dir: migrations.dir });
      await client.connect();
      await client.query(
        `INSERT INTO "Property" (id, slug, name, "updatedAt") VALUES ('p1', 'p1', 'One', now()), ('p2', 'p2', 'Two', now())`,
      );
      const guests: [string, string, string | null, string, string | null][] = [
        ["g1", "p1", "ada@example.com", "2026-01-01", null],
        ["g2", "p1", "Ada@Example.com", "2026-01-02", null], // the same address in another case
        ["g3", "p1", "ada@example.com", "2026-01-03", null],
        ["g4", "p2", "ada@example.com", "2026-01-04", null], // another property may have it
        ["g5", "p1", "Bob@Example.com", "2026-01-05", null], // alone, but not in lower case
        ["g6", "p1", null, "2026-01-06", "2026-02-01"], // erased
        ["g7", "p1", null, "2026-01-07", "2026-02-01"],
      ];
      for (const [id, propertyId, email, createdAt, erasedAt] of guests) {
        await client.query(
          `INSERT INTO "Guest" (id, "propertyId", "firstName", "lastName", email, "createdAt", "updatedAt", "erasedAt") VALUES ($1, $2, 'A', 'B', $3, $4, $4, $5)`,
          [id, propertyId, email, createdAt, erasedAt],
        );
      }

      migrations.add();
      expect((await migrate(database.url, { dir: migrations.dir })).applied).toEqual([MIGRATION]);

      const { rows } = await client.query(`SELECT id, email FROM "Guest" ORDER BY id`);
      expect(rows).toEqual([
        { id: "g1", email: "ada@example.com" },
        { id: "g2", email: null },
        { id: "g3", email: null },
        { id: "g4", email: "ada@example.com" },
        { id: "g5", email: "bob@example.com" },
        { id: "g6", email: null },
        { id: "g7", email: null },
      ]);
      const audit = await client.query(
        `SELECT "propertyId", "actorType", action, "targetId", metadata FROM "AuditEvent" ORDER BY "targetId"`,
      );
      expect(audit.rows).toEqual(
        ["g2", "g3"].map((id) => ({
          propertyId: "p1",
          actorType: "SYSTEM",
          action: "guest.email_detached",
          targetId: id,
          metadata: { duplicateOf: "g1" },
        })),
      );
      await expect(
        client.query(
          `INSERT INTO "Guest" (id, "propertyId", "firstName", "lastName", email, "updatedAt") VALUES ('g8', 'p1', 'A', 'B', 'ADA@example.com', now())`,
        ),
      ).rejects.toThrow(/Guest_propertyId_lower_email_key/);
    } finally {
      await client.end();
      await database.stop();
      fs.rmSync(migrations.dir, { recursive: true, force: true });
    }
  });
});
