// Every test file gets its own fresh database, configured into lib/db/client.ts before any query.
import { afterAll } from "vitest";

// Read by env() on its first call, so set before the imports below (which may call it).
// Key usage is flushed by the tests themselves, so no timer can write between a request and an assertion.
process.env.KEY_USAGE_FLUSH_MS = "3600000";

const { flushKeyUsage } = await import("../lib/api-keys/record-key-usage");
const { closeDb, configureDatabase, databaseSettings } = await import("../lib/db/client");
const { flushRequestLogs } = await import("../lib/request-logs/log-writer");
const { configurePrivateNetworks } = await import("../lib/webhooks/url-guard");
const { createTestDatabase } = await import("./test-database");

// Webhook receivers in the tests listen on loopback; the SSRF tests turn the guard on explicitly.
configurePrivateNetworks(true);

const database = await createTestDatabase();
configureDatabase({ url: database.url, poolSize: database.kind === "pglite" ? 1 : 5 });
// The client above is configured explicitly; these are only for code outside it that still looks in
// the environment: lib/db/database.test.ts's migrate tests and the child process
// lib/request-logs/request-logs.test.ts spawns with this environment. Remove once they use
// databaseSettings() (keys.test.ts and worker-crash.test.ts already pass it on explicitly).
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = String(databaseSettings().poolSize);

afterAll(async () => {
  // Write what the file's requests left buffered, so no timer fires after the database is gone.
  await flushRequestLogs();
  await flushKeyUsage();
  await closeDb();
  await database.drop();
});
