// Every test file gets its own fresh database before any module opens a connection.
import { afterAll } from "vitest";
import { closeDb } from "../lib/db/client";
import { createTestDatabase } from "./test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.DATABASE_POOL_SIZE = database.kind === "pglite" ? "1" : "5";

afterAll(async () => {
  await closeDb();
  await database.drop();
});
