import { describe, expect, it } from "vitest";
import { createProperty } from "../../test/fixtures";
import { db, type Prisma } from "../db/client";
import { afterCursor, newestFirst, page } from "../db/pagination";
import { AppError } from "../errors/app-error";
import { getReservation } from "./get-reservation";
import { listReservations } from "./list-reservations";
import { listReservationsQuery, type ListReservationsQuery } from "./schemas";
import { serializeReservation } from "./serialize-reservation";

// The reads as they were written with Prisma `include` before the one-join SQL: the reference.
const withGuestAndRoom = {
  guest: { select: { id: true, firstName: true, lastName: true, email: true } },
  room: { select: { number: true } },
} as const;

async function listBefore(propertyId: string, query: ListReservationsQuery) {
  const where: Prisma.ReservationWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (query.status) where.status = query.status;
  if (query.arrivalFrom || query.arrivalTo) {
    where.arrivalDate = {
      ...(query.arrivalFrom ? { gte: new Date(`${query.arrivalFrom}T00:00:00Z`) } : {}),
      ...(query.arrivalTo ? { lte: new Date(`${query.arrivalTo}T00:00:00Z`) } : {}),
    };
  }
  if (query.updatedSince) where.updatedAt = { gte: new Date(query.updatedSince) };
  if (query.guestEmail) where.guest = { email: query.guestEmail };
  const rows = await db.reservation.findMany({ where, include: withGuestAndRoom, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializeReservation);
}

async function getBefore(propertyId: string, id: string) {
  const row = await db.reservation.findFirst({ where: { id, propertyId }, include: withGuestAndRoom });
  return row ? serializeReservation(row) : null;
}

const statuses = ["CONFIRMED", "CHECKED_IN", "CHECKED_OUT", "CANCELLED", "NO_SHOW"] as const;

/** 40 reservations with every optional field both set and null, shared createdAt instants, odd years and text. */
async function seed() {
  const { property, rooms } = await createProperty({ rooms: 3 });
  const guests = await Promise.all(
    ["ada@example.com", null, "Zoë.O'Brien@example.com", "grace@example.com"].map((email, i) =>
      db.guest.create({ data: { propertyId: property.id, firstName: ["Ada", "Ünal", "Zoë", "Grace"][i]!, lastName: `Guest ${i}`, email } }),
    ),
  );
  const base = Date.UTC(2030, 0, 1, 12, 0, 0, 123);
  for (let i = 0; i < 40; i++) {
    // Pairs share a createdAt, so the cursor's id tie-break decides; one sits at the last storable millisecond.
    const createdAt = i === 39 ? new Date("9999-12-31T23:59:59.999Z") : new Date(base - Math.floor(i / 2) * 60_000);
    await db.reservation.create({
      data: {
        propertyId: property.id,
        code: `RD-${i}`,
        guestId: guests[i % guests.length]!.id,
        roomId: i % 5 === 0 ? null : rooms[i % rooms.length]!.id,
        arrivalDate: i === 38 ? new Date("0001-01-01T00:00:00Z") : new Date(Date.UTC(2030, 0, 1 + i)),
        departureDate: new Date(Date.UTC(2030, 0, 3 + i)),
        status: statuses[i % statuses.length]!,
        adults: 1 + (i % 3),
        children: i % 2,
        totalAmount: i === 7 ? 0 : 12_345 * (i + 1),
        currency: "EUR",
        notes: i % 3 === 0 ? null : i % 3 === 1 ? "" : `Late arrival ✈️ "${i}" \\ \n`,
        checkedInAt: i % 4 === 1 ? new Date(base + i * 1_001) : null,
        checkedOutAt: i % 4 === 2 ? new Date(base + i * 7) : null,
        cancelledAt: i % 6 === 3 ? new Date(base - i) : null,
        createdAt,
        updatedAt: new Date(base + i * 3_600_000),
      },
    });
  }
  return property;
}

describe("the one-join reservation reads", () => {
  it("list exactly what the Prisma include listed, page by page, for every filter, and only the property's own", async () => {
    const property = await seed();
    const other = await seed();
    const queries: Record<string, string>[] = [
      {},
      { limit: "100" },
      { limit: "3" },
      { limit: "7", status: "CHECKED_IN" },
      { limit: "5", arrivalFrom: "2030-01-10", arrivalTo: "2030-01-30" },
      { arrivalTo: "2030-01-05" },
      { updatedSince: "2030-01-02T01:00:00.000+01:00" },
      { limit: "4", guestEmail: "ADA@example.com " },
      { guestEmail: "nobody@example.com" },
    ];
    for (const raw of queries) {
      let query = listReservationsQuery.parse(raw);
      let pages = 0;
      // Walks every page with the cursor each side issues: both must issue the same.
      for (;;) {
        const [after, before] = [await listReservations(property.id, query), await listBefore(property.id, query)];
        expect(JSON.stringify(after)).toBe(JSON.stringify(before));
        expect(after.data.every((r) => r.code.startsWith("RD-"))).toBe(true);
        pages += 1;
        if (!after.nextCursor) break;
        query = listReservationsQuery.parse({ ...raw, cursor: after.nextCursor });
      }
      expect(pages).toBeGreaterThan(0);
    }
    const all = await listReservations(property.id, listReservationsQuery.parse({ limit: "100" }));
    expect(all.data).toHaveLength(40);
    const theirs = await db.reservation.findMany({ where: { propertyId: other.id }, select: { id: true } });
    expect(all.data.some((r) => theirs.some((t) => t.id === r.id))).toBe(false);
  });

  it("get exactly what the Prisma include got, and another property's reservation is not found", async () => {
    const property = await seed();
    const other = await seed();
    const ids = await db.reservation.findMany({ where: { propertyId: property.id }, select: { id: true } });
    for (const { id } of ids)
      expect(JSON.stringify(await getReservation(property.id, id))).toBe(JSON.stringify(await getBefore(property.id, id)));
    const foreign = await db.reservation.findFirstOrThrow({ where: { propertyId: other.id } });
    await expect(getReservation(property.id, foreign.id)).rejects.toSatisfy((e) => e instanceof AppError && e.code === "NOT_FOUND");
  });
});
