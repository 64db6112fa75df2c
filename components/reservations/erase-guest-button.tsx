"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { eraseGuestAction } from "@/lib/actions/reservations";

/** OWNER/ADMIN: erase the guest's personal data (GDPR art. 17), after confirming. */
export function EraseGuestButton({
  slug,
  guestId,
  reservationId,
  guestName,
}: {
  slug: string;
  guestId: string;
  reservationId: string;
  guestName: string;
}) {
  const [open, setOpen] = useState(false);
  // A refusal stays in the dialog; success is a toast.
  const mutation = useActionMutation(() => eraseGuestAction(slug, { guestId, reservationId }), {
    onSuccess: () => setOpen(false),
    failureToast: false,
  });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Erase guest data
      </Button>
      {open ? (
        <ConfirmDialog
          title={`Erase ${guestName}'s personal data?`}
          description="Their name, email and phone are removed from this guest, their messages, notes, request logs, events and webhook history, and every webhook endpoint is told (guest.erased). Stays and payments stay. This cannot be undone."
          confirmLabel="Erase guest data"
          pendingLabel="Erasing…"
          pending={mutation.isPending}
          failure={mutation.data && !mutation.data.ok ? mutation.data.message : null}
          onConfirm={() => mutation.mutate()}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
