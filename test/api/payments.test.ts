// Payments as an accounting or payment integration records them: a payment for a stay, partial refunds.
import { describe, expect, it } from "vitest";
import * as paymentRoute from "../../app/api/v1/payments/[id]/route";
import * as refundRoute from "../../app/api/v1/payments/[id]/refund/route";
import * as paymentsRoute from "../../app/api/v1/payments/route";
import * as cancelRoute from "../../app/api/v1/reservations/[id]/cancel/route";
import * as stayPaymentsRoute from "../../app/api/v1/reservations/[id]/payments/route";
import { call } from "../api-client";
import { bookStay, keyFor, propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";

type Payment = { id: string; amount: number; amountRefunded: number; status: string; currency: string; method: string };

const stay = async (key: string, roomId: string) =>
  (await bookStay(key, roomId, { arrivalDate: "2031-08-01", departureDate: "2031-08-03", totalAmount: 30000 })).id;
const pay = (key: string, id: string, body: unknown) =>
  call(stayPaymentsRoute.POST, { method: "POST", key, params: { id }, path: `/api/v1/reservations/${id}/payments`, body });
const cancel = (key: string, id: string) =>
  call(cancelRoute.POST, { method: "POST", key, params: { id }, path: `/api/v1/reservations/${id}/cancel` });
const refund = (key: string, id: string, body: unknown = {}) =>
  call(refundRoute.POST, { method: "POST", key, params: { id }, path: `/api/v1/payments/${id}/refund`, body });

describe("payments", () => {
  it("records a payment (201, payment.created), refunds part then the rest (payment.refunded), never more than was paid", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const id = await stay(key, rooms[0]!.id);
    const paid = await pay(key, id, { amount: 12000, currency: "eur", method: "card" });
    expect(paid.status).toBe(201);
    const payment = (paid.body as { data: Payment }).data;
    expect(payment).toMatchObject({ amount: 12000, amountRefunded: 0, currency: "EUR", method: "card", status: "SUCCEEDED" });

    const partial = await refund(key, payment.id, { amount: 2500 });
    expect(partial.status).toBe(200);
    expect((partial.body as { data: Payment }).data).toMatchObject({ amountRefunded: 2500, status: "PARTIALLY_REFUNDED" });
    const tooMuch = await refund(key, payment.id, { amount: 9501 });
    expect(tooMuch.status).toBe(409);
    expect((tooMuch.body as { code: string; message: string }).message).toContain("9500");
    const rest = await refund(key, payment.id);
    expect((rest.body as { data: Payment }).data).toMatchObject({ amountRefunded: 12000, status: "REFUNDED" });
    expect((await refund(key, payment.id, { amount: 1 })).status).toBe(409);

    const events = await db.outboxEvent.findMany({
      where: { propertyId: property.id, type: { startsWith: "payment." } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.type, (e.payload as { refund?: { amount: number } }).refund?.amount ?? null])).toEqual([
      ["payment.created", null],
      ["payment.refunded", 2500],
      ["payment.refunded", 9500],
    ]);

    const listed = await call(stayPaymentsRoute.GET, { key, params: { id }, path: `/api/v1/reservations/${id}/payments` });
    expect((listed.body as { data: Payment[] }).data.map((p) => p.id)).toEqual([payment.id]);
    const all = await call(paymentsRoute.GET, { key, path: "/api/v1/payments?status=REFUNDED" });
    expect((all.body as { data: Payment[] }).data.map((p) => p.id)).toEqual([payment.id]);
    expect((await call(paymentRoute.GET, { key, params: { id: payment.id }, path: "/x" })).status).toBe(200);
  });

  it("refuses another currency (422), bad amounts (400), other properties' stays and payments (404), missing scopes (403); test keys keep nothing", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const id = await stay(key, rooms[0]!.id);
    const usd = await pay(key, id, { amount: 100, currency: "USD", method: "card" });
    expect(usd.status).toBe(422);
    expect((usd.body as { code: string }).code).toBe("CURRENCY_MISMATCH");
    for (const body of [
      { amount: 0, currency: "EUR", method: "card" },
      { amount: 12.5, currency: "EUR", method: "card" },
      { amount: 100, currency: "EUR", method: "cheque" },
      { amount: 100, method: "card" },
    ]) {
      const bad = await pay(key, id, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    const payment = ((await pay(key, id, { amount: 5000, currency: "EUR", method: "cash" })).body as { data: Payment }).data;
    expect((await refund(key, payment.id, { amount: -1 })).status).toBe(400);

    const other = await propertyWithKey(["full_access:write"]);
    expect((await pay(other.key, id, { amount: 100, currency: "EUR", method: "card" })).status).toBe(404);
    expect((await refund(other.key, payment.id)).status).toBe(404);
    expect((await call(paymentRoute.GET, { key: other.key, params: { id: payment.id }, path: "/x" })).status).toBe(404);
    expect(((await call(paymentsRoute.GET, { key: other.key, path: "/x" })).body as { data: Payment[] }).data).toEqual([]);
    const reader = await keyFor(property, ["payments:read"]);
    expect((await refund(reader, payment.id)).status).toBe(403);
    expect((await call(paymentsRoute.GET, { key: await keyFor(property, ["reservations:read"]), path: "/x" })).status).toBe(403);

    const testKey = await keyFor(property, ["payments:write"], "TEST");
    expect((await pay(testKey, id, { amount: 100, currency: "EUR", method: "card" })).body).toMatchObject({
      livemode: false,
      data: { amount: 100 },
    });
    expect((await refund(testKey, payment.id)).body).toMatchObject({ livemode: false, data: { status: "REFUNDED" } });
    expect(await db.payment.findMany({ where: { reservationId: id } })).toEqual([
      expect.objectContaining({ amount: 5000, refundedAmount: 0, status: "SUCCEEDED" }),
    ]);
  });

  it("refuses a payment on a cancelled stay with 409 INVALID_STATE and records nothing", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"]);
    const id = await stay(key, rooms[0]!.id);
    expect((await cancel(key, id)).status).toBe(200);
    const refused = await pay(key, id, { amount: 5000, currency: "EUR", method: "card" });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("cancelled") });
    expect(await db.payment.count({ where: { reservationId: id } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { propertyId: property.id, type: "payment.created" } })).toBe(0);
  });

  // On PGlite (one session) the pairs queue; with TEST_DATABASE_URL on a PostgreSQL server they truly overlap.
  it("a payment racing a cancel either lands before the cancel or is refused: no stay ends cancelled with a later payment", async () => {
    const { property, rooms, key } = await propertyWithKey(["full_access:write"], 12);
    const ids = await Promise.all(rooms.map((room) => stay(key, room.id)));
    const answers = await Promise.all(
      // Half the cancels leave first, half a few milliseconds after the payment, so both outcomes occur.
      ids.map((id, n) =>
        Promise.all([
          n % 2 === 0 ? cancel(key, id) : new Promise((wait) => setTimeout(wait, n)).then(() => cancel(key, id)),
          pay(key, id, { amount: 5000, currency: "EUR", method: "card" }),
        ]),
      ),
    );
    expect(answers.map(([cancelled]) => cancelled.status)).toEqual(ids.map(() => 200));
    const events = await db.outboxEvent.findMany({
      where: { propertyId: property.id, type: { in: ["payment.created", "reservation.cancelled"] } },
      orderBy: { seq: "asc" },
    });
    const stayOf = (e: (typeof events)[number]) =>
      (e.payload as { payment?: { reservationId: string }; reservation?: { id: string } }).payment?.reservationId ??
      (e.payload as { reservation?: { id: string } }).reservation!.id;
    ids.forEach((id, n) => {
      const [, paid] = answers[n]!;
      const order = events.filter((e) => stayOf(e) === id).map((e) => e.type);
      if (paid.status === 201) expect(order, id).toEqual(["payment.created", "reservation.cancelled"]);
      else {
        expect(paid.body, id).toMatchObject({ code: "INVALID_STATE" });
        expect(order, id).toEqual(["reservation.cancelled"]);
      }
    });
    console.log("payments racing cancels:", answers.map(([, paid]) => paid.status).join(" "));
  });
});
