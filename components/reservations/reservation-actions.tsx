"use client";

import { useState } from "react";
import { changeReservationStatusAction } from "@/lib/actions/reservations";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent } from "@/components/ui/dialog";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import type { ReservationStatus } from "@/lib/db/generated/prisma/enums";

interface Props {
  slug: string;
  reservationId: string;
  code: string;
  guestName: string;
  status: ReservationStatus;
  /** The arrival date as the desk reads it, for the confirmations. */
  arrival: string;
  /** Arrival is later than tomorrow in the property's time zone: checking in asks first. */
  early: boolean;
  canCheckInOut: boolean;
  canCancel: boolean;
}

type Input = Exclude<Parameters<typeof changeReservationStatusAction>[1], FormData>;

/** The transitions a stay in this status allows and this role may make; cancel is quiet and asks first. */
export function ReservationActions({ slug, reservationId, code, guestName, status, arrival, early, canCheckInOut, canCancel }: Props) {
  const [confirm, setConfirm] = useState<"early" | "cancel" | null>(null);
  const mutation = useActionMutation(
    (input: Omit<Input, "reservationId">) => changeReservationStatusAction(slug, { ...input, reservationId }),
    {
      onSuccess: () => setConfirm(null),
    },
  );
  const checkIn = status === "CONFIRMED" && canCheckInOut;
  const checkOut = status === "CHECKED_IN" && canCheckInOut;
  const cancel = status === "CONFIRMED" && canCancel;
  if (!checkIn && !checkOut && !cancel) return null;
  const busy = mutation.isPending;

  return (
    <div className="flex items-center justify-end gap-1">
      {checkIn ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          aria-label={`Check in ${code}`}
          onClick={() => (early ? setConfirm("early") : mutation.mutate({ transition: "check_in" }))}
        >
          Check in
        </Button>
      ) : null}
      {checkOut ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={busy}
          aria-label={`Check out ${code}`}
          onClick={() => mutation.mutate({ transition: "check_out" })}
        >
          Check out
        </Button>
      ) : null}
      {cancel ? (
        <Button
          size="sm"
          variant="ghost"
          className="text-slate-600"
          disabled={busy}
          aria-label={`Cancel ${code}`}
          onClick={() => setConfirm("cancel")}
        >
          Cancel
        </Button>
      ) : null}
      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        {confirm === "early" ? (
          <DialogContent title="Check in early?" description={`${guestName} arrives on ${arrival}. Check in ${code} now anyway?`}>
            <Choices
              busy={busy}
              keep="Not yet"
              go="Check in now"
              onGo={() => mutation.mutate({ transition: "check_in", confirmEarly: true })}
            />
          </DialogContent>
        ) : confirm === "cancel" ? (
          <DialogContent
            title={`Cancel ${code}?`}
            description={`${guestName}, arriving ${arrival}. The room becomes free again; a cancelled reservation cannot be restored.`}
          >
            <Choices
              busy={busy}
              keep="Keep reservation"
              go="Cancel reservation"
              danger
              onGo={() => mutation.mutate({ transition: "cancel" })}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

function Choices({ busy, keep, go, danger, onGo }: { busy: boolean; keep: string; go: string; danger?: boolean; onGo: () => void }) {
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <DialogClose asChild>
        <Button variant="secondary">{keep}</Button>
      </DialogClose>
      <Button variant={danger ? "danger" : "primary"} disabled={busy} onClick={onGo}>
        {busy ? "Working…" : go}
      </Button>
    </div>
  );
}
