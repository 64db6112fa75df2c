import { describe, expect, it } from "vitest";
import { createProperty } from "../../test/fixtures";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { actionFailure } from "../errors/action-result";
import { changeReservationStatus } from "../reservations/change-reservation-status";
import { createReservation } from "../reservations/create-reservation";
import { createReservationInput } from "../reservations/schemas";
import { recordPayment, recordPaymentForm } from "./payments";

const actor: Actor = { type: "USER", id: null, label: "Test <test@example.com>" };

async function stay() {
  const { property, rooms } = await createProperty();
  const reservation = await createReservation({
    property,
    actor,
    input: createReservationInput.parse({
      guest: { firstName: "Ada", lastName: "Lovelace" },
      roomId: rooms[0]!.id,
      arrivalDate: "2030-01-01",
      departureDate: "2030-01-03",
      adults: 1,
      totalAmount: 24000,
    }),
  });
  return { property, reservation };
}

const fieldsOf = (input: Record<string, string>) => {
  try {
    recordPaymentForm.parse(input);
  } catch (error) {
    const failure = actionFailure(error);
    return failure.ok ? null : failure.fields;
  }
  return null;
};

describe("the stay page's Record payment form", () => {
  it("records what the desk typed in major units as minor units, in the property's currency", async () => {
    const { property, reservation } = await stay();
    const form = recordPaymentForm.parse({ reservationId: reservation.id, amount: "120.5", method: "cash" });
    const payment = await recordPayment({
      property,
      reservationId: form.reservationId,
      actor,
      input: { amount: form.amount, currency: property.currency, method: form.method },
    });
    expect(payment).toMatchObject({ amount: 12050, currency: "EUR", method: "cash", status: "SUCCEEDED" });
    expect(await db.auditEvent.count({ where: { targetId: reservation.id, action: "payment.created" } })).toBe(1);
  });

  it("answers each unusable field under its own name", () => {
    expect(fieldsOf({ reservationId: "r_1", amount: "0", method: "cash" })).toEqual({ amount: ["Enter an amount above 0"] });
    expect(fieldsOf({ reservationId: "r_1", amount: "12,50", method: "cash" })).toEqual({ amount: ["Enter an amount such as 129.00"] });
    expect(fieldsOf({ reservationId: "r_1", amount: "10", method: "cheque" })).toEqual({ method: ["Choose how it was paid"] });
  });

  it("a cancelled stay takes no payment", async () => {
    const { property, reservation } = await stay();
    await changeReservationStatus({ propertyId: property.id, reservationId: reservation.id, transition: "cancel", actor });
    await expect(
      recordPayment({ property, reservationId: reservation.id, actor, input: { amount: 100, currency: "EUR", method: "card" } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
