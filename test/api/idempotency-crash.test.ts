// Crash safety of Idempotency-Key: an instance dies after its write committed and before it answered
// (a real process, killed with SIGKILL while an injected pause holds it exactly there). The client's
// retry with the same key, even after the 60-second takeover window, must replay the committed
// answer: the write happens once.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { databaseSettings, db, getPool } from "../../lib/db/client";
import { childProcessEnv } from "../../lib/env";

/** Sends the POST from another process, which stops (and is killed) right after the commit. */
async function postAndDieAfterCommit(request: {
  key: string;
  conversationId: string;
  idempotencyKey: string;
  body: unknown;
}): Promise<void> {
  const script = `
    import { idempotencyTestHooks } from "./lib/idempotency/idempotency.ts";
    import { POST } from "./app/api/v1/conversations/[id]/messages/route.ts";
    idempotencyTestHooks.afterCommit = async () => {
      process.stdout.write("committed\\n");
      await new Promise(() => {}); // hold here until killed
    };
    const request = new Request("http://localhost/api/v1/conversations/${request.conversationId}/messages", {
      method: "POST",
      headers: { authorization: "Bearer ${request.key}", "idempotency-key": ${JSON.stringify(request.idempotencyKey)}, "content-type": "application/json" },
      body: ${JSON.stringify(JSON.stringify(request.body))},
    });
    const response = await POST(request, { params: Promise.resolve({ id: ${JSON.stringify(request.conversationId)} }) });
    process.stdout.write("answered " + response.status + "\\n");`;
  // Node itself with tsx as a loader (not the tsx launcher, whose SIGKILL would leave its node child running).
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "--input-type=module", "--eval", script], {
    env: childProcessEnv({ DATABASE_URL: databaseSettings().url, DATABASE_POOL_SIZE: "1", WEBHOOKS_WORKER: "off" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes("committed")) {
        child.kill("SIGKILL");
        resolve();
      } else if (text.includes("answered")) reject(new Error(`the child answered before the pause: ${text}`));
    });
    child.on("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`the child exited (${code ?? signal}) before committing: ${stderr.slice(-2000)}`));
    });
  });
  await new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );
}

describe("an instance killed between commit and answer", () => {
  it("leaves an answer the retry replays, even after the takeover window: 0 duplicates", async () => {
    const { property, key } = await propertyWithKey();
    const guest = await db.guest.create({ data: { propertyId: property.id, firstName: "Ada", lastName: "Lovelace" } });
    const conversation = await db.conversation.create({ data: { propertyId: property.id, guestId: guest.id, channel: "EMAIL" } });
    const body = { body: "Your room is ready." };
    const idempotencyKey = "crash-between-commit-and-answer";
    await postAndDieAfterCommit({ key, conversationId: conversation.id, idempotencyKey, body });
    expect(await db.message.count({ where: { conversationId: conversation.id } })).toBe(1);

    // Past the takeover window, a first request "still running" counts as dead and may run again.
    await getPool().query(`UPDATE "IdempotencyRecord" SET "createdAt" = "createdAt" - interval '61 seconds' WHERE key = $1`, [
      idempotencyKey,
    ]);
    const retry = await call(messagesRoute.POST, {
      method: "POST",
      path: `/api/v1/conversations/${conversation.id}/messages`,
      key,
      body,
      idempotencyKey,
      params: { id: conversation.id },
    });
    const messages = await db.message.findMany({ where: { conversationId: conversation.id } });
    expect(messages).toHaveLength(1);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect((retry.body!.data as { id: string }).id).toBe(messages[0]!.id);
  }, 60_000);
});
