// The API's reservation reads as one SQL join. Prisma's `include` sends a query per relation and its
// per-query cost dominated (25 rows: 6.0 ms against 1.1 ms for this join over `pg`); measured with
// scripts/bench-data-layer.ts. The rows are mapped to exactly what serializeReservation() shows.
import "server-only";
import { db } from "../db/client";
import { Prisma } from "../db/generated/prisma/client";
import type { ReservationStatus } from "../db/generated/prisma/enums";
import type { ReservationResource } from "./reservation-resource";
import { serializeReservation } from "./serialize-reservation";

/** A reservation with its guest's name and email and its room's number, as the join returns it. */
export interface ReservationRow {
  id: string;
  code: string;
  status: ReservationStatus;
  guestId: string;
  roomId: string | null;
  arrivalDate: Date;
  departureDate: Date;
  adults: number;
  children: number;
  totalAmount: number;
  currency: string;
  notes: string | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  guestFirstName: string;
  guestLastName: string;
  guestEmail: string | null;
  roomNumber: string | null;
}

const SELECT = Prisma.sql`
  SELECT r.id, r.code, r.status::text AS status, r."guestId", r."roomId", r."arrivalDate", r."departureDate",
         r.adults, r.children, r."totalAmount", r.currency, r.notes, r."checkedInAt", r."checkedOutAt", r."cancelledAt",
         r."createdAt", r."updatedAt",
         g."firstName" AS "guestFirstName", g."lastName" AS "guestLastName", g.email AS "guestEmail", m.number AS "roomNumber"
    FROM "Reservation" r
    JOIN "Guest" g ON g.id = r."guestId"
    LEFT JOIN "Room" m ON m.id = r."roomId"`;

/**
 * The property's reservations matching every condition (SQL over the aliases r, g, m), then `tail`
 * (ORDER BY, LIMIT). The tenant is always the first condition, so no caller can leave it out.
 */
export function reservationsSql(propertyId: string, conditions: Prisma.Sql[], tail: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const where = Prisma.join([Prisma.sql`r."propertyId" = ${propertyId}`, ...conditions], " AND ");
  return Prisma.sql`${SELECT} WHERE ${where} ${tail}`;
}

export function readReservations(propertyId: string, conditions: Prisma.Sql[], tail: Prisma.Sql = Prisma.empty): Promise<ReservationRow[]> {
  return db.$queryRaw<ReservationRow[]>(reservationsSql(propertyId, conditions, tail));
}

/** A joined row as the API shows a reservation: the same JSON serializeReservation() gives. */
export function serializeReservationRow(r: ReservationRow): ReservationResource {
  return serializeReservation({
    ...r,
    guest: { id: r.guestId, firstName: r.guestFirstName, lastName: r.guestLastName, email: r.guestEmail },
    room: r.roomNumber === null ? null : { number: r.roomNumber },
  });
}
