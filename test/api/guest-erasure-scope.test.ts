// Erasure by identity, not by word: every value the guest ever had, in every encoding, goes from the rows tied
// to the guest; other rows keep their words. Concurrent erasures do the work once; a large log is scanned in
// batches with progress, and a scan stopped midway resumes.
import { afterEach, describe, expect, it } from "vitest";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as eraseRoute from "../../app/api/v1/guests/[id]/erase/route";
import * as erasureRoute from "../../app/api/v1/guests/[id]/erasure/route";
import * as guestRoute from "../../app/api/v1/guests/[id]/route";
import * as checkinRoute from "../../app/api/v1/guests/checkin/route";
import * as guestsRoute from "../../app/api/v1/guests/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import * as roomsRoute from "../../app/api/v1/rooms/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createApiKeyInput } from "../../lib/api-keys/schemas";
import { db, getPool } from "../../lib/db/client";
import { erasureSettings, runGuestErasures } from "../../lib/guests/run-guest-erasures";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";

const later = () => new Date(Date.now() + 60_000);
const runAll = () => runGuestErasures({ now: later, budgetMs: 120_000 });

afterEach(() => {
  erasureSettings.batchSize = 2_000;
});

/** Every text and JSON value of the database, as one text per row, that matches `pattern` (case-insensitive). */
async function rowsMatching(pattern: string): Promise<string[]> {
  const { rows: columns } = await getPool().query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const { rows } = await getPool().query<{ v: string }>(`SELECT "${column}"::text AS v FROM "${table}" WHERE "${column}"::text ~* $1`, [
      pattern,
    ]);
    for (const row of rows) found.push(`${table}.${column}: ${row.v.slice(0, 200)}`);
  }
  return found;
}

async function erase(key: string, guestId: string) {
  return call(eraseRoute.POST, { method: "POST", key, params: { id: guestId }, path: `/api/v1/guests/${guestId}/erase` });
}

describe("guest erasure, by identity", () => {
  it("scrubs every value the guest ever had, however written, from the rows tied to it, and nothing else", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const [integration] = await createApiKey({
      property,
      actor: { type: "USER", id: null, label: "Admin" },
      input: createApiKeyInput.parse({ name: "Booking engine (integrator)", mode: "LIVE", scopes: ["full_access:read"] }),
    });
    const created = await call(guestsRoute.POST, {
      method: "POST",
      key,
      path: "/api/v1/guests",
      body: {
        firstName: "Ines",
        lastName: "Integrator",
        email: "ines.old@example.com",
        phone: "+351 912 345 678",
        country: "PT",
        externalRef: "CRM-77812",
      },
    });
    expect(created.status).toBe(201);
    const guestId = (created.body as { data: { id: string } }).data.id;
    // Changed later: the earlier e-mail and phone must go too.
    const patched = await call(guestRoute.PATCH, {
      method: "PATCH",
      key,
      params: { id: guestId },
      path: `/api/v1/guests/${guestId}`,
      body: { email: "ines@example.com", phone: "912-345-678" },
    });
    expect(patched.status).toBe(200);
    await call(guestsRoute.GET, { key, path: `/api/v1/guests?email=${encodeURIComponent("ines.old@example.com")}` });
    const booked = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      path: "/api/v1/reservations",
      body: {
        guestId,
        roomId: rooms[0]!.id,
        arrivalDate: "2031-09-01",
        departureDate: "2031-09-03",
        adults: 1,
        totalAmount: 100,
        notes: "Ines Integrator arrives by train, call 00351 912 345 678",
      },
    });
    expect(booked.status).toBe(201);
    const stayId = (booked.body as { data: { id: string } }).data.id;
    const door = await call(accessesRoute.POST, {
      method: "POST",
      key,
      params: { id: stayId },
      path: `/api/v1/reservations/${stayId}/accesses`,
      body: { lockName: "Ines Integrator's room" },
    });
    expect(door.status).toBe(201);
    // Not about her: another guest's note that names her, and a search for the word.
    const other = await db.guest.create({ data: { propertyId: property.id, firstName: "Maria", lastName: "Silva" } });
    const otherStay = await db.reservation.create({
      data: {
        propertyId: property.id,
        code: "OTHER-1",
        guestId: other.id,
        roomId: rooms[1]!.id,
        arrivalDate: new Date("2031-09-01"),
        departureDate: new Date("2031-09-02"),
        totalAmount: 1,
        currency: "EUR",
        notes: "Friend of Ines, the Integrator family",
      },
    });
    await call(roomsRoute.GET, { key, path: "/api/v1/rooms?q=Integrator" });
    await flushRequestLogs();

    const values = [
      "ines\\.old@example\\.com",
      "ines@example\\.com",
      "ines\\.old%40example\\.com",
      "CRM-77812",
      "9\\D*1\\D*2\\D*3\\D*4\\D*5\\D*6\\D*7\\D*8",
    ];
    expect((await rowsMatching(values.join("|"))).length).toBeGreaterThan(3);

    expect((await erase(key, guestId)).status).toBe(200);
    expect(await runAll()).toBe(1);
    await flushRequestLogs();

    // Nothing left of any value she had, in any table (the erase request's own log names her id only).
    expect(await rowsMatching(values.join("|"))).toEqual([]);
    expect(await rowsMatching("\\mInes\\M.*\\mIntegrator\\M")).toEqual([expect.stringContaining("Friend of Ines, the Integrator family")]);
    expect(await db.reservationAccess.findFirstOrThrow({ where: { reservationId: stayId } })).toMatchObject({
      lockName: "[erased]'s room",
    });
    expect(await db.guestFormerValue.count({ where: { guestId } })).toBe(0);
    // Other people's words stay.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: integration!.id } })).name).toBe("Booking engine (integrator)");
    expect((await db.reservation.findUniqueOrThrow({ where: { id: otherStay.id } })).notes).toBe("Friend of Ines, the Integrator family");
    const search = await db.requestLog.findFirstOrThrow({ where: { propertyId: property.id, path: "/api/v1/rooms" } });
    expect(search.query).toEqual({ q: "Integrator" });

    // An erased guest takes no personal data again.
    const refused = await call(guestRoute.PATCH, {
      method: "PATCH",
      key,
      params: { id: guestId },
      path: `/api/v1/guests/${guestId}`,
      body: { email: "ines.new@example.com" },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: "GUEST_ERASED" } });
    expect((await db.guest.findUniqueOrThrow({ where: { id: guestId } })).email).toBeNull();
  });

  it("keeps JSON valid when a name equals a JSON word, and an erased guest's stay takes no check-in with personal data", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const created = await call(guestsRoute.POST, {
      method: "POST",
      key,
      path: "/api/v1/guests",
      body: { firstName: "True", lastName: "Null", email: "true.null@example.com" },
    });
    const guestId = (created.body as { data: { id: string } }).data.id;
    const booked = await call(reservationsRoute.POST, {
      method: "POST",
      key,
      path: "/api/v1/reservations",
      body: { guestId, roomId: rooms[0]!.id, arrivalDate: "2031-09-01", departureDate: "2031-09-03", adults: 1, totalAmount: 100 },
    });
    const stay = (booked.body as { data: { id: string; code: string } }).data;
    await flushRequestLogs();
    expect((await erase(key, guestId)).status).toBe(200);
    expect(await runAll()).toBe(1);
    expect(await db.guestErasure.findUniqueOrThrow({ where: { guestId } })).toMatchObject({
      status: "done",
      lastError: null,
      sealedTerms: null,
    });
    // Every JSON column still parses (the jsonb columns would not have been written otherwise); text bodies that held JSON still do.
    const logs = await db.requestLog.findMany({ where: { propertyId: property.id, requestBody: { not: null } } });
    for (const log of logs) expect(() => JSON.parse(log.requestBody!), log.requestBody!).not.toThrow();
    expect(JSON.stringify(logs)).not.toContain("true.null@example.com");

    const checkIn = await call(checkinRoute.POST, {
      method: "POST",
      key,
      path: "/api/v1/guests/checkin",
      body: {
        pmsGuestId: stay.code,
        lastName: "[erased]",
        email: "new@example.com",
        roomNumber: rooms[0]!.number,
        checkOutDate: "2031-09-03",
      },
    });
    expect(checkIn).toMatchObject({ status: 409, body: { code: "GUEST_ERASED" } });
    expect((await db.guest.findUniqueOrThrow({ where: { id: guestId } })).email).toBeNull();
  });

  it("six erasures at once answer the same erased guest, and guest.erased goes out once", async () => {
    const { property, key } = await propertyWithKey(["full_access:write"]);
    const guest = await db.guest.create({
      data: { propertyId: property.id, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
    });
    const answers = await Promise.all(Array.from({ length: 6 }, () => erase(key, guest.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => (a.body as { data: { erasedAt: string } }).data.erasedAt)).size).toBe(1);
    expect(await db.outboxEvent.count({ where: { propertyId: property.id, type: "guest.erased" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { propertyId: property.id, action: "guest.erased" } })).toBe(1);
    expect(await db.guestErasure.count({ where: { guestId: guest.id } })).toBe(1);
  });

  it("scans a large log in batches with progress, and a scan stopped midway resumes where it stopped", async () => {
    await runAll(); // other tests' erasures first: this one is then the only job
    const { property, key } = await propertyWithKey(["full_access:write"]);
    const guest = await db.guest.create({
      data: { propertyId: property.id, firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" },
    });
    // 5,000 requests: every 500th about her (by her id in the path, her name in the body), the rest naming a word of hers.
    await getPool().query(
      `INSERT INTO "RequestLog" (id, "propertyId", "createdAt", method, path, query, status, "durationMs", "requestBody")
       SELECT 'log_' || n, $1, now() - (n || ' seconds')::interval, 'GET',
              CASE WHEN n % 500 = 0 THEN '/api/v1/guests/' || $2 ELSE '/api/v1/rooms' END,
              '{"q": "Lovelace"}'::jsonb, 200, 3,
              CASE WHEN n % 500 = 0 THEN '{"firstName":"Ada","lastName":"Lovelace"}' ELSE 'Ada Lovelace Street' END
       FROM generate_series(1, 5000) n`,
      [property.id, guest.id],
    );
    expect((await erase(key, guest.id)).status).toBe(200);
    erasureSettings.batchSize = 500;
    const progress = async () =>
      (await call(erasureRoute.GET, { key, params: { id: guest.id }, path: `/api/v1/guests/${guest.id}/erasure` })).body as {
        data: { status: string; rowsScanned: number; rowsTotal: number; rowsScrubbed: number };
      };

    await runGuestErasures({ now: later, budgetMs: 60_000, maxSteps: 4 }); // the count, then 3 batches
    const midway = (await progress()).data;
    expect(midway).toMatchObject({ status: "running", rowsScanned: 1_500 });
    expect(midway.rowsTotal).toBeGreaterThanOrEqual(5_000);

    expect(await runAll()).toBe(1);
    const done = (await progress()).data;
    expect(done.status).toBe("done");
    expect(done.rowsScanned).toBeGreaterThanOrEqual(5_000);
    const { rows } = await getPool().query<{ tied: string; scrubbed: string; untouched: string }>(
      `SELECT count(*) FILTER (WHERE path LIKE '/api/v1/guests/%') AS tied,
              count(*) FILTER (WHERE path LIKE '/api/v1/guests/%' AND "requestBody" = '{"firstName":"[erased]","lastName":"[erased]"}' AND query = '{"q": "[erased]"}') AS scrubbed,
              count(*) FILTER (WHERE path = '/api/v1/rooms' AND "requestBody" = 'Ada Lovelace Street' AND query = '{"q": "Lovelace"}') AS untouched
       FROM "RequestLog" WHERE "propertyId" = $1 AND id LIKE 'log_%'`,
      [property.id],
    );
    expect(rows[0]).toEqual({ tied: "10", scrubbed: "10", untouched: "4990" });
    expect((await db.guestErasure.findUniqueOrThrow({ where: { guestId: guest.id } })).sealedTerms).toBeNull();
  });
});
