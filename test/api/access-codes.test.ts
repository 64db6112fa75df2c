// Door access codes as a lock vendor uses them: issue one for a stay, see it, revoke it.
import { openPin } from "../../lib/reservations/sealed-pin";
import { describe, expect, it } from "vitest";
import * as oneAccessRoute from "../../app/api/v1/reservations/[id]/accesses/[accessId]/route";
import * as accessesRoute from "../../app/api/v1/reservations/[id]/accesses/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import { call } from "../api-client";
import { bookStay, keyFor, propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";

type Access = { id: string; lockName: string; pin: string; validFrom: string; validUntil: string };

const stay = async (key: string, roomId: string) => (await bookStay(key, roomId)).id;
const issue = (key: string, id: string, body: unknown) =>
  call(accessesRoute.POST, { method: "POST", key, params: { id }, path: `/api/v1/reservations/${id}/accesses`, body });
const revoke = (key: string, id: string, accessId: string) =>
  call(oneAccessRoute.DELETE, { method: "DELETE", key, params: { id, accessId }, path: `/api/v1/reservations/${id}/accesses/${accessId}` });

describe("door access codes", () => {
  it("issues a code for the stay in the property's time zone, lists it, revokes it; each write emits its event", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    await db.property.update({ where: { id: property.id }, data: { timezone: "Europe/Vienna" } });
    const id = await stay(key, rooms[0]!.id);

    const given = await issue(key, id, { lockName: "Front door", pin: "482915" });
    expect(given.status).toBe(201);
    // 15:00 on arrival to 11:00 on departure, Vienna summer time (UTC+2).
    expect((given.body as { data: Access }).data).toMatchObject({
      lockName: "Front door",
      pin: "482915",
      validFrom: "2031-07-01T13:00:00.000Z",
      validUntil: "2031-07-04T09:00:00.000Z",
    });
    const drawn = (await issue(key, id, { lockName: "Room 101" })).body as { data: Access };
    expect(drawn.data.pin).toMatch(/^\d{6}$/);
    const chosen = (
      await issue(key, id, { lockName: "Garage", validFrom: "2031-07-02T08:00:00Z", validUntil: "2031-07-02T20:00:00+02:00" })
    ).body as { data: Access };
    expect(chosen.data).toMatchObject({ validFrom: "2031-07-02T08:00:00.000Z", validUntil: "2031-07-02T18:00:00.000Z" });

    const listed = await call(accessesRoute.GET, { key, params: { id }, path: `/api/v1/reservations/${id}/accesses` });
    expect((listed.body as { data: Access[] }).data.map((a) => a.lockName)).toEqual(["Front door", "Room 101", "Garage"]);

    const gone = await revoke(key, id, drawn.data.id);
    expect(gone.status).toBe(200);
    expect((gone.body as { data: Access }).data).toMatchObject({ id: drawn.data.id, lockName: "Room 101" });
    expect((await revoke(key, id, drawn.data.id)).status).toBe(404);
    expect(await db.reservationAccess.count({ where: { reservationId: id } })).toBe(2);

    const events = await db.outboxEvent.findMany({
      where: { propertyId: property.id, type: { startsWith: "access_code." } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.type)).toEqual(["access_code.created", "access_code.created", "access_code.created", "access_code.revoked"]);
    // The event carries the PIN sealed at rest, as the row does: it opens to the PIN the API answered.
    const revokedAccess = (events[3]!.payload as { access: { id: string; pin: string } }).access;
    expect(revokedAccess.id).toBe(drawn.data.id);
    expect(revokedAccess.pin).toMatch(/^enc:v1:/);
    expect(openPin(revokedAccess.pin)).toBe(drawn.data.pin);
    const row = await db.reservationAccess.findFirstOrThrow({ where: { reservationId: id, lockName: "Front door" } });
    expect(row.pin).toMatch(/^enc:v1:/);
    // The PIN reaches the lock's system through the event, never the audit trail or the request log in clear.
    const audit = await db.auditEvent.findMany({ where: { propertyId: property.id, action: { startsWith: "access_code." } } });
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain("482915");
    await flushRequestLogs();
    const logs = await db.requestLog.findMany({ where: { propertyId: property.id, path: { contains: "/accesses" } } });
    expect(logs.length).toBeGreaterThan(0);
    expect(JSON.stringify(logs)).not.toContain("482915");
  });

  it("refuses bad input, a cancelled stay, another property's stay, a read-only key; test keys keep nothing", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const id = await stay(key, rooms[0]!.id);
    for (const body of [{}, { lockName: "Door", pin: "12ab" }, { lockName: "Door", pin: "12" }, { lockName: "D", extra: 1 }]) {
      const bad = await issue(key, id, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((bad.body as { code: string }).code).toBe("VALIDATION_ERROR");
    }
    // validUntil before validFrom: a rule between fields the document cannot express, so 409 as its description says.
    const reversed = await issue(key, id, { lockName: "D", validFrom: "2031-07-02T10:00:00Z", validUntil: "2031-07-02T09:00:00Z" });
    expect(reversed.status).toBe(409);
    expect((reversed.body as { code: string }).code).toBe("INVALID_STATE");
    const other = await propertyWithKey(["full_access:write"]);
    expect((await issue(other.key, id, { lockName: "Door" })).status).toBe(404);
    expect((await issue(await keyFor(property, ["reservation_accesses:read"]), id, { lockName: "Door" })).status).toBe(403);
    const writer = await keyFor(property, ["reservation_accesses:write"]);
    const ok = (await issue(writer, id, { lockName: "Door" })).body as { data: Access };
    expect((await call(accessesRoute.GET, { key: writer, params: { id }, path: "/x" })).status).toBe(200);
    expect((await revoke(other.key, id, ok.data.id)).status).toBe(404);

    const testKey = await keyFor(property, ["reservation_accesses:write"], "TEST");
    const dry = await issue(testKey, id, { lockName: "Back door" });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ livemode: false, data: { lockName: "Back door" } });
    expect((await revoke(testKey, id, ok.data.id)).status).toBe(200);
    expect(await db.reservationAccess.count({ where: { reservationId: id } })).toBe(1);

    await call(cancelRoute.POST, { method: "POST", key, params: { id }, path: "/x" });
    const refused = await issue(key, id, { lockName: "Door" });
    expect(refused.status).toBe(409);
    expect((refused.body as { code: string }).code).toBe("INVALID_STATE");
  });

  // On PGlite (one session) the requests queue; with TEST_DATABASE_URL on a PostgreSQL server they truly overlap.
  it("answers 80 concurrent revokes of one code with one 200 and 79 404s, never a 500, and emits access_code.revoked once", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"], 1);
    const id = await stay(key, rooms[0]!.id);
    const code = ((await issue(key, id, { lockName: "Front door" })).body as { data: Access }).data;
    const answers = await Promise.all(Array.from({ length: 80 }, () => revoke(key, id, code.id)));
    const tally: Record<number, number> = {};
    for (const { status } of answers) tally[status] = (tally[status] ?? 0) + 1;
    expect(tally).toEqual({ 200: 1, 404: 79 });
    expect(answers.filter((a) => a.status === 404).map((a) => (a.body as { code: string }).code)).toEqual(Array(79).fill("NOT_FOUND"));
    expect(await db.outboxEvent.count({ where: { propertyId: property.id, type: "access_code.revoked" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { propertyId: property.id, action: "access_code.revoked" } })).toBe(1);
  });
});
