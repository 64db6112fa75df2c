// `npm start` (and `npm run dev` with --dev): validates the environment, opens the database (the
// embedded PGlite one unless DATABASE_URL is set), migrates, seeds an empty database, builds the
// app when no build exists, then serves it. Stops cleanly on SIGINT/SIGTERM.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { DatabaseUnreachableError, prepareDatabase, redactUrl } from "../lib/db/prepare-database";
import { pgliteDataDir } from "../lib/db/open-database";
import { EnvError, parseEnv } from "../lib/env";

const dev = process.argv.includes("--dev");
const log = (line: string) => console.log(`[start] ${line}`);

function authSecret(dataDir: string): string {
  // A secret kept with the data, so sessions survive restarts without any configuration.
  const file = path.join(dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const env = parseEnv();
  let embedded: EmbeddedDatabase | null = null;
  let url = env.DATABASE_URL;
  let poolSize = env.DATABASE_POOL_SIZE ?? 10;
  if (!url) {
    const dataDir = pgliteDataDir(env);
    embedded = await startEmbeddedDatabase({ dataDir });
    url = embedded.url;
    poolSize = 1;
    log(`embedded database (PGlite) in ${path.relative(process.cwd(), dataDir) || dataDir}`);
  } else {
    log(`PostgreSQL at ${redactUrl(url)}`);
  }

  try {
    await prepareDatabase(url, { seed: process.env.SEED_DEMO_DATA !== "false", log });
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(poolSize),
      NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? authSecret(path.resolve(".data")),
      AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
      PORT: String(env.PORT),
      // The demo (embedded database) may send webhooks to this machine and its network; a deployment
      // on PostgreSQL refuses private addresses unless the operator sets the flag.
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS ?? (embedded ? "true" : "false"),
    };
    const next = path.join("node_modules", ".bin", "next");
    if (!dev && !fs.existsSync(path.join(".next", "BUILD_ID"))) {
      log("no production build yet: running next build");
      const code = await run(next, ["build"], { ...childEnv, NODE_ENV: "production" });
      if (code !== 0) return code;
    }

    const child = spawn(next, [dev ? "dev" : "start", "-p", String(env.PORT)], { stdio: "inherit", env: childEnv });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    log(`serving http://localhost:${env.PORT}`);
    return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof EnvError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
    } else {
      console.error("Start failed:", error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
