"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userActor } from "@/lib/audit/record-audit-event";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { toActionResult, type ActionResult } from "@/lib/errors/action-result";
import { changeReservationStatus } from "@/lib/reservations/change-reservation-status";
import { createReservation } from "@/lib/reservations/create-reservation";
import { parseCreateReservationForm } from "@/lib/reservations/schemas";

const forbidden = () => new AppError("FORBIDDEN", "Your role does not allow this action.");

export async function createReservationAction(slug: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const access = await getPropertyAccess(slug);
    if (!can.createReservation(access.role)) throw forbidden();
    const input = parseCreateReservationForm(Object.fromEntries(form));
    const reservation = await createReservation({ property: access.property, actor: userActor(access.user), input });
    revalidatePath(`/${slug}/reservations`);
    return `Reservation ${reservation.code} created.`;
  });
}

const statusForm = z.object({ reservationId: z.string().min(1), transition: z.enum(["check_in", "check_out", "cancel"]) });

export async function changeReservationStatusAction(slug: string, _previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return toActionResult(async () => {
    const access = await getPropertyAccess(slug);
    const { reservationId, transition } = statusForm.parse(Object.fromEntries(form));
    const allowed = transition === "cancel" ? can.cancelReservation(access.role) : can.checkInOut(access.role);
    if (!allowed) throw forbidden();
    const reservation = await changeReservationStatus({ propertyId: access.property.id, reservationId, transition, actor: userActor(access.user) });
    revalidatePath(`/${slug}/reservations`);
    return `${reservation.code} is now ${reservation.status.replace("_", " ").toLowerCase()}.`;
  });
}
