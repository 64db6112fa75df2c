// Request examples for the API reference that work as pasted: each POST names rows that exist at the
// reader's property now, in a state the operation accepts (a stay arriving today for check-in, one in
// house for check-out, a settled payment for a refund), and no two examples spend the same row, so they
// all succeed in the order the reference lists them. Without a property (signed out) the ids are
// placeholders the reader fills in.
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { db } from "../db/client";
import { addDaysToDate, propertyToday } from "../reservations/property-today";

export type RequestExample = {
  /** Values for the path's `{name}` segments. */
  path: Record<string, string>;
  body?: Record<string, unknown>;
  /** Why a placeholder is left, when the property has no row the example could use. */
  missing?: string;
};

type Row = { id: string } | null;

/** The rows the examples act on, each chosen so that no example spends another's. */
export type ExampleRows = {
  propertyName: string;
  today: string;
  currency: string;
  /** A guest used by the booking and conversation examples; never the one the erasure example erases. */
  guest: Row;
  /** A room free on `bookingDates`. */
  room: (Row & { number: string }) | null;
  bookingDates: { arrival: string; departure: string };
  /** A confirmed stay arriving later: takes an access code and a payment. */
  upcoming: Row;
  /** Another confirmed stay arriving later, the one the cancel example cancels. */
  cancellable: Row;
  arrivingToday: { code: string; lastName: string; roomNumber: string; departure: string } | null;
  /** A room free tonight, for a walk-in check-in when no one arrives today. */
  freeTonight: { number: string } | null;
  inHouse: { code: string; lastName: string } | null;
  refundable: Row;
  openConversation: Row;
  eraseable: Row;
  /** Only for readers who may see the property's webhook endpoints. */
  endpoint: Row;
  /** An enabled endpoint with deliveries already sent, from its oldest; for the replay example. */
  replayable: { id: string; since: string; only: "failed" | "all" } | null;
};

const LIVE = ["CONFIRMED", "CHECKED_IN"] as const;
const utcDate = (date: string) => new Date(`${date}T00:00:00Z`);

/** A room of the property no live stay holds on [arrival, departure), or null. */
async function freeRoom(propertyId: string, arrival: string, departure: string, exclude: string[] = []) {
  return db.room.findFirst({
    where: {
      propertyId,
      status: "IN_SERVICE",
      number: { notIn: exclude },
      reservations: {
        none: { status: { in: [...LIVE] }, arrivalDate: { lt: utcDate(departure) }, departureDate: { gt: utcDate(arrival) } },
      },
    },
    orderBy: { number: "asc" },
    select: { id: true, number: true },
  });
}

/** Picks the example rows at the property as it is now. */
export async function findExampleRows(propertyId: string, options: { includeEndpoints: boolean }): Promise<ExampleRows> {
  const property = await db.property.findUniqueOrThrow({
    where: { id: propertyId },
    select: { name: true, timezone: true, currency: true },
  });
  const today = propertyToday(property.timezone);
  const notErased = { guest: { erasedAt: null } };
  const stay = {
    id: true,
    code: true,
    departureDate: true,
    guest: { select: { id: true, lastName: true } },
    room: { select: { number: true } },
  };

  const future = await db.reservation.findMany({
    where: { propertyId, status: "CONFIRMED", arrivalDate: { gt: utcDate(today) }, ...notErased },
    orderBy: [{ arrivalDate: "asc" }, { id: "asc" }],
    take: 2,
    select: stay,
  });
  const [upcoming, cancellable] = future;
  const arriving = await db.reservation.findFirst({
    where: { propertyId, status: "CONFIRMED", arrivalDate: utcDate(today), roomId: { not: null }, ...notErased },
    orderBy: { id: "asc" },
    select: stay,
  });
  const inHouse = await db.reservation.findFirst({
    where: { propertyId, status: "CHECKED_IN", ...notErased },
    orderBy: [{ departureDate: "asc" }, { id: "asc" }],
    select: stay,
  });
  const refundable = await db.payment.findFirst({
    where: { propertyId, status: "SUCCEEDED", refundedAmount: 0 },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const openConversation = await db.conversation.findFirst({
    where: { propertyId, status: "OPEN", guest: { erasedAt: null } },
    orderBy: { lastMessageAt: "desc" },
    select: { id: true, guestId: true },
  });
  const guest =
    upcoming?.guest ??
    inHouse?.guest ??
    (await db.guest.findFirst({ where: { propertyId, erasedAt: null }, select: { id: true, lastName: true } }));
  // The guest to erase has no live stay and takes part in no other example.
  const spoken = [guest?.id, upcoming?.guest.id, cancellable?.guest.id, arriving?.guest.id, inHouse?.guest.id, openConversation?.guestId];
  const eraseable = await db.guest.findFirst({
    where: {
      propertyId,
      erasedAt: null,
      id: { notIn: spoken.filter((id): id is string => Boolean(id)) },
      reservations: { none: { status: { in: [...LIVE] } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true },
  });
  const endpoint = options.includeEndpoints
    ? await db.webhookEndpoint.findFirst({ where: { propertyId }, orderBy: { createdAt: "desc" }, select: { id: true } })
    : null;
  const sent = options.includeEndpoints
    ? await db.webhookDelivery.findFirst({
        where: { status: { not: "PENDING" }, endpoint: { propertyId, enabled: true } },
        orderBy: { createdAt: "asc" },
        select: { endpointId: true, createdAt: true },
      })
    : null;
  const failed = sent
    ? await db.webhookDelivery.count({ where: { endpointId: sent.endpointId, status: "FAILED", createdAt: { gte: sent.createdAt } } })
    : 0;

  // A new booking half a year to a year and a half ahead, on nights chosen afresh for each reader, so
  // a second run usually finds a room free too.
  const arrival = addDaysToDate(today, 180 + (randomBytes(2).readUInt16BE() % 365));
  const departure = addDaysToDate(arrival, 2);
  const room = await freeRoom(propertyId, arrival, departure);
  const freeTonight = arriving ? null : await freeRoom(propertyId, today, addDaysToDate(today, 1));

  return {
    propertyName: property.name,
    today,
    currency: property.currency,
    guest: guest ? { id: guest.id } : null,
    room,
    bookingDates: { arrival, departure },
    upcoming: upcoming ? { id: upcoming.id } : null,
    cancellable: cancellable ? { id: cancellable.id } : null,
    arrivingToday: arriving
      ? {
          code: arriving.code,
          lastName: arriving.guest.lastName,
          roomNumber: arriving.room!.number,
          departure: isoDay(arriving.departureDate),
        }
      : null,
    freeTonight,
    inHouse: inHouse ? { code: inHouse.code, lastName: inHouse.guest.lastName } : null,
    refundable,
    openConversation: openConversation ? { id: openConversation.id } : null,
    eraseable,
    endpoint,
    replayable: sent
      ? { id: sent.endpointId, since: `${sent.createdAt.toISOString().slice(0, 19)}Z`, only: failed > 0 ? "failed" : "all" }
      : null,
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A fresh Idempotency-Key: one per example and page view. */
export const freshIdempotencyKey = () => randomUUID();

const PLACEHOLDER = (name: string) => `{${name}}`;

/** Ids for the `{id}` of any other operation's path (a GET, PATCH or DELETE): a row of the resource the path names. */
export function examplePathIds(path: string, rows: ExampleRows | null): Record<string, string> {
  if (!rows) return {};
  const resource = path.split("/")[1];
  const row = {
    reservations: rows.upcoming,
    payments: rows.refundable,
    guests: rows.guest,
    conversations: rows.openConversation,
    "webhook-endpoints": rows.endpoint,
    rooms: rows.room,
  }[resource ?? ""];
  return row ? { id: row.id } : {};
}

/**
 * The example of each POST operation, by operationId. `rows` null (a reader without a property) gives
 * placeholders; a row the property lacks leaves a placeholder and says why in `missing`.
 */
export function requestExamples(rows: ExampleRows | null): Record<string, RequestExample> {
  const id = (row: Row | undefined, name: string) => row?.id ?? PLACEHOLDER(name);
  const lacking = (row: unknown, what: string) => (rows && !row ? { missing: what } : {});
  const today = rows?.today ?? "2027-01-15";
  const tag = randomBytes(3).toString("hex");
  const walkIn = !rows?.arrivingToday;

  return {
    createReservation: {
      path: {},
      body: {
        guestId: id(rows?.guest, "guestId"),
        roomId: id(rows?.room, "roomId"),
        arrivalDate: rows?.bookingDates.arrival ?? "2027-06-01",
        departureDate: rows?.bookingDates.departure ?? "2027-06-03",
        adults: 1,
        totalAmount: 25800,
        currency: rows?.currency ?? "EUR",
      },
      ...lacking(rows?.guest && rows.room, "a guest, and a room free on those nights"),
    },
    issueReservationAccess: {
      path: { id: id(rows?.upcoming, "reservationId") },
      body: { lockName: "Front door" },
      ...lacking(rows?.upcoming, "a confirmed stay arriving later"),
    },
    cancelReservation: {
      path: { id: id(rows?.cancellable, "reservationId") },
      ...lacking(rows?.cancellable, "a second confirmed stay arriving later"),
    },
    recordReservationPayment: {
      path: { id: id(rows?.upcoming, "reservationId") },
      body: { amount: 12900, currency: rows?.currency ?? "EUR", method: "card" },
      ...lacking(rows?.upcoming, "a confirmed stay arriving later"),
    },
    refundPayment: {
      path: { id: id(rows?.refundable, "paymentId") },
      body: { amount: 1000 },
      ...lacking(rows?.refundable, "a settled payment"),
    },
    openConversation: {
      path: {},
      body: { guestId: id(rows?.guest, "guestId"), channel: "EMAIL", subject: "Your stay" },
      ...lacking(rows?.guest, "a guest"),
    },
    sendMessage: {
      path: { id: id(rows?.openConversation, "conversationId") },
      body: { body: "Your room is ready: check in from 15:00." },
      ...lacking(rows?.openConversation, "an open conversation"),
    },
    createWebhookEndpoint: {
      path: {},
      body: { url: "https://example.com/webhooks/pms", eventTypes: ["reservation.created", "reservation.cancelled"] },
    },
    rotateWebhookSecret: {
      path: { id: id(rows?.endpoint, "endpointId") },
      ...lacking(rows?.endpoint, "a webhook endpoint: create one first"),
    },
    replayWebhookDeliveries: {
      path: { id: id(rows?.replayable, "endpointId") },
      body: { since: rows?.replayable?.since ?? `${addDaysToDate(today, -1)}T00:00:00Z`, only: rows?.replayable?.only ?? "failed" },
      ...lacking(rows?.replayable, "a webhook endpoint that has sent deliveries"),
    },
    createGuest: { path: {}, body: { firstName: "Ada", lastName: "Lovelace", email: `ada.${tag}@example.com` } },
    eraseGuest: { path: { id: id(rows?.eraseable, "guestId") }, ...lacking(rows?.eraseable, "a guest with no live stay") },
    checkInGuest: {
      path: {},
      body: walkIn
        ? {
            pmsGuestId: `WALKIN-${tag.toUpperCase()}`,
            lastName: "Lovelace",
            firstName: "Ada",
            roomNumber: rows?.freeTonight?.number ?? PLACEHOLDER("roomNumber"),
            checkOutDate: addDaysToDate(today, 1),
          }
        : {
            pmsGuestId: rows!.arrivingToday!.code,
            lastName: rows!.arrivingToday!.lastName,
            roomNumber: rows!.arrivingToday!.roomNumber,
            checkOutDate: rows!.arrivingToday!.departure,
          },
      ...lacking(!walkIn || rows?.freeTonight, "a stay arriving today, or a room free tonight"),
    },
    updateReservation: { path: {}, body: { notes: "Arrives late, around 23:00" } },
    updateGuest: { path: {}, body: { phone: "+43 660 1234567" } },
    updateWebhookEndpoint: { path: {}, body: { description: "Channel manager" } },
    checkOutGuest: {
      path: {},
      body: { pmsGuestId: rows?.inHouse?.code ?? PLACEHOLDER("reservationCode"), lastName: rows?.inHouse?.lastName ?? "Lovelace" },
      ...lacking(rows?.inHouse, "a stay in house"),
    },
  };
}
