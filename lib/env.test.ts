import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { childProcessEnv, ENV_VARIABLES, EnvError, parseEnv } from "./env";

const refusal = (source: Record<string, string>) => {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(source)}`);
};

describe("parseEnv", () => {
  it("refuses a WEBHOOK_CONCURRENCY that is not a whole number in range, naming the variable, the range and the value", () => {
    expect(refusal({ WEBHOOK_CONCURRENCY: "abc" })).toBe(
      'Environment variable WEBHOOK_CONCURRENCY must be a whole number from 1 to 1024, not "abc".',
    );
    expect(refusal({ WEBHOOK_CONCURRENCY: "0" })).toBe(
      'Environment variable WEBHOOK_CONCURRENCY must be a whole number from 1 to 1024, not "0".',
    );
    expect(refusal({ WEBHOOK_CONCURRENCY: "2.5" })).toContain("WEBHOOK_CONCURRENCY must be a whole number");
    expect(parseEnv({ WEBHOOK_CONCURRENCY: " 8 " }).WEBHOOK_CONCURRENCY).toBe(8);
  });

  it("writes one line per bad variable", () => {
    const lines = refusal({
      WEBHOOK_CONCURRENCY: "abc",
      PORT: "70000",
      WEBHOOKS_WORKER: "maybe",
      SEED_DEMO_DATA: "no",
      DATABASE_URL: "mysql://db",
    }).split("\n");
    expect(lines).toEqual([
      "Environment variable DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@localhost:5432/pms.",
      'Environment variable SEED_DEMO_DATA must be true or false, not "no".',
      'Environment variable PORT must be a whole number from 1 to 65535, not "70000".',
      'Environment variable WEBHOOKS_WORKER must be on or off (or true/false), not "maybe".',
      'Environment variable WEBHOOK_CONCURRENCY must be a whole number from 1 to 1024, not "abc".',
    ]);
  });

  it("never echoes a database URL or a secret it refuses", () => {
    expect(refusal({ DATABASE_URL: "mysql://user:hunter2@db/pms" })).not.toContain("hunter2");
    expect(refusal({ NEXTAUTH_SECRET: "short-secret" })).toBe("Environment variable NEXTAUTH_SECRET must be at least 16 characters.");
  });

  it("fills in the defaults, and treats an empty variable as unset", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({
      PORT: 3000,
      PGLITE_DATA_DIR: ".data/pglite",
      SEED_DEMO_DATA: true,
      WEBHOOKS_WORKER: true,
      API_REQUEST_LOGS: true,
      WEBHOOK_CONCURRENCY: 64,
      WEBHOOK_ENDPOINT_CONCURRENCY: 16,
      WEBHOOK_POLL_MS: 100,
      WEBHOOK_TIMEOUT_MS: 15_000,
      KEY_USAGE_FLUSH_MS: 1_000,
      PMS_BENCH: false,
    });
    expect(defaults.DATABASE_URL).toBeUndefined();
    expect(defaults.WEBHOOKS_ALLOW_PRIVATE_NETWORKS).toBeUndefined();
    expect(defaults.WEBHOOK_LEASE_MS).toBeUndefined();
    expect(parseEnv({ PORT: "", WEBHOOK_CONCURRENCY: "", DATABASE_URL: "" })).toMatchObject({ PORT: 3000, WEBHOOK_CONCURRENCY: 64 });
  });

  it("reads switches as docs/operations.md writes them", () => {
    expect(
      parseEnv({
        WEBHOOKS_WORKER: "off",
        API_REQUEST_LOGS: "OFF",
        SEED_DEMO_DATA: "false",
        WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true",
        PMS_BENCH: "1",
      }),
    ).toMatchObject({
      WEBHOOKS_WORKER: false,
      API_REQUEST_LOGS: false,
      SEED_DEMO_DATA: false,
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: true,
      PMS_BENCH: true,
    });
    expect(refusal({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "yes" })).toBe(
      'Environment variable WEBHOOKS_ALLOW_PRIVATE_NETWORKS must be true or false, not "yes".',
    );
  });

  it("refuses a webhook lease no longer than an attempt's timeout", () => {
    expect(refusal({ WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_LEASE_MS: "2000" })).toContain(
      "Environment variable WEBHOOK_LEASE_MS must be longer than WEBHOOK_TIMEOUT_MS (2000)",
    );
    expect(refusal({ WEBHOOK_LEASE_MS: "10000" })).toContain("longer than WEBHOOK_TIMEOUT_MS (15000)");
    expect(parseEnv({ WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_LEASE_MS: "3000" })).toMatchObject({
      WEBHOOK_TIMEOUT_MS: 2000,
      WEBHOOK_LEASE_MS: 3000,
    });
  });

  it("gives every variable a one-line meaning", () => {
    for (const { name, description } of ENV_VARIABLES) {
      expect(description, name).toMatch(/^\S[^\n]{4,}$/);
    }
  });
});

describe("docs/operations.md's Environment table", () => {
  it("lists exactly the variables lib/env.ts reads", () => {
    const doc = fs.readFileSync(path.resolve("docs/operations.md"), "utf8");
    // The section runs to the next "## " heading, or to the end of the file.
    const section = /^## Environment\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(doc)?.[1];
    expect(section, "docs/operations.md has an ## Environment section").toBeDefined();
    // A row's first cell names one variable or several separated by " / ": `A` / `B`.
    const documented = section!
      .split("\n")
      .filter((line) => line.startsWith("| `"))
      .flatMap((line) =>
        line
          .split("|")[1]!
          .split(" / ")
          .map((name) => /^`([A-Z][A-Z0-9_]*)`$/.exec(name.trim())?.[1] ?? `unreadable: ${name.trim()}`),
      );
    const schema = ENV_VARIABLES.map((variable) => variable.name as string);
    expect(
      documented.filter((name) => !schema.includes(name)),
      "in docs/operations.md but not in lib/env.ts",
    ).toEqual([]);
    expect(
      schema.filter((name) => !documented.includes(name)),
      "in lib/env.ts but not in docs/operations.md",
    ).toEqual([]);
    expect(new Set(documented).size, "each variable documented once").toBe(documented.length);
  });

  it("is the only environment table: the README links to it", () => {
    const readme = fs.readFileSync(path.resolve("README.md"), "utf8");
    expect(readme).toContain("docs/operations.md");
    expect(readme).not.toMatch(/^## Environment$/m);
  });
});

describe("childProcessEnv", () => {
  it("passes this process's environment on, with overrides set and undefined ones removed", () => {
    const child = childProcessEnv({ PORT: "4321", DATABASE_URL: undefined });
    expect(child.PORT).toBe("4321");
    expect("DATABASE_URL" in child).toBe(false);
    expect(child.PATH).toBe(process.env.PATH);
  });
});

describe("a bad variable stops a command", () => {
  it("npm run worker prints one line naming WEBHOOK_CONCURRENCY and exits 1, without a stack trace", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pms-env-"));
    const result = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts"], {
      env: { ...process.env, WEBHOOK_CONCURRENCY: "abc", DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
      encoding: "utf8",
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Environment variable WEBHOOK_CONCURRENCY must be a whole number from 1 to 1024, not "abc".');
  });
});
