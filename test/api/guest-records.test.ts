// POST /api/v1/guests and PATCH /api/v1/guests/{id}: a guest record created and changed by an integrator.
import { describe, expect, it } from "vitest";
import * as oneRoute from "../../app/api/v1/guests/[id]/route";
import * as listRoute from "../../app/api/v1/guests/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";

type Guest = { id: string; email: string | null; phone: string | null; country: string | null; externalRef: string | null };
const create = (key: string, body: unknown) => call(listRoute.POST, { method: "POST", path: "/api/v1/guests", key, body });
const patch = (key: string, id: string, body: unknown) =>
  call(oneRoute.PATCH, { method: "PATCH", path: `/api/v1/guests/${id}`, key, params: { id }, body });

describe("guest records", () => {
  it("creates a guest (201), audited; a second guest with the same email or externalRef is refused with 409", async () => {
    const { property, key } = await propertyWithKey(["guests:write"]);
    const created = await create(key, {
      firstName: " Ada ",
      lastName: "Lovelace",
      email: "Ada@Example.com",
      country: "gb",
      externalRef: "crm-1",
    });
    expect(created.status).toBe(201);
    const guest = (created.body as { data: Guest }).data;
    expect(guest).toMatchObject({ email: "ada@example.com", country: "GB", externalRef: "crm-1", phone: null });
    expect(await db.guest.findUniqueOrThrow({ where: { id: guest.id } })).toMatchObject({ firstName: "Ada", propertyId: property.id });
    expect(await db.auditEvent.count({ where: { propertyId: property.id, action: "guest.created", targetId: guest.id } })).toBe(1);

    for (const body of [
      { firstName: "A", lastName: "B", email: "ada@example.com" },
      { firstName: "A", lastName: "B", externalRef: "crm-1" },
    ]) {
      const clash = await create(key, body);
      expect(clash.status).toBe(409);
      expect((clash.body as { code: string; message: string }).message).toContain(guest.id);
    }
    // Another property may have a guest with the same email.
    const other = await propertyWithKey(["guests:write"]);
    expect((await create(other.key, { firstName: "A", lastName: "B", email: "ada@example.com" })).status).toBe(201);
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(1);
  });

  it("patches only the fields sent, null clears, 409 on another guest's email, 404 for another property's guest", async () => {
    const { property, key } = await propertyWithKey(["guests:write"]);
    const ada = (await create(key, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", phone: "+44 20 7946 0000" }))
      .body as {
      data: Guest;
    };
    const bob = (await create(key, { firstName: "Bob", lastName: "Babbage", email: "bob@example.com" })).body as { data: Guest };

    const changed = await patch(key, ada.data.id, { lastName: "King", phone: null });
    expect(changed.status).toBe(200);
    expect((changed.body as { data: Guest & { lastName: string; firstName: string } }).data).toMatchObject({
      firstName: "Ada",
      lastName: "King",
      email: "ada@example.com",
      phone: null,
    });
    expect((await patch(key, ada.data.id, { email: "ADA@example.com" })).status).toBe(200); // its own address again
    const clash = await patch(key, ada.data.id, { email: "bob@example.com" });
    expect(clash.status).toBe(409);
    expect(await db.guest.findUniqueOrThrow({ where: { id: ada.data.id } })).toMatchObject({ email: "ada@example.com" });

    for (const body of [{}, { email: "not-an-email" }, { country: "Germany" }, { firstName: "" }, { id: "x" }]) {
      const bad = await patch(key, ada.data.id, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((bad.body as { code: string }).code).toBe("VALIDATION_ERROR");
    }
    const stranger = await propertyWithKey(["guests:write"]);
    expect((await patch(stranger.key, bob.data.id, { lastName: "X" })).status).toBe(404);
    expect((await patch((await propertyWithKey(["guests:read"])).key, bob.data.id, { lastName: "X" })).status).toBe(403);
    expect(await db.auditEvent.count({ where: { propertyId: property.id, action: "guest.updated" } })).toBe(2);
  });

  it("test keys validate and answer, and write nothing", async () => {
    const { property, key } = await propertyWithKey(["guests:write"]);
    const testKey = await keyFor(property, ["guests:write"], "TEST");
    const dry = await create(testKey, { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ livemode: false, data: { email: "ada@example.com" } });
    expect(await db.guest.count({ where: { propertyId: property.id } })).toBe(0);
    const real = (await create(key, { firstName: "Ada", lastName: "Lovelace" })).body as { data: Guest };
    expect((await patch(testKey, real.data.id, { lastName: "King" })).status).toBe(200);
    expect(await db.guest.findUniqueOrThrow({ where: { id: real.data.id } })).toMatchObject({ lastName: "Lovelace" });
    expect((await create(testKey, { firstName: "A" })).status).toBe(400);
  });
});
