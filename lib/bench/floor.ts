// The physical floor `npm run bench` compares the product against: the same SQL each API answer needs,
// over the raw `pg` pool, with no authentication, rate limit, idempotency, logging or ORM. Served by
// app/api/bench/floor/** only on a server started with PMS_BENCH=1; elsewhere those paths are a 404.
import "server-only";
import { randomUUID } from "node:crypto";
import { getPool } from "../db/client";
import { encodeCursor } from "../db/pagination";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { apiErrorResponse } from "../http/error-response";
import { newRequestId } from "../http/request-id";

type FloorHandler<C> = (request: Request, context: C) => Promise<Response>;

/** The handler on a benchmark server; anywhere else the API's 404, as for a path with no endpoint. */
export function benchOnly<C>(handler: FloorHandler<C>): FloorHandler<C> {
  return (request, context) => {
    if (env().PMS_BENCH) return handler(request, context);
    const path = new URL(request.url).pathname;
    return Promise.resolve(apiErrorResponse(new AppError("NOT_FOUND", `No endpoint ${request.method} ${path}.`), newRequestId()));
  };
}

// Columns are TIMESTAMP(3) holding UTC (Prisma's convention): formatted as the API's ISO strings in SQL.
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The property row(s) of a slug, as GET /api/v1/properties shows them. */
export async function floorProperties(slug: string) {
  const { rows } = await getPool().query(
    `SELECT id, slug, name, timezone, currency, plan, ${iso(`"createdAt"`)} AS "createdAt" FROM "Property" WHERE slug = $1`,
    [slug],
  );
  return { data: rows, nextCursor: null };
}

// One join: a reservation with its guest and its room's number, in the API's shape (serialize-reservation.ts).
const RESERVATION = `SELECT r.id, r.code, r.status, r."guestId",
    json_build_object('id', g.id, 'firstName', g."firstName", 'lastName', g."lastName", 'email', g.email) AS guest,
    r."roomId", rm.number AS "roomNumber",
    to_char(r."arrivalDate", 'YYYY-MM-DD') AS "arrivalDate", to_char(r."departureDate", 'YYYY-MM-DD') AS "departureDate",
    r.adults, r.children, r."totalAmount", r.currency, r.notes,
    ${iso(`r."checkedInAt"`)} AS "checkedInAt", ${iso(`r."checkedOutAt"`)} AS "checkedOutAt", ${iso(`r."cancelledAt"`)} AS "cancelledAt",
    ${iso(`r."createdAt"`)} AS "createdAt", ${iso(`r."updatedAt"`)} AS "updatedAt"
  FROM "Reservation" r JOIN "Guest" g ON g.id = r."guestId" LEFT JOIN "Room" rm ON rm.id = r."roomId"`;

type ReservationRow = { id: string; createdAt: string } & Record<string, unknown>;

/** A page of the property's reservations, newest first: `limit + 1` rows tell whether there is a next page. */
export async function floorReservations(propertyId: string, limit: number) {
  const { rows } = await getPool().query<ReservationRow>(
    `${RESERVATION} WHERE r."propertyId" = $1 ORDER BY r."createdAt" DESC, r.id DESC LIMIT $2`,
    [propertyId, limit + 1],
  );
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : null };
}

/** One reservation of the property, or null. */
export async function floorReservation(propertyId: string, id: string) {
  const { rows } = await getPool().query<ReservationRow>(`${RESERVATION} WHERE r.id = $1 AND r."propertyId" = $2`, [id, propertyId]);
  return rows[0] ? { data: rows[0] } : null;
}

/**
 * An outbound message stored in a conversation of the property, which it (re)opens: one statement.
 * The product also writes an audit event and the `message.sent` outbox event; the floor is the message itself.
 */
export async function floorSendMessage(propertyId: string, conversationId: string, body: string) {
  const { rows } = await getPool().query(
    `WITH message AS (
       INSERT INTO "Message" (id, "propertyId", "conversationId", direction, body, "senderName", "sentAt")
       SELECT $1, c."propertyId", c.id, 'OUTBOUND'::"MessageDirection", $2, 'Benchmark floor', now() AT TIME ZONE 'UTC'
       FROM "Conversation" c WHERE c.id = $3 AND c."propertyId" = $4
       RETURNING *
     ), opened AS (
       UPDATE "Conversation" c SET "lastMessageAt" = m."sentAt", status = 'OPEN' FROM message m WHERE c.id = m."conversationId"
     )
     SELECT id, "conversationId", direction, body, "senderName", ${iso(`"sentAt"`)} AS "sentAt" FROM message`,
    [randomUUID(), body, conversationId, propertyId],
  );
  return rows[0] ? { data: rows[0] as unknown } : null;
}
