import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { createProperty } from "../test/fixtures";
import { hashApiKey, KEY_PATTERN } from "../lib/api-keys/key-format";
import { databaseSettings, db } from "../lib/db/client";
import { childProcessEnv } from "../lib/env";

const tsx = path.resolve("node_modules/.bin/tsx");
// Asynchronous on purpose: the test's own event loop serves the embedded database the CLI talks to.
const cli =
  (script: string) =>
  (...args: string[]) =>
    promisify(execFile)(tsx, ["--conditions=react-server", script, ...args], {
      env: childProcessEnv({ DATABASE_URL: databaseSettings().url, DATABASE_POOL_SIZE: String(databaseSettings().poolSize) }),
      encoding: "utf8",
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
const keys = cli("scripts/keys.ts");
const partners = cli("scripts/partners.ts");

describe("npm run keys", () => {
  it("creates a key printed once, lists it masked, and revokes it", async () => {
    const { property } = await createProperty();
    const created = await keys("create", "--property", property.slug, "--name", "CI", "--scopes", "full_access:write", "--mode", "test");
    expect(created.code).toBe(0);
    const [, id, key] = /^TEST (\S+) +(\S+)$/m.exec(created.stdout) ?? [];
    expect(key).toMatch(KEY_PATTERN);
    expect(key).toMatch(/^pms_test_/);
    expect(created.stderr).toContain("shown only this once");
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({
      hash: hashApiKey(key!),
      mode: "TEST",
      scopes: ["full_access:write"],
      createdByLabel: "Operator CLI",
      propertyId: property.id,
    });

    const listed = await keys("list", "--property", property.slug);
    expect(listed.stdout).toContain(`pms_test_••••••••${key!.slice(-4)}`);
    expect(listed.stdout).not.toContain(key!);
    expect(listed.stdout).toContain("Active");

    const revoked = await keys("revoke", id!);
    expect(revoked.code).toBe(0);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: id! } })).revokedAt).toBeInstanceOf(Date);
    expect((await keys("list", "--property", property.slug)).stdout).toContain("Revoked");
  });

  it("explains bad input and exits non-zero without writing", async () => {
    const { property } = await createProperty();
    const badScope = await keys("create", "--property", property.slug, "--name", "x", "--scopes", "everything");
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain("scopes.0: Invalid option");
    const noProperty = await keys("list", "--property", "no-such-property");
    expect(noProperty.code).toBe(2);
    expect(noProperty.stderr).toContain('No property with the slug "no-such-property"');
    const unknown = await keys("revoke", "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No API key with the id nope.");
    expect(await db.apiKey.count({ where: { propertyId: property.id } })).toBe(0);
  });
});

describe("npm run partners and keys limits", () => {
  it("registers a partner with its key shown once, lists it masked, and revokes it", async () => {
    const created = await partners("create", "--name", "Acme Locks", "--burst", "7");
    expect(created.code).toBe(0);
    const [, id, key] = /^(\S+) +(pk_[0-9A-Za-z]{32})$/m.exec(created.stdout) ?? [];
    expect(key).toBeDefined();
    expect(await db.partner.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      name: "Acme Locks",
      rateLimitBurst: 7,
      last4: key!.slice(-4),
    });
    const listed = await partners("list");
    expect(listed.stdout).toContain(`pk_••••${key!.slice(-4)}`);
    expect(listed.stdout).not.toContain(key!);
    expect((await partners("revoke", id!)).code).toBe(0);
    expect((await db.partner.findUniqueOrThrow({ where: { id: id! } })).revokedAt).toBeInstanceOf(Date);
    const nameless = await partners("create");
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toContain("--name is required");
  });

  it("sets a property's rate limits, refusing impossible ones", async () => {
    const { property } = await createProperty();
    expect((await keys("limits", "--property", property.slug, "--per-second", "3", "--burst", "6", "--per-day", "500")).code).toBe(0);
    expect(await db.property.findUniqueOrThrow({ where: { id: property.id } })).toMatchObject({
      rateLimitPerSecond: 3,
      rateLimitBurst: 6,
      rateLimitPerDay: 500,
    });
    const bad = await keys("limits", "--property", property.slug, "--burst", "1");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("rateLimitBurst: The burst must be at least the per-second rate");
  });
});
