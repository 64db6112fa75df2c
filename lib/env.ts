// Every environment variable the app, its CLIs and its benchmarks read, validated in one place: type,
// default and meaning of each. Nothing else reads process.env (ESLint enforces it); code calls env(),
// which parses once and fails fast with one line per bad variable.
import { z } from "zod";

/** A whole number within [min, max]; the message names the range and the value it refused. */
function integer(min: number, max: number) {
  return z.string().transform((raw, ctx) => {
    const value = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min && value <= max) return value;
    ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}` });
    return z.NEVER;
  });
}

/** A yes/no switch, written with the words docs/operations.md documents for it (the first of each list). */
function flag(yes: string[], no: string[]) {
  const others = yes.length > 1 ? ` (or ${[...yes.slice(1), ...no.slice(1)].join("/")})` : "";
  return z.string().transform((raw, ctx) => {
    const word = raw.trim().toLowerCase();
    if (yes.includes(word)) return true;
    if (no.includes(word)) return false;
    ctx.addIssue({ code: "custom", message: `must be ${yes[0]} or ${no[0]}${others}, not ${JSON.stringify(raw)}` });
    return z.NEVER;
  });
}
const boolean = () => flag(["true"], ["false"]);
const onOff = () => flag(["on", "true"], ["off", "false"]);

// The value is not echoed: a database URL may hold a password.
const postgresUrl = z.string().transform((raw, ctx) => {
  const value = raw.trim();
  try {
    const url = new URL(value);
    if ((url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "") return value;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: "must be a PostgreSQL URL such as postgresql://user:password@localhost:5432/pms" });
  return z.NEVER;
});

const httpUrl = z.string().transform((raw, ctx) => {
  try {
    const url = new URL(raw.trim());
    if (url.protocol === "http:" || url.protocol === "https:") return url.toString();
  } catch {
    // reported below
  }
  ctx.addIssue({ code: "custom", message: `must be an http(s) URL such as https://pms.example.com, not ${JSON.stringify(raw)}` });
  return z.NEVER;
});

const text = () => z.string().trim().min(1);

const schema = z.object({
  // The database
  DATABASE_URL: postgresUrl.optional().describe("PostgreSQL server to use (postgresql://…); unset: the embedded PGlite database"),
  DATABASE_POOL_SIZE: integer(1, 100).optional().describe("connections per process; unset: 10, or 1 for the embedded database"),
  PGLITE_DATA_DIR: text().default(".data/pglite").describe("where the embedded database keeps its files"),
  SEED_DEMO_DATA: boolean().default(true).describe("false keeps an empty database empty on npm start"),
  // The server and sign-in
  PORT: integer(1, 65535).default(3000).describe("HTTP port the app serves on"),
  HOSTNAME: text()
    .optional()
    .describe(
      "address the app listens on; unset: 127.0.0.1 with the embedded demo database (its passwords are public), every interface with DATABASE_URL",
    ),
  NEXTAUTH_SECRET: z
    .string()
    .min(16, "must be at least 16 characters")
    .optional()
    .describe("signs session cookies; unset: generated once into .data/auth-secret"),
  // Never echoed: these are keys.
  DATA_ENCRYPTION_KEYS: z
    .string()
    .transform((raw, ctx) => {
      const entries = raw.split(",");
      const keys: { id: string; key: Buffer }[] = [];
      for (const entry of entries) {
        const match = /^\s*([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/_-]{43}=?)\s*$/.exec(entry);
        if (match) keys.push({ id: match[1]!, key: Buffer.from(match[2]!, "base64") });
      }
      const distinct = new Set(keys.map((k) => k.id)).size === entries.length;
      if (keys.length === entries.length && distinct && keys.every((k) => k.key.length === 32)) return keys;
      ctx.addIssue({ code: "custom", message: "must be id:key pairs such as k1:<base64 of 32 random bytes>[,k0:…] with distinct ids" });
      return z.NEVER;
    })
    .optional()
    .describe(
      "AES-256-GCM keys for webhook secrets and stored API answers at rest, k1:<base64 of 32 bytes>[,k0:…]: the first encrypts, all decrypt; unset: generated once into .data/data-encryption-keys",
    ),
  NEXTAUTH_URL: httpUrl.optional().describe("public URL of the app, when behind a proxy"),
  AUTH_TRUST_HOST: boolean().default(true).describe("build sign-in URLs from the request's Host header when NEXTAUTH_URL is unset"),
  SUDO_WINDOW_SECONDS: integer(10, 86_400)
    .default(600)
    .describe(
      "how long after entering the password (or a 2FA code) keys, secrets, limits and the team can be changed without entering it again",
    ),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://[user:pass@]host:port or smtps://…")
    .optional()
    .describe("mail server for team invitations (smtp://user:pass@host:587 or smtps://…); unset: invitation links are only shown to copy"),
  MAIL_FROM: text().default("PMS <no-reply@pms.local>").describe("sender of the mail the product sends"),
  PLAN_CONTACT: z
    .string()
    .regex(/^(https:\/\/[^\s]+|[^\s@]+@[^\s@]+\.[^\s@]+)$/, "must be an e-mail address or an https:// URL")
    .optional()
    .describe("whom a property's owners and admins ask for a plan change (an e-mail address or an https:// URL), named on the Plan page"),
  API_REQUEST_LOGS: onOff().default(true).describe("off: the integrators' API writes no request logs"),
  KEY_USAGE_FLUSH_MS: integer(10, 86_400_000).default(1_000).describe("how often API keys' last-used time and request count are written"),
  TRUST_PROXY_HOPS: integer(0, 10)
    .default(0)
    .describe("proxies in front of the app that append to X-Forwarded-For; 0: the client IP is not known (logged as none)"),
  // Webhooks
  WEBHOOKS_ALLOW_PRIVATE_NETWORKS: boolean()
    .optional()
    .describe(
      "allow webhook URLs on loopback/private/link-local addresses and plain http://; unset: true with the embedded database, else false",
    ),
  WEBHOOKS_WORKER: onOff().default(true).describe("off: this app instance delivers no webhooks (run npm run worker instead)"),
  WEBHOOK_CONCURRENCY: integer(1, 1024).default(64).describe("webhook requests in flight per worker"),
  WEBHOOK_ENDPOINT_CONCURRENCY: integer(1, 1024).default(16).describe("webhook requests in flight to any one endpoint"),
  WEBHOOK_POLL_MS: integer(1, 60_000).default(100).describe("how often an idle webhook worker looks for work when NOTIFY does not wake it"),
  WEBHOOK_TIMEOUT_MS: integer(100, 300_000).default(15_000).describe("timeout of one webhook attempt"),
  WEBHOOK_LEASE_MS: integer(100, 3_600_000)
    .optional()
    .describe("how long a claimed delivery stays with its worker; unset: the timeout + 15000"),
  PMS_API_KEY: text()
    .optional()
    .describe("npm run listen: the API key to stream with when --api-key is not given (keeps the key out of the process list)"),
  // Tests and benchmarks
  TEST_DATABASE_URL: postgresUrl.optional().describe("PostgreSQL server for the Vitest suite; unset: in-memory PGlite"),
  CHROMIUM_PATH: text().default("/usr/bin/chromium").describe("browser for Playwright (Debian's chromium package)"),
  VITEST_JSON: text().optional().describe("where Vitest also writes a JSON report (CI sets it)"),
  CI: flag(["true", "1"], ["false", "0"]).default(false).describe("set by CI runs: Playwright also writes .reports/playwright.json"),
  E2E_PORT: integer(1, 65535).default(3100).describe("port of the server the Playwright suite starts"),
  BENCH_DATABASE_URL: postgresUrl.optional().describe("PostgreSQL server for the benchmarks; unset: a fresh embedded PGlite"),
  PMS_BENCH: flag(["true", "1"], ["false", "0"]).default(false).describe("benchmark servers only: honour X-Bench-Bypass"),
  BENCH_ROUNDS: integer(1, 100).default(3).describe("npm run bench: alternating rounds"),
  BENCH_SECONDS: integer(1, 600).default(5).describe("npm run bench: seconds of load per route and round"),
  BENCH_CONNECTIONS: integer(1, 1000).default(10).describe("npm run bench: concurrent connections"),
  BENCH_LOG_ROWS: integer(1, 100_000_000).default(1_000_000).describe("npm run bench:logs: request log rows to fill"),
  BENCH_WEBHOOK_EVENTS: integer(4, 1_000_000).default(5_000).describe("npm run bench:webhooks: events of the throughput runs"),
  BENCH_WEBHOOK_LATENCY_EVENTS: integer(1, 100_000).default(200).describe("npm run bench:webhooks: events of the latency run"),
  BENCH_WEBHOOK_RATE: integer(1, 10_000).default(20).describe("npm run bench:webhooks: events per second of the latency run"),
});

export type Env = z.infer<typeof schema>;

/** The variables, each with its one-line meaning (what the Environment table in docs/operations.md documents). */
export const ENV_VARIABLES: readonly { name: keyof Env; description: string }[] = Object.entries(schema.shape).map(([name, field]) => ({
  name: name as keyof Env,
  description: field.description ?? "",
}));

/** One line per bad variable, e.g. `Environment variable PORT must be a whole number from 1 to 65535, not "abc".` */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Validates `source` (tests pass their own; code calls env()). An empty variable counts as unset. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const byVariable = new Map<string, string[]>();
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? "environment");
      byVariable.set(name, [...(byVariable.get(name) ?? []), issue.message]);
    }
    throw new EnvError([...byVariable].map(([name, messages]) => `Environment variable ${name} ${messages.join("; ")}.`).join("\n"));
  }
  const parsed = result.data;
  const timeoutMs = parsed.WEBHOOK_TIMEOUT_MS;
  if (parsed.WEBHOOK_LEASE_MS !== undefined && parsed.WEBHOOK_LEASE_MS <= timeoutMs) {
    throw new EnvError(
      `Environment variable WEBHOOK_LEASE_MS must be longer than WEBHOOK_TIMEOUT_MS (${timeoutMs}), so that a lease outlasts an attempt, not ${parsed.WEBHOOK_LEASE_MS}.`,
    );
  }
  return parsed;
}

const globalForEnv = globalThis as unknown as { __pmsEnv?: Env };

/** This process's validated environment, parsed on the first call. Throws EnvError. */
export function env(): Env {
  return (globalForEnv.__pmsEnv ??= parseEnv(process.env));
}

/**
 * The environment for a child process (the Next.js server, a CLI under test): this process's own,
 * with `overrides` applied; an undefined override removes the variable.
 */
export function childProcessEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const result: Record<string, string | undefined> = { ...process.env };
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result as NodeJS.ProcessEnv;
}
