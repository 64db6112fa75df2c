import { describe, expect, it } from "vitest";
import { createProperty, createUser } from "../../test/fixtures";
import { db } from "../db/client";
import { encodeCursor } from "../db/pagination";
import { activityFilters, parseActivityFilters } from "./activity-filters";
import { isKnownActor, listActivityActors, listPropertyActivity } from "./list-property-activity";

const T0 = new Date("2026-11-20T12:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function seed() {
  const { property } = await createProperty();
  const other = (await createProperty()).property;
  const member = await createUser({ memberships: [{ propertyId: property.id, role: "MANAGER" }] });
  const outsider = await createUser({ memberships: [{ propertyId: other.id, role: "OWNER" }] });
  const key = await db.apiKey.create({
    data: {
      propertyId: property.id,
      name: "Door locks",
      mode: "LIVE",
      hash: `h${member.id}`,
      last4: "a1b2",
      scopes: [],
      createdByLabel: "test",
    },
  });
  const user = (u: { id: string; email: string }) => ({ actorType: "USER" as const, actorId: u.id, actorLabel: `Test User <${u.email}>` });
  const base = { targetType: "thing", metadata: {} };
  await db.auditEvent.createMany({
    data: [
      {
        ...base,
        id: `${property.id}_key`,
        propertyId: property.id,
        ...user(member),
        action: "api_key.created",
        createdAt: at(0),
        metadata: { name: "Door locks", preview: "…a1b2" },
      },
      {
        ...base,
        id: `${property.id}_res`,
        propertyId: property.id,
        actorType: "API_KEY",
        actorId: key.id,
        actorLabel: "API key “Door locks” (…a1b2)",
        action: "reservation.created",
        createdAt: at(60 * 24),
        metadata: { code: "R1" },
      },
      {
        ...base,
        id: `${property.id}_sys`,
        propertyId: property.id,
        actorType: "SYSTEM",
        actorId: null,
        actorLabel: "system",
        action: "webhook_endpoint.disabled",
        createdAt: at(60 * 48),
      },
      // The member's account events: a sign-in (target), a sign-out (actor), a blocked sign-in (email only).
      {
        ...base,
        id: `${property.id}_in`,
        propertyId: null,
        ...user(member),
        action: "user.signed_in",
        targetType: "user",
        targetId: member.id,
        createdAt: at(1),
        metadata: { ip: "203.0.113.9" },
      },
      {
        ...base,
        id: `${property.id}_out`,
        propertyId: null,
        ...user(member),
        action: "user.signed_out",
        targetType: "user_session",
        targetId: "s1",
        createdAt: at(2),
      },
      {
        ...base,
        id: `${property.id}_blk`,
        propertyId: null,
        actorType: "USER",
        actorId: null,
        actorLabel: member.email,
        action: "user.sign_in_throttled",
        targetType: "user",
        targetId: null,
        createdAt: at(3),
      },
      // Never here: another property's event, an outsider's account events, a stranger's blocked sign-in.
      { ...base, id: `${property.id}_x1`, propertyId: other.id, ...user(outsider), action: "api_key.created", createdAt: at(4) },
      {
        ...base,
        id: `${property.id}_x2`,
        propertyId: null,
        ...user(outsider),
        action: "user.signed_in",
        targetType: "user",
        targetId: outsider.id,
        createdAt: at(5),
      },
      {
        ...base,
        id: `${property.id}_x3`,
        propertyId: null,
        actorType: "USER",
        actorId: null,
        actorLabel: outsider.email,
        action: "user.sign_in_throttled",
        targetType: "user",
        createdAt: at(6),
      },
    ],
  });
  return { property, member, key };
}

const filters = (raw: Record<string, string> = {}) => activityFilters.parse(raw);
const ids = async (propertyId: string, raw: Record<string, string> = {}) =>
  (await listPropertyActivity({ propertyId, filters: filters(raw) })).rows.map((r) => r.id.slice(propertyId.length + 1));

describe("listPropertyActivity", () => {
  it("lists the property's events and its members' account events, newest first, and nothing of anyone else", async () => {
    const { property } = await seed();
    expect(await ids(property.id)).toEqual(["sys", "res", "blk", "out", "in", "key"]);
  });

  it("gives each entry its sentence, actor, code and the IP its metadata holds", async () => {
    const { property } = await seed();
    const { rows } = await listPropertyActivity({ propertyId: property.id, filters: filters() });
    expect(rows.find((r) => r.action === "api_key.created")).toMatchObject({
      sentence: "Test User created the key “Door locks” (…a1b2)",
      actor: "Test User",
      ip: null,
    });
    expect(rows.find((r) => r.action === "user.signed_in")).toMatchObject({ sentence: "Test User signed in", ip: "203.0.113.9" });
  });

  it("filters by kind, actor and whole UTC days", async () => {
    const { property, member, key } = await seed();
    expect(await ids(property.id, { kind: "security" })).toEqual(["blk", "out", "in"]);
    expect(await ids(property.id, { kind: "keys" })).toEqual(["key"]);
    expect(await ids(property.id, { kind: "reservations" })).toEqual(["res"]);
    expect(await ids(property.id, { actor: `user:${member.id}` })).toEqual(["out", "in", "key"]);
    expect(await ids(property.id, { actor: `key:${key.id}` })).toEqual(["res"]);
    expect(await ids(property.id, { actor: "system" })).toEqual(["sys"]);
    expect(await ids(property.id, { from: "2026-11-21" })).toEqual(["sys", "res"]);
    expect(await ids(property.id, { to: "2026-11-20" })).toEqual(["blk", "out", "in", "key"]);
    expect(await ids(property.id, { from: "2026-11-21", to: "2026-11-21" })).toEqual(["res"]);
    expect(await ids(property.id, { kind: "security", actor: `user:${member.id}` })).toEqual(["out", "in"]);
  });

  it("walks pages of equal timestamps with each entry exactly once", async () => {
    const { property } = await createProperty();
    const same = at(0);
    await db.auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({
        id: `${property.id}_${i}`,
        propertyId: property.id,
        actorType: "SYSTEM" as const,
        actorLabel: "system",
        action: "webhook_endpoint.disabled",
        targetType: "webhook_endpoint",
        createdAt: same,
      })),
    });
    const seen: string[] = [];
    let cursor: { createdAt: Date; id: string } | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const { rows, nextCursor } = await listPropertyActivity({ propertyId: property.id, filters: filters(), cursor, limit: 3 });
      seen.push(...rows.map((r) => r.id));
      if (!nextCursor) break;
      const last = rows.at(-1)!;
      expect(nextCursor).toBe(encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }));
      cursor = { createdAt: new Date(last.createdAt), id: last.id };
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `${property.id}_${6 - i}`));
  });
});

describe("activity filters", () => {
  it("refuses, with a message, a kind, actor or date it cannot use and a from after to", () => {
    expect(parseActivityFilters({ kind: "everything" })).toEqual({
      ok: false,
      messages: ["“everything” is not a kind of activity: pick one from the list."],
    });
    expect(parseActivityFilters({ actor: "robot" })).toMatchObject({ ok: false });
    expect(parseActivityFilters({ from: "2026-02-31" })).toEqual({
      ok: false,
      messages: ["“2026-02-31” is not a from date (use YYYY-MM-DD)."],
    });
    expect(parseActivityFilters({ from: "2026-11-22", to: "2026-11-21" })).toEqual({
      ok: false,
      messages: ["The “from” date is after the “to” date: no entry can match."],
    });
    expect(parseActivityFilters({ from: "2026-11-21", to: "2026-11-21", kind: "keys", actor: "system" })).toMatchObject({ ok: true });
  });

  it("refuses a year the database cannot hold (0000) with a message, and lists up to 9999-12-31 without an error", async () => {
    for (const raw of [{ from: "0000-01-01" }, { to: "0000-12-31" }])
      expect(parseActivityFilters(raw)).toEqual({
        ok: false,
        messages: [`“${Object.values(raw)[0]}” is out of range: Dates must fall between 0001-01-01 and 9999-12-31 (UTC).`],
      });
    const { property } = await seed();
    expect(await ids(property.id, { from: "0001-01-01", to: "9999-12-31" })).toHaveLength((await ids(property.id)).length);
  });

  it("knows only this property's members and keys as actors", async () => {
    const { property, member, key } = await seed();
    const actors = await listActivityActors(property.id);
    expect(isKnownActor(actors, { type: "user", id: member.id })).toBe(true);
    expect(isKnownActor(actors, { type: "key", id: key.id })).toBe(true);
    expect(isKnownActor(actors, { type: "user", id: "someone-else" })).toBe(false);
    expect(isKnownActor(actors, { type: "key", id: member.id })).toBe(false);
  });
});
