import { describe, expect, it } from "vitest";
import * as messagesRoute from "../../app/api/v1/conversations/[id]/messages/route";
import * as listRoute from "../../app/api/v1/conversations/route";
import * as usersRoute from "../../app/api/v1/users/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { createUser } from "../fixtures";
import { db } from "../../lib/db/client";

async function conversation(propertyId: string, channel: "EMAIL" | "SMS" = "EMAIL", status: "OPEN" | "CLOSED" = "OPEN") {
  const guest = await db.guest.create({ data: { propertyId, firstName: "A", lastName: "B" } });
  return db.conversation.create({ data: { propertyId, guestId: guest.id, channel, status } });
}

describe("conversations", () => {
  it("lists with status and channel filters, pages messages newest first, and sends one (message.sent)", async () => {
    const { property, key } = await propertyWithKey(["conversations:read", "messages:send"]);
    const email = await conversation(property.id, "EMAIL", "CLOSED");
    await conversation(property.id, "SMS", "OPEN");
    const list = await call(listRoute.GET, { key, path: "/api/v1/conversations?channel=EMAIL" });
    expect((list.body!.data as { id: string }[]).map((c) => c.id)).toEqual([email.id]);
    expect((await call(listRoute.GET, { key, path: "/api/v1/conversations?status=OPEN" })).body!.data).toHaveLength(1);
    expect((await call(listRoute.GET, { key, path: "/api/v1/conversations?channel=FAX" })).status).toBe(400);

    for (let i = 0; i < 5; i++) {
      await db.message.create({
        data: {
          propertyId: property.id,
          conversationId: email.id,
          direction: "INBOUND",
          body: `m${i}`,
          sentAt: new Date(Date.UTC(2026, 0, 1, 10, i)),
        },
      });
    }
    const first = await call(messagesRoute.GET, { key, params: { id: email.id }, path: "/api/v1/conversations/x/messages?limit=3" });
    const firstBody = first.body as { data: { body: string }[]; nextCursor: string };
    expect(firstBody.data.map((m) => m.body)).toEqual(["m4", "m3", "m2"]);
    const second = await call(messagesRoute.GET, {
      key,
      params: { id: email.id },
      path: `/api/v1/conversations/x/messages?limit=3&cursor=${firstBody.nextCursor}`,
    });
    expect(second.body).toMatchObject({ data: [{ body: "m1" }, { body: "m0" }], nextCursor: null });

    const sent = await call(messagesRoute.POST, { method: "POST", key, params: { id: email.id }, body: { body: "See you at 3pm!" } });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ data: { direction: "OUTBOUND", body: "See you at 3pm!" } });
    expect((await db.conversation.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("OPEN");
    const events = await db.outboxEvent.findMany({ where: { propertyId: property.id } });
    expect(events.map((e) => e.type)).toEqual(["message.sent"]);
    expect((await call(messagesRoute.POST, { method: "POST", key, params: { id: email.id }, body: { body: "  " } })).status).toBe(400);
  });

  it("delivers a guest's inbound message: stored as the guest's, the conversation reopened, message.received emitted", async () => {
    const { property, key } = await propertyWithKey(["conversations:read", "messages:send"]);
    const closed = await conversation(property.id, "SMS", "CLOSED");
    const post = (body: unknown) =>
      call(messagesRoute.POST, {
        method: "POST",
        key,
        params: { id: closed.id },
        path: `/api/v1/conversations/${closed.id}/messages`,
        body,
      });

    const inbound = await post({ body: "Can I check in early?", direction: "inbound" });
    expect(inbound.status).toBe(201);
    expect((inbound.body as { data: unknown }).data).toMatchObject({
      direction: "INBOUND",
      body: "Can I check in early?",
      senderName: "A B",
    });
    const named = await post({ body: "Thanks!", direction: "INBOUND", senderName: "+44 7700 900123" });
    expect((named.body as { data: unknown }).data).toMatchObject({ direction: "INBOUND", senderName: "+44 7700 900123" });
    expect(await db.conversation.findUniqueOrThrow({ where: { id: closed.id } })).toMatchObject({ status: "OPEN" });
    const events = await db.outboxEvent.findMany({ where: { propertyId: property.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["message.received", "message.received"]);
    expect(events[0]!.payload).toMatchObject({ message: { direction: "INBOUND" }, conversation: { id: closed.id, status: "OPEN" } });

    // Outbound stays the default and is signed by the key; senderName belongs to inbound messages only.
    const outbound = await post({ body: "Yes, from noon." });
    expect((outbound.body as { data: unknown }).data).toMatchObject({
      direction: "OUTBOUND",
      senderName: expect.stringContaining("API key"),
    });
    for (const body of [
      { body: "x", direction: "sideways" },
      { body: "x", senderName: "Me" },
    ]) {
      const bad = await post(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect((bad.body as { code: string }).code).toBe("VALIDATION_ERROR");
    }
    expect(await db.message.count({ where: { conversationId: closed.id } })).toBe(3);
  });

  it("opens a conversation with a guest of the property (201), refusing unknown guests and others' stays; test keys keep nothing", async () => {
    const { property, key } = await propertyWithKey(["conversations:write"]);
    const guest = await db.guest.create({ data: { propertyId: property.id, firstName: "A", lastName: "B" } });
    const open = (k: string, body: unknown) => call(listRoute.POST, { method: "POST", key: k, path: "/api/v1/conversations", body });
    const opened = await open(key, { guestId: guest.id, channel: "SMS", subject: "Late arrival" });
    expect(opened.status).toBe(201);
    expect((opened.body as { data: unknown }).data).toMatchObject({
      guestId: guest.id,
      channel: "SMS",
      status: "OPEN",
      subject: "Late arrival",
    });
    const stranger = await db.guest.create({ data: { propertyId: (await propertyWithKey()).property.id, firstName: "C", lastName: "D" } });
    for (const body of [
      { guestId: stranger.id, channel: "SMS" },
      { guestId: guest.id, channel: "FAX" },
      { guestId: guest.id, channel: "SMS", reservationId: "nope" },
      { channel: "SMS" },
    ]) {
      const bad = await open(key, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect((await open((await propertyWithKey(["conversations:read"])).key, { guestId: guest.id, channel: "SMS" })).status).toBe(403);
    const testKey = await keyFor(property, ["conversations:write"], "TEST");
    expect((await open(testKey, { guestId: guest.id, channel: "EMAIL" })).status).toBe(201);
    expect(await db.conversation.count({ where: { propertyId: property.id } })).toBe(1);
  });

  it("refuses another property's conversation with 404 and sending without messages:send with 403", async () => {
    const { key } = await propertyWithKey(["conversations:read"]);
    const other = await propertyWithKey();
    const theirs = await conversation(other.property.id);
    expect((await call(messagesRoute.GET, { key, params: { id: theirs.id } })).status).toBe(404);
    expect(
      (await call(messagesRoute.POST, { method: "POST", key: other.key, params: { id: "missing" }, body: { body: "x" } })).status,
    ).toBe(404);
    const sent = await call(messagesRoute.POST, { method: "POST", key, params: { id: theirs.id }, body: { body: "x" } });
    expect(sent.status).toBe(403);
    expect(await db.message.count({ where: { conversationId: theirs.id } })).toBe(0);
  });
});

describe("GET /api/v1/users", () => {
  it("lists the property's staff with roles and nothing about passwords", async () => {
    const { property, key } = await propertyWithKey(["users:read"]);
    const owner = await createUser({ memberships: [{ propertyId: property.id, role: "OWNER" }] });
    await createUser({ memberships: [{ propertyId: (await propertyWithKey()).property.id, role: "STAFF" }] });
    const result = await call(usersRoute.GET, { key });
    expect(result.body).toEqual({
      data: [{ id: owner.id, name: owner.name, email: owner.email, role: "OWNER", memberSince: expect.any(String) }],
      nextCursor: null,
      livemode: true,
    });
    expect(result.text).not.toMatch(/password|\$2[aby]\$/i);
  });
});

describe("scopes and validation of the read-only lists", () => {
  it("refuses users and conversations without their scopes, and a bad limit with a field path", async () => {
    const { key } = await propertyWithKey(["reservations:read"]);
    expect((await call(usersRoute.GET, { key })).status).toBe(403);
    expect((await call(listRoute.GET, { key })).status).toBe(403);
    const reader = await propertyWithKey(["users:read", "conversations:read"]);
    const badLimit = await call(usersRoute.GET, { key: reader.key, path: "/api/v1/users?limit=0" });
    expect(badLimit.status).toBe(400);
    expect(badLimit.body!.details).toEqual([{ path: "limit", message: "limit is at least 1" }]);
    expect((await call(listRoute.GET, { key: reader.key, path: "/api/v1/conversations?cursor=not-a-cursor" })).status).toBe(400);
  });
});
