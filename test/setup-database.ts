// Every test file gets its own fresh database (a copy of the run's migrated template), configured into lib/db/client.ts before any query.
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";

// Read by env() on its first call, so set before the imports below (which may call it).
// Key usage is flushed by the tests themselves, so no timer can write between a request and an assertion.
process.env.KEY_USAGE_FLUSH_MS = "3600000";
// Webhook secrets and stored answers are encrypted at rest; each test file has its own key (a file may set its own first).
process.env.DATA_ENCRYPTION_KEYS ??= `k1:${randomBytes(32).toString("base64")}`;

const { flushKeyUsage } = await import("../lib/api-keys/record-key-usage");
const { closeDb, configureDatabase } = await import("../lib/db/client");
const { flushRequestLogs } = await import("../lib/request-logs/log-writer");
const { configurePrivateNetworks } = await import("../lib/webhooks/engine/url-guard");
const { configureRefusalFloor } = await import("../lib/auth/sign-in");
const { createTestDatabase } = await import("./test-database");

// Webhook receivers in the tests listen on loopback; the SSRF tests turn the guard on explicitly.
configurePrivateNetworks(true);
// Refused sign-ins answer no sooner than a floor; the tests that count hundreds of them skip it (one test holds it).
configureRefusalFloor(0);

const database = await createTestDatabase(inject("databaseTemplate"));
configureDatabase({ url: database.url, poolSize: database.kind === "pglite" ? 1 : 5 });

afterAll(async () => {
  // Write what the file's requests left buffered, so no timer fires after the database is gone.
  await flushRequestLogs();
  await flushKeyUsage();
  await closeDb();
  await database.drop();
});
