// GET /api/v1/events/stream and `npm run listen`: events as Server-Sent Events, resumed with Last-Event-ID,
// and forwarded to a local receiver that verifies them with `standardwebhooks` and the printed secret.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as streamRoute from "../../app/api/v1/events/stream/route";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import { call } from "../api-client";
import { bookStay, keyFor, propertyWithKey } from "../api-fixtures";
import pg from "pg";
import { databaseSettings, db } from "../../lib/db/client";
import { env } from "../../lib/env";
import { closeEventStreams, eventStreamSettings, MAX_STREAMS_PER_KEY } from "../../lib/events/event-stream";
import { revokeApiKey } from "../../lib/api-keys/revoke-api-key";
import { serveRoutes } from "../route-server";
import { startReceiver } from "../webhook-receiver";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes({ "/api/v1/events/stream": streamRoute.GET });
});
afterAll(async () => {
  await closeEventStreams();
  await server.close();
});

async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Opens the stream as an EventSource would and collects its messages until closed. */
async function openStream(key: string, options: { lastEventId?: string; types?: string } = {}) {
  const aborted = new AbortController();
  const url = new URL(`${server.url}/api/v1/events/stream`);
  if (options.types) url.searchParams.set("types", options.types);
  const response = await fetch(url, {
    headers: {
      authorization: `Bearer ${key}`,
      accept: "text/event-stream",
      ...(options.lastEventId ? { "last-event-id": options.lastEventId } : {}),
    },
    signal: aborted.signal,
  });
  const messages: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (message) => messages.push(message) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
        parser.feed(decoder.decode(chunk.value, { stream: true }));
    } catch {
      // closed by the test
    }
  })();
  return { response, messages, ended, close: () => aborted.abort() };
}

const eventsOf = async (propertyId: string) =>
  (await db.outboxEvent.findMany({ where: { propertyId }, select: { id: true, type: true } })).map((e) => e.id);

describe("GET /api/v1/events/stream", () => {
  it("starts now with a ready message, sends each event as it commits, and resumes after Last-Event-ID", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    await bookStay(key, rooms[0]!.id);
    const before = await eventsOf(property.id);

    const first = await openStream(key);
    expect(first.response.status).toBe(200);
    expect(first.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const ready = await waitFor("ready", () => first.messages.find((m) => m.event === "ready"));
    expect(ready.id).toBe(before.at(-1));

    const stay = await bookStay(key, rooms[1]!.id);
    const created = await waitFor("reservation.created", () => first.messages.find((m) => m.event === "reservation.created"));
    const body = JSON.parse(created.data) as { id: string; type: string; data: { reservation: { id: string } } };
    expect(body).toMatchObject({ id: created.id, type: "reservation.created", data: { reservation: { id: stay.id } } });
    expect(first.messages.filter((m) => m.event !== "ready").map((m) => m.id)).not.toContain(before[0]);
    first.close();

    // Away: two more events. Back with the last id received: those two, in order, and nothing before.
    await bookStay(key, rooms[2]!.id);
    await call(cancelRoute.POST, { method: "POST", key, params: { id: stay.id }, path: "/x" });
    const missed = (await eventsOf(property.id)).filter((id) => !before.includes(id) && id !== created.id);
    expect(missed.length).toBeGreaterThanOrEqual(2);
    const again = await openStream(key, { lastEventId: created.id! });
    await waitFor("the missed events", () => again.messages.filter((m) => m.event !== "ready").length >= missed.length);
    expect(again.messages[0]).toMatchObject({ event: "ready", id: created.id });
    expect(again.messages.slice(1).map((m) => m.id)).toEqual(missed);
    again.close();
  });

  it("sends only the types asked for and the key's scopes allow", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    expect(await eventsOf(property.id)).toEqual([]);
    const narrow = await keyFor(property, ["events:read", "guests:read"]);
    const stream = await openStream(narrow, { types: "guest.*,reservation.*" });
    const ready = await waitFor("ready", () => stream.messages.find((m) => m.event === "ready"));
    expect(JSON.parse(ready.data)).toEqual({ lastEventId: "start", types: ["guest.checked_in", "guest.checked_out", "guest.erased"] });
    const walkIn = { pmsGuestId: "G-1", lastName: "Lovelace", roomNumber: rooms[0]!.number, checkOutDate: "2031-07-04" };
    expect((await call(checkinRoute.POST, { method: "POST", key, path: "/api/v1/guests/checkin", body: walkIn })).status).toBe(201);
    await waitFor("guest.checked_in", () => stream.messages.find((m) => m.event === "guest.checked_in"));
    expect(stream.messages.map((m) => m.event)).toEqual(["ready", "guest.checked_in"]);
    stream.close();
  });

  it("ends the stream of a key revoked while it listens at once, not at its next key check; the reconnect is refused", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const stream = await openStream(key);
    await waitFor("ready", () => stream.messages.find((m) => m.event === "ready"));
    let ended = false;
    void stream.ended.then(() => (ended = true));
    // Other notifications on the channel (a new event) do not end it.
    await bookStay(key, rooms[0]!.id);
    await waitFor("reservation.created", () => stream.messages.find((m) => m.event === "reservation.created"));
    expect(ended).toBe(false);
    expect(eventStreamSettings.keyCheckMs).toBe(30_000);
    const { id } = await db.apiKey.findFirstOrThrow({ where: { propertyId: property.id } });
    await revokeApiKey({ propertyId: property.id, keyId: id, actor: { type: "SYSTEM", id: null, label: "test" } });
    // Well before the 30-second check: the revocation's notification ends it.
    await waitFor("the stream's end", () => ended, 5_000);
    const again = await call(streamRoute.GET, { key, path: "/api/v1/events/stream" });
    expect(again).toMatchObject({ status: 401, body: { code: "KEY_REVOKED" } });
  });

  it(`holds at most ${MAX_STREAMS_PER_KEY} open streams per key, also when they are opened at once`, async () => {
    const { key } = await propertyWithKey(["full_access:write"]);
    const attempts = await Promise.all(Array.from({ length: MAX_STREAMS_PER_KEY + 5 }, () => openStream(key)));
    const statuses = attempts.map((a) => a.response.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(MAX_STREAMS_PER_KEY);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const refused = attempts.find((a) => a.response.status === 429)!;
    await refused.ended;
    // Closing one frees its slot.
    const open = attempts.filter((a) => a.response.status === 200);
    for (const a of open) await waitFor("ready", () => a.messages.find((m) => m.event === "ready"));
    open[0]!.close();
    await waitFor("a free slot", async () => {
      const next = await openStream(key);
      if (next.response.status === 200) return next;
      next.close();
      return undefined;
    }).then((next) => next.close());
    for (const a of open.slice(1)) a.close();
  });

  it.skipIf(!env().TEST_DATABASE_URL)(
    "a fresh stream opened while another transaction runs sends only what commits after it, never an older event (PostgreSQL)",
    async () => {
      const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
      await bookStay(key, rooms[0]!.id);
      const slow = new pg.Client({ connectionString: databaseSettings().url, options: "-c TimeZone=UTC" });
      await slow.connect();
      try {
        // A transaction that started first and is still open holds the feed's horizon back.
        await slow.query("BEGIN");
        await slow.query("SELECT pg_current_xact_id()");
        await bookStay(key, rooms[1]!.id);
        const old = await eventsOf(property.id);
        const stream = await openStream(key);
        await waitFor("ready", () => stream.messages.find((m) => m.event === "ready"));
        await slow.query("COMMIT");
        const next = await bookStay(key, rooms[2]!.id);
        const created = await waitFor("the next reservation.created", () =>
          stream.messages.find((m) => m.event === "reservation.created" && m.data.includes(next.id)),
        );
        expect(stream.messages.filter((m) => m.event !== "ready").map((m) => m.id)).toEqual([created.id]);
        expect(old).not.toContain(created.id);
        stream.close();
      } finally {
        await slow.end();
      }
    },
  );

  it("refuses an unknown Last-Event-ID, an unknown type and a key without events:read, before streaming", async () => {
    const { property, key } = await propertyWithKey(["full_access:write"]);
    const unknown = await call(streamRoute.GET, { key, path: "/api/v1/events/stream", headers: { "last-event-id": "evt_nope" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: "VALIDATION_ERROR", details: [{ path: "Last-Event-ID", message: "Unknown event id" }] });
    const typo = await call(streamRoute.GET, { key, path: "/api/v1/events/stream?types=reservaton.*" });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body)).toContain('No event type matches \\"reservaton.*\\"');
    const reader = await keyFor(property, ["reservations:read"]);
    expect((await call(streamRoute.GET, { key: reader, path: "/api/v1/events/stream" })).status).toBe(403);
  });
});

/** `npm run listen` as a developer runs it, in its own process group (a terminal's Ctrl-C reaches the whole group). */
function listen(args: string[], apiKey: string) {
  const child = spawn("npm", ["run", "--silent", "listen", "--", ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, PMS_API_KEY: apiKey },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // npm, having had the Ctrl-C too, ends by that signal once listen has exited; listen's own code shows otherwise.
  const exited = new Promise<number | string | null>((resolve) =>
    child.on("exit", (code, sig) => resolve(sig === "SIGINT" ? "ctrl-c" : code)),
  );
  return { child, output: () => output, exited };
}
const signal = (child: ChildProcess, name: NodeJS.Signals) => process.kill(-child.pid!, name);

describe("npm run listen", () => {
  it("forwards signed events to a local server, and resumes after a stop and after a crash without losing any", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const state = await mkdtemp(path.join(tmpdir(), "listen-"));
    const stateFile = path.join(state, "state.json");
    let secret = "";
    const receiver = await startReceiver({ secrets: () => [secret] });
    const args = ["--api-url", server.url, "--forward-to", receiver.url, "--state-file", stateFile];
    try {
      // Started: it prints the secret and connects; the first stay's event reaches the receiver, verified.
      let run = listen(args, key);
      await waitFor("connected", () => run.output().includes("waiting for events"), 60_000);
      secret = /signing secret is (whsec_\S+)/.exec(run.output())![1]!;
      const first = await bookStay(key, rooms[0]!.id);
      await waitFor("the first event", () =>
        receiver.received.find((r) => r.json.data.reservation && r.json.type === "reservation.created"),
      );
      expect(receiver.received[0]).toMatchObject({
        verified: true,
        json: { type: "reservation.created", data: { reservation: { id: first.id } } },
      });
      expect(receiver.received[0]!.id).toMatch(/^msg_[0-9a-f]{32}$/);
      await waitFor("the line", () => run.output().match(/reservation\.created {2}evt_\w+ {2}→ 200 OK \(\d+ ms\)/));

      // Ctrl-C: it says where it stopped and saves the position.
      signal(run.child, "SIGINT");
      expect(await run.exited).toBe("ctrl-c");
      expect(run.output()).toContain(`Stopped. The next start resumes after ${receiver.received[0]!.json.id}.`);
      const saved = JSON.parse(await readFile(stateFile, "utf8")) as Record<string, { lastEventId: string }>;
      expect(Object.values(saved).map((s) => s.lastEventId)).toEqual([receiver.received[0]!.json.id]);
      expect(await readFile(stateFile, "utf8")).not.toContain(key);

      // Events while it is stopped arrive once it is back, with the same secret.
      await bookStay(key, rooms[1]!.id);
      await bookStay(key, rooms[2]!.id);
      run = listen(args, key);
      await waitFor("three events", () => receiver.received.length >= 3, 60_000);
      expect(/signing secret is (whsec_\S+)/.exec(run.output())![1]).toBe(secret);

      // Killed outright, and events meanwhile: the next start still gets them.
      signal(run.child, "SIGKILL");
      await run.exited;
      await bookStay(key, rooms[3]!.id);
      run = listen(args, key);
      const all = (await db.outboxEvent.findMany({ where: { propertyId: property.id }, orderBy: { seq: "asc" } })).map((e) => e.id);
      expect(all).toHaveLength(4);
      await waitFor("every event", () => all.every((id) => receiver.received.some((r) => r.json.id === id)), 60_000);
      signal(run.child, "SIGINT");
      expect(await run.exited).toBe("ctrl-c");

      // Each event arrived, verified, in order; a copy (an event in flight at the kill) keeps its webhook-id.
      expect(receiver.received.every((r) => r.verified)).toBe(true);
      const firstArrivals = [...new Map(receiver.received.map((r) => [r.json.id, r] as const)).keys()];
      expect(firstArrivals).toEqual(all);
      for (const r of receiver.received) expect(r.id).toBe(receiver.received.find((o) => o.json.id === r.json.id)!.id);
    } finally {
      await receiver.close();
      await rm(state, { recursive: true, force: true });
    }
  }, 180_000);

  it("stops with the reason when the key is refused", async () => {
    const run = listen(["--api-url", server.url, "--forward-to", "http://127.0.0.1:9/hooks"], "pms_live_notakey");
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/The stream was refused \(401\) \w+/);
  }, 60_000);

  it("--help prints the usage and succeeds; a missing option is a usage error", async () => {
    const help = listen(["--help"], "pms_live_notakey");
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain("npm run listen -- --forward-to <url>");
    const wrong = listen([], "pms_live_notakey");
    expect(await wrong.exited).toBe(2);
    expect(wrong.output()).toContain("--forward-to is required");
  }, 60_000);
});
