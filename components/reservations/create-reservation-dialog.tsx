"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/errors/action-result";
import { createReservationAction } from "@/lib/actions/reservations";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";

interface Room {
  id: string;
  number: string;
  type: string;
  capacity: number;
}

export function CreateReservationDialog({ slug, rooms, currency }: { slug: string; rooms: Room[]; currency: string }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, action, pending] = useActionState(async (_previous: ActionResult | null, form: FormData) => {
    const next = await createReservationAction(slug, form);
    if (next.ok) {
      setOpen(false);
      setNotice(next.message ?? "Reservation created.");
    }
    return next;
  }, null);

  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);
  const invalid = (key: string) => (errors(key) ? true : undefined);

  return (
    <>
      {notice ? (
        <p role="status" className="self-center text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) setNotice(null);
        }}
      >
        <DialogTrigger asChild>
          <Button>New reservation</Button>
        </DialogTrigger>
        <DialogContent title="New reservation" description="Book a room for a guest. Existing guests are matched by email.">
          <form action={action} className="grid grid-cols-2 gap-4" noValidate>
            <Field id="firstName" label="First name" errors={errors("guest.firstName")}>
              <Input id="firstName" name="firstName" required aria-invalid={invalid("guest.firstName")} />
            </Field>
            <Field id="lastName" label="Last name" errors={errors("guest.lastName")}>
              <Input id="lastName" name="lastName" required aria-invalid={invalid("guest.lastName")} />
            </Field>
            <Field id="email" label="Email (optional)" errors={errors("guest.email")} className="col-span-2">
              <Input id="email" name="email" type="email" aria-invalid={invalid("guest.email")} />
            </Field>
            <Field id="roomId" label="Room" errors={errors("roomId")} className="col-span-2">
              <Select id="roomId" name="roomId" defaultValue="" aria-invalid={invalid("roomId")}>
                <option value="" disabled>
                  Choose a room
                </option>
                {rooms.map((room) => (
                  <option key={room.id} value={room.id}>
                    {room.number} · {room.type} (sleeps {room.capacity})
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="arrivalDate" label="Arrival" errors={errors("arrivalDate")}>
              <Input id="arrivalDate" name="arrivalDate" type="date" aria-invalid={invalid("arrivalDate")} />
            </Field>
            <Field id="departureDate" label="Departure" errors={errors("departureDate")}>
              <Input id="departureDate" name="departureDate" type="date" aria-invalid={invalid("departureDate")} />
            </Field>
            <Field id="adults" label="Adults" errors={errors("adults")}>
              <Input id="adults" name="adults" type="number" min={1} defaultValue={2} aria-invalid={invalid("adults")} />
            </Field>
            <Field id="children" label="Children" errors={errors("children")}>
              <Input id="children" name="children" type="number" min={0} defaultValue={0} aria-invalid={invalid("children")} />
            </Field>
            <Field id="amount" label={`Total (${currency})`} errors={errors("amount") ?? errors("totalAmount")} className="col-span-2">
              <Input id="amount" name="amount" inputMode="decimal" placeholder="0.00" aria-invalid={invalid("amount")} />
            </Field>
            <Field id="notes" label="Notes (optional)" errors={errors("notes")} className="col-span-2">
              <Textarea id="notes" name="notes" rows={2} />
            </Field>
            {result && !result.ok ? (
              <p role="alert" className="col-span-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
                {result.message}
              </p>
            ) : null}
            <div className="col-span-2 flex justify-end gap-2">
              <Button type="submit" disabled={pending}>
                {pending ? "Creating…" : "Create reservation"}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
