import { describe, expect, it } from "vitest";
import { createProperty } from "../../test/fixtures";
import type { Actor } from "../audit/record-audit-event";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { changeReservationStatus } from "./change-reservation-status";
import { createReservation } from "./create-reservation";
import { createReservationInput } from "./schemas";

const actor: Actor = { type: "USER", id: null, label: "Test <test@example.com>" };

/** A confirmed stay arriving on 2030-03-10 in a property of the given time zone. */
async function stayArriving(timezone = "UTC") {
  const { property, rooms } = await createProperty();
  await db.property.update({ where: { id: property.id }, data: { timezone } });
  const input = createReservationInput.parse({
    guest: { firstName: "Grace", lastName: "Hopper" },
    roomId: rooms[0]!.id,
    arrivalDate: "2030-03-10",
    departureDate: "2030-03-12",
    adults: 1,
    totalAmount: 20000,
  });
  const reservation = await createReservation({ property, actor, input });
  const checkIn = (now: string, confirmEarly?: boolean) =>
    changeReservationStatus({
      propertyId: property.id,
      reservationId: reservation.id,
      transition: "check_in",
      actor,
      now: new Date(now),
      confirmEarly,
    });
  return { reservation, checkIn };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("check-in before arrival", () => {
  it("checks in on the arrival day without a question", async () => {
    const { checkIn } = await stayArriving();
    expect((await checkIn("2030-03-10T08:00:00Z")).status).toBe("CHECKED_IN");
  });

  it("checks in on the day before arrival without a question", async () => {
    const { checkIn } = await stayArriving();
    expect((await checkIn("2030-03-09T21:00:00Z")).status).toBe("CHECKED_IN");
  });

  it("refuses two days before arrival unless the early check-in was confirmed", async () => {
    const { reservation, checkIn } = await stayArriving();
    const error = await refusal(checkIn("2030-03-08T12:00:00Z"));
    expect(error.code).toBe("INVALID_STATE");
    expect(error.status).toBe(409);
    expect(error.message).toBe(`${reservation.code} arrives on 10 Mar 2030. Confirm the early check-in to check the guest in before then.`);
    expect((await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).status).toBe("CONFIRMED");
    expect(await db.auditEvent.count({ where: { targetId: reservation.id, action: "reservation.check_in" } })).toBe(0);

    const checkedIn = await checkIn("2030-03-08T12:00:00Z", true);
    expect(checkedIn.status).toBe("CHECKED_IN");
    expect(checkedIn.checkedInAt?.toISOString()).toBe("2030-03-08T12:00:00.000Z");
  });

  it("counts days in the property's time zone", async () => {
    // 23:30 UTC on the 8th is already the 9th in Vienna: the day before arrival there, two days before in UTC.
    const vienna = await stayArriving("Europe/Vienna");
    expect((await vienna.checkIn("2030-03-08T23:30:00Z")).status).toBe("CHECKED_IN");
    const utc = await stayArriving("UTC");
    expect((await refusal(utc.checkIn("2030-03-08T23:30:00Z"))).code).toBe("INVALID_STATE");
  });

  it("still explains a stay that cannot be checked in at all", async () => {
    const { checkIn } = await stayArriving();
    await checkIn("2030-03-10T08:00:00Z");
    expect((await refusal(checkIn("2030-03-01T08:00:00Z"))).message).toBe("Cannot check in a reservation that is checked in.");
  });
});
