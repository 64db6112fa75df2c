// Every test file gets its own fresh database before any module opens a connection.
import { afterAll } from "vitest";
import { flushKeyUsage } from "../lib/api-keys/record-key-usage";
import { closeDb } from "../lib/db/client";
import { flushRequestLogs } from "../lib/request-logs/log-writer";
import { createTestDatabase } from "./test-database";

// Key usage is flushed by the tests themselves, so no timer can write between a request and an assertion.
process.env.KEY_USAGE_FLUSH_MS = "3600000";
// Webhook receivers in the tests listen on loopback; the SSRF tests turn the guard on explicitly.
process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = "true";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = database.kind === "pglite" ? "1" : "5";

afterAll(async () => {
  // Write what the file's requests left buffered, so no timer fires after the database is gone.
  await flushRequestLogs();
  await flushKeyUsage();
  await closeDb();
  await database.drop();
});
