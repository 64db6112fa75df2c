"use client";

import { useState } from "react";
import { changeReservationStatusAction } from "@/lib/actions/reservations";
import { FormError } from "@/components/ui/action-message";
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
  /** The guest's personal data was erased: the stay takes no check-in (the server refuses it too). */
  guestErased?: boolean;
  /**
   * "row" (the list): small buttons, a refusal as a toast. "page" (the stay's own page): full-size buttons
   * that wrap on a phone, a refusal written under them (or in the open confirmation) until the next try.
   */
  variant?: "row" | "page";
}

type Input = Exclude<Parameters<typeof changeReservationStatusAction>[1], FormData>;

/** The transitions a stay in this status allows and this role may make; cancel is quiet and asks first. */
export function ReservationActions({
  slug,
  reservationId,
  code,
  guestName,
  status,
  arrival,
  early,
  canCheckInOut,
  canCancel,
  guestErased = false,
  variant = "row",
}: Props) {
  const [confirm, setConfirm] = useState<"early" | "cancel" | null>(null);
  const page = variant === "page";
  const mutation = useActionMutation(
    (input: Omit<Input, "reservationId">) => changeReservationStatusAction(slug, { ...input, reservationId }),
    {
      onSuccess: () => setConfirm(null),
      failureToast: !page,
    },
  );
  const checkIn = status === "CONFIRMED" && canCheckInOut && !guestErased;
  const checkOut = status === "CHECKED_IN" && canCheckInOut;
  const cancel = status === "CONFIRMED" && canCancel;
  if (!checkIn && !checkOut && !cancel) return null;
  const busy = mutation.isPending;
  const size = page ? "md" : "sm";
  // On the page a refusal stays in view: in the confirmation while it is open, else under the buttons.
  const failure = page && mutation.data && !mutation.data.ok ? mutation.data.message : null;
  const start = (next: "early" | "cancel" | null, input?: Omit<Input, "reservationId">) => {
    mutation.reset();
    setConfirm(next);
    if (input) mutation.mutate(input);
  };

  return (
    <div className={page ? "flex flex-col gap-2" : "flex items-center justify-end gap-1"}>
      <div className={page ? "flex flex-wrap gap-2" : "contents"}>
        {checkIn ? (
          <Button
            size={size}
            variant="secondary"
            disabled={busy}
            aria-label={`Check in ${code}`}
            onClick={() => (early ? start("early") : start(null, { transition: "check_in" }))}
          >
            Check in
          </Button>
        ) : null}
        {checkOut ? (
          <Button
            size={size}
            variant="secondary"
            disabled={busy}
            aria-label={`Check out ${code}`}
            onClick={() => start(null, { transition: "check_out" })}
          >
            Check out
          </Button>
        ) : null}
        {cancel ? (
          <Button
            size={size}
            variant={page ? "secondary" : "ghost"}
            className={page ? "text-red-700" : "text-slate-600"}
            disabled={busy}
            aria-label={page ? `Cancel reservation ${code}` : `Cancel ${code}`}
            onClick={() => start("cancel")}
          >
            {page ? "Cancel reservation" : "Cancel"}
          </Button>
        ) : null}
      </div>
      {failure && confirm === null ? <FormError>{failure}</FormError> : null}
      <Dialog open={confirm !== null} onOpenChange={(open) => !open && setConfirm(null)}>
        {confirm === "early" ? (
          <DialogContent title="Check in early?" description={`${guestName} arrives on ${arrival}. Check in ${code} now anyway?`}>
            {failure ? <FormError>{failure}</FormError> : null}
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
            {failure ? <FormError>{failure}</FormError> : null}
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
    <div className="mt-3 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <DialogClose asChild>
        <Button variant="secondary">{keep}</Button>
      </DialogClose>
      <Button variant={danger ? "danger" : "primary"} disabled={busy} onClick={onGo}>
        {busy ? "Working…" : go}
      </Button>
    </div>
  );
}
