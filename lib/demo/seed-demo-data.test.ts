import { describe, expect, it } from "vitest";
import { db } from "../db/client";
import { DEMO_USERS, seedDemoData } from "./seed-demo-data";

describe("seedDemoData", () => {
  it("seeds both properties with their data once, and leaves a database with data alone", async () => {
    expect(await seedDemoData(db)).toEqual({ seeded: true });
    const counts = {
      properties: await db.property.count(),
      users: await db.user.count(),
      rooms: await db.room.count(),
      guests: await db.guest.count(),
      reservations: await db.reservation.count(),
    };
    expect(counts).toEqual({ properties: 2, users: DEMO_USERS.length, rooms: 60, guests: 300, reservations: 800 });
    expect(await db.conversation.count()).toBeGreaterThan(50);
    expect(await db.message.count()).toBeGreaterThan(150);
    expect(await db.reservationAccess.count()).toBeGreaterThan(10);
    const plans = await db.property.findMany({ select: { slug: true, plan: true }, orderBy: { slug: "asc" } });
    expect(plans).toEqual([
      { slug: "grand-hotel", plan: "PRO" },
      { slug: "seaside-hostel", plan: "FREE" },
    ]);
    const roles = await db.membership.findMany({ where: { property: { slug: "grand-hotel" } }, select: { role: true } });
    expect(new Set(roles.map((m) => m.role))).toEqual(new Set(["OWNER", "ADMIN", "MANAGER", "STAFF"]));

    // Past, current and future stays all exist.
    const statuses = await db.reservation.groupBy({ by: ["status"], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["CANCELLED", "CHECKED_IN", "CHECKED_OUT", "CONFIRMED", "NO_SHOW"]);

    // No room is double-booked by the demo.
    const overlaps = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Reservation" a JOIN "Reservation" b
        ON a."roomId" = b."roomId" AND a.id < b.id
       AND a."arrivalDate" < b."departureDate" AND b."arrivalDate" < a."departureDate"
       AND a.status IN ('CONFIRMED', 'CHECKED_IN') AND b.status IN ('CONFIRMED', 'CHECKED_IN')`;
    expect(Number(overlaps[0]!.n)).toBe(0);

    expect(await seedDemoData(db)).toEqual({ seeded: false, reason: "the database already has data" });
    expect(await db.reservation.count()).toBe(800);
  });

  it("reseeds the demo on request without duplicating it", async () => {
    expect(await seedDemoData(db, { reset: true })).toEqual({ seeded: true });
    expect(await db.property.count()).toBe(2);
    expect(await db.reservation.count()).toBe(800);
  });
});
