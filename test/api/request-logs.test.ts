import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as oneReservation from "../../app/api/v1/reservations/[id]/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as roomsRoute from "../../app/api/v1/rooms/route";
import * as usersRoute from "../../app/api/v1/users/route";
import { proxy } from "../../proxy";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { createProperty } from "../fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { generateApiKey } from "../../lib/api-keys/key-format";
import { revokeApiKey } from "../../lib/api-keys/revoke-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { databaseSettings, db } from "../../lib/db/client";
import { childProcessEnv } from "../../lib/env";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";
import { BODY_LIMIT, REDACTED } from "../../lib/request-logs/redact";

const admin = { type: "USER" as const, id: null, label: "Admin" };

/**
 * A GET as a route receives it behind proxy.ts in Next 16: the proxy's request-header override applied,
 * every header the proxy set on its response copied onto the request too, then x-forwarded-host, -port,
 * -proto and -for filled in when absent (next/dist/server/lib/router-utils/resolve-routes.js, base-server.js).
 */
function asNextDelivers(url: string, sent: Record<string, string>): Request {
  const passed = proxy(new NextRequest(url, { headers: sent }));
  const overridden = passed.headers.get("x-middleware-override-headers");
  if (overridden === null) throw new Error(`the proxy answered ${passed.status} instead of passing the request on`);
  const headers = new Headers();
  for (const name of overridden.split(",")) {
    const value = passed.headers.get(`x-middleware-request-${name}`);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of passed.headers) if (!name.startsWith("x-middleware-")) headers.set(name, value);
  const forwarded = {
    "x-forwarded-host": "localhost:3000",
    "x-forwarded-port": "3000",
    "x-forwarded-proto": "http",
    "x-forwarded-for": "::1",
  };
  for (const [name, value] of Object.entries(forwarded)) if (!headers.has(name)) headers.set(name, value);
  return new Request(url, { headers });
}

async function logsOf(propertyId: string) {
  await flushRequestLogs();
  return db.requestLog.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });
}

describe("request log capture", () => {
  it("writes exactly one entry per attributable request: success, 400, 401 KEY_REVOKED, 403, 404, 429", async () => {
    const { property, rooms } = await createProperty({ rateLimit: { perSecond: 1, burst: 6, perDay: 1000 } });
    const [issued] = await createApiKey({
      property,
      actor: admin,
      input: createApiKeyInput.parse({ name: "logged", mode: "LIVE", scopes: ["reservations:write"] }),
    });
    const key = issued!.key;
    const answers = [
      await call(reservationsRoute.GET, { key, path: "/api/v1/reservations?limit=2" }),
      await call(reservationsRoute.GET, { key, path: "/api/v1/reservations?limit=0" }),
      await call(usersRoute.GET, { key }),
      await call(oneReservation.GET, { key, params: { id: "missing" }, path: "/api/v1/reservations/missing" }),
      await call(reservationsRoute.POST, { method: "POST", key, body: { roomId: rooms[0]!.id } }),
      await call(reservationsRoute.GET, { key }),
      await call(reservationsRoute.GET, { key }), // the 7th within the burst of 6: 429
    ];
    await revokeApiKey({ propertyId: property.id, keyId: issued!.id, actor: admin });
    answers.push(await call(reservationsRoute.GET, { key }));
    await call(reservationsRoute.GET, { key: generateApiKey("LIVE") }); // unknown key: no property, no entry

    const logs = await logsOf(property.id);
    expect(logs.map((l) => [l.method, l.status, l.errorCode])).toEqual([
      ["GET", 200, null],
      ["GET", 400, "VALIDATION_ERROR"],
      ["GET", 403, "FORBIDDEN"],
      ["GET", 404, "NOT_FOUND"],
      ["POST", 400, "VALIDATION_ERROR"],
      ["GET", 200, null],
      ["GET", 429, "RATE_LIMITED"],
      ["GET", 401, "KEY_REVOKED"],
    ]);
    expect(logs.map((l) => l.id)).toEqual(answers.map((a) => a.headers.get("x-request-id")));
    const first = logs[0]!;
    expect(first).toMatchObject({
      path: "/api/v1/reservations",
      query: { limit: "2" },
      apiKeyId: issued!.id,
      keyPreview: `pms_live_••••••••${key.slice(-4)}`,
      mode: "LIVE",
    });
    expect(first.durationMs).toBeGreaterThanOrEqual(0);
    expect(JSON.parse(first.responseBody!)).toMatchObject({ data: [], livemode: true });
    // What the client got back besides the body, as it got it: the request id and the rate-limit answer.
    expect(first.responseHeaders).toMatchObject({ "x-request-id": first.id, "content-type": "application/json" });
    const limited = logs[6]!;
    expect((limited.responseHeaders as Record<string, string>)["retry-after"]).toBe(answers[6]!.headers.get("retry-after"));
  });

  it("redacts credentials in headers and secrets in bodies, and cuts bodies at 32 KB", async () => {
    const { property, rooms, key } = await propertyWithKey();
    const other = generateApiKey("TEST");
    await call(reservationsRoute.GET, {
      key,
      headers: {
        "user-api-key": key,
        "x-api-key": "pk_abc",
        cookie: "session=1",
        "user-agent": "acme-sync/2.1",
        "x-forwarded-for": "203.0.113.9, 10.0.0.1",
      },
    });
    await call(reservationsRoute.POST, {
      method: "POST",
      key,
      body: {
        roomId: rooms[0]!.id,
        notes: `copy of ${other}`,
        password: "hunter2",
        guest: { firstName: "A", lastName: "B", token: "t0k" },
      },
    });
    const created = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      body: {
        guest: { firstName: "A", lastName: "B" },
        roomId: rooms[0]!.id,
        arrivalDate: "2033-01-01",
        departureDate: "2033-01-02",
        adults: 1,
        totalAmount: 1,
      },
    });
    const id = (created.body as { data: { id: string } }).data.id;
    await db.reservationAccess.create({
      data: { propertyId: property.id, reservationId: id, lockName: "Door", pin: "123456", validFrom: new Date(), validUntil: new Date() },
    });
    await call(accessesRoute.GET, { key, params: { id } });
    await call(reservationsRoute.POST, { method: "POST", key, body: { notes: "é".repeat(BODY_LIMIT) } });

    const [withHeaders, withSecrets, , accesses, huge] = await logsOf(property.id);
    expect(withHeaders!.requestHeaders).toMatchObject({
      authorization: REDACTED,
      "user-api-key": REDACTED,
      "x-api-key": REDACTED,
      cookie: REDACTED,
      "user-agent": "acme-sync/2.1",
    });
    // No trusted proxy (TRUST_PROXY_HOPS=0): the X-Forwarded-For the client sent is not believed.
    expect(withHeaders!).toMatchObject({ ip: null, userAgent: "acme-sync/2.1", status: 401 });
    const stored = JSON.stringify([withHeaders, withSecrets]);
    for (const secret of [key, other, "hunter2", "t0k"]) expect(stored).not.toContain(secret);
    expect(JSON.parse(withSecrets!.requestBody!)).toMatchObject({
      password: REDACTED,
      notes: `copy of ${REDACTED}`,
      guest: { token: REDACTED },
    });
    expect(accesses!.responseBody).not.toContain("123456");
    expect(JSON.parse(accesses!.responseBody!).data[0].pin).toBe(REDACTED);
    expect(Buffer.byteLength(huge!.requestBody!)).toBeLessThan(BODY_LIMIT + 100);
    expect(huge!.requestBody!).toMatch(/…\[truncated: \d+ bytes in all\]$/);
  });

  it("keeps the headers the client sent, not those our proxy and Next add on the way to the route", async () => {
    const { property, key } = await propertyWithKey(["rooms:read"], 1);
    const url = "http://localhost:3000/api/v1/rooms?limit=1";
    const answer = await roomsRoute.GET(
      asNextDelivers(url, {
        host: "localhost:3000",
        accept: "application/json",
        "user-agent": "channel-manager/2.1",
        authorization: `Bearer ${key}`,
        "x-client-note": "hello",
        // A client cannot choose what the log calls its headers.
        "x-pms-client-headers": "accept",
      }),
      { params: Promise.resolve(undefined as never) },
    );
    expect(answer.status).toBe(200);
    const [entry] = await logsOf(property.id);
    expect(entry!.requestHeaders).toEqual({
      host: "localhost:3000",
      accept: "application/json",
      "user-agent": "channel-manager/2.1",
      authorization: REDACTED,
      "x-client-note": "hello",
    });
  });

  it("writes buffered entries when the process gets SIGTERM", async () => {
    const { property } = await createProperty();
    const script = `
      import { enqueueRequestLog, flushRequestLogsOnShutdown } from "./lib/request-logs/log-writer.ts";
      flushRequestLogsOnShutdown();
      for (let i = 0; i < 3; i++) enqueueRequestLog({ id: "req_sigterm_" + i, propertyId: ${JSON.stringify(property.id)}, createdAt: new Date().toISOString(), method: "GET", path: "/api/v1/x", route: null, traceparent: null, query: {}, status: 200, durationMs: 1, apiKeyId: null, keyPreview: null, mode: null, partnerId: null, partnerName: null, ip: null, userAgent: null, requestHeaders: {}, requestBody: null, responseBody: null, errorCode: null, responseHeaders: {} });
      setTimeout(() => {}, 60_000); // stay alive until the signal
      process.kill(process.pid, "SIGTERM");`;
    const result = await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["--eval", script], {
      env: childProcessEnv({ DATABASE_URL: databaseSettings().url }),
      encoding: "utf8",
    }).then(
      () => ({ signal: null as string | null, code: 0 }),
      (error: { signal: string | null; code: number }) => ({ signal: error.signal, code: error.code }),
    );
    // It still ended by the signal (tsx reports a child's SIGTERM as exit code 143), after flushing.
    expect(result.signal === "SIGTERM" || result.code === 143).toBe(true);
    const rows = await db.requestLog.findMany({ where: { propertyId: property.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.id)).toEqual(["req_sigterm_0", "req_sigterm_1", "req_sigterm_2"]);
  });
});
