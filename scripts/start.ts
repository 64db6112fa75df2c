// `npm start` (and `npm run dev` with --dev): validates the environment, opens the database (the
// embedded PGlite one unless DATABASE_URL is set), migrates, seeds an empty database (unless
// SEED_DEMO_DATA=false), builds the app when no build exists, then serves it, handing the Next.js
// server its configuration through its environment. Stops cleanly on SIGINT/SIGTERM.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { closeDb, configureDatabase, db } from "../lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../lib/db/embedded";
import { pgliteDataDir } from "../lib/db/open-database";
import { prepareDatabase, redactUrl } from "../lib/db/prepare-database";
import { cliFailure } from "../lib/db/run-cli";
import { seedDemoData } from "../lib/demo/seed-demo-data";
import { childProcessEnv, env } from "../lib/env";

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

function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: childEnv });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function seedDemo(url: string): Promise<void> {
  configureDatabase({ url, poolSize: 1 });
  try {
    const seeded = await seedDemoData(db);
    log(seeded.seeded ? "seeded the demo data" : `demo data not seeded: ${seeded.reason}`);
  } finally {
    await closeDb();
  }
}

async function main(): Promise<number> {
  const settings = env();
  let embedded: EmbeddedDatabase | null = null;
  let url = settings.DATABASE_URL;
  let poolSize = settings.DATABASE_POOL_SIZE ?? 10;
  if (!url) {
    const dataDir = pgliteDataDir(settings);
    embedded = await startEmbeddedDatabase({ dataDir });
    url = embedded.url;
    poolSize = 1;
    log(`embedded database (PGlite) in ${path.relative(process.cwd(), dataDir) || dataDir}`);
  } else {
    log(`PostgreSQL at ${redactUrl(url)}`);
  }

  try {
    await prepareDatabase(url, { log });
    if (settings.SEED_DEMO_DATA) await seedDemo(url);
    const childEnv = childProcessEnv({
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: String(poolSize),
      NEXTAUTH_SECRET: settings.NEXTAUTH_SECRET ?? authSecret(path.resolve(".data")),
      // next-auth trusts the Host header when AUTH_TRUST_HOST is set to anything, "false" included.
      AUTH_TRUST_HOST: settings.AUTH_TRUST_HOST ? "true" : undefined,
      PORT: String(settings.PORT),
      // The demo (embedded database) may send webhooks to this machine and its network; a deployment
      // on PostgreSQL refuses private addresses unless the operator sets the flag.
      WEBHOOKS_ALLOW_PRIVATE_NETWORKS: String(settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS ?? embedded !== null),
    });
    const next = path.join("node_modules", ".bin", "next");
    if (!dev && !fs.existsSync(path.join(".next", "BUILD_ID"))) {
      log("no production build yet: running next build");
      const code = await run(next, ["build"], { ...childEnv, NODE_ENV: "production" });
      if (code !== 0) return code;
    }

    const child = spawn(next, [dev ? "dev" : "start", "-p", String(settings.PORT)], { stdio: "inherit", env: childEnv });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    log(`serving http://localhost:${settings.PORT}`);
    return await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 0)));
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const failure = cliFailure(error, { name: "Start" });
    console.error(failure.message);
    process.exit(failure.exitCode);
  },
);
