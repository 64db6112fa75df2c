"use client";

import { useActionState } from "react";
import { changeReservationStatusAction } from "@/lib/actions/reservations";
import { Button } from "@/components/ui/button";
import type { ReservationStatus } from "@/lib/db/generated/prisma/enums";

interface Props {
  slug: string;
  reservationId: string;
  code: string;
  status: ReservationStatus;
  canCheckInOut: boolean;
  canCancel: boolean;
}

/** The transitions a stay in this status allows and this role may make. */
export function ReservationActions({ slug, reservationId, code, status, canCheckInOut, canCancel }: Props) {
  const [result, action, pending] = useActionState((_previous: unknown, form: FormData) => changeReservationStatusAction(slug, form), null);
  const buttons: { transition: string; label: string; variant: "secondary" | "danger" }[] = [];
  if (status === "CONFIRMED" && canCheckInOut) buttons.push({ transition: "check_in", label: "Check in", variant: "secondary" });
  if (status === "CHECKED_IN" && canCheckInOut) buttons.push({ transition: "check_out", label: "Check out", variant: "secondary" });
  if (status === "CONFIRMED" && canCancel) buttons.push({ transition: "cancel", label: "Cancel", variant: "danger" });
  if (buttons.length === 0) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-2">
        {buttons.map((button) => (
          <form
            key={button.transition}
            action={action}
            onSubmit={(event) => {
              if (button.transition === "cancel" && !window.confirm(`Cancel reservation ${code}? This cannot be undone.`))
                event.preventDefault();
            }}
          >
            <input type="hidden" name="reservationId" value={reservationId} />
            <input type="hidden" name="transition" value={button.transition} />
            <Button type="submit" size="sm" variant={button.variant} disabled={pending} aria-label={`${button.label} ${code}`}>
              {button.label}
            </Button>
          </form>
        ))}
      </div>
      {result && !result.ok ? (
        <p role="alert" className="text-xs text-red-600">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
