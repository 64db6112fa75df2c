"use client";

import { useState, type FormEvent } from "react";
import { createReservationAction } from "@/lib/actions/reservations";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import { useActionMutation } from "@/components/ui/use-action-mutation";

interface Room {
  id: string;
  number: string;
  type: string;
  capacity: number;
}

/**
 * The form is submitted by hand, not as a form action, so React never resets it: after a refusal every
 * field keeps what was typed, with the server's messages beside the fields they concern.
 */
export function CreateReservationDialog({ slug, rooms, currency }: { slug: string; rooms: Room[]; currency: string }) {
  const [open, setOpen] = useState(false);
  const mutation = useActionMutation((form: FormData) => createReservationAction(slug, form), {
    onSuccess: () => setOpen(false),
    // The form shows a refusal itself.
    failureToast: false,
  });
  const result = mutation.data;
  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);
  const invalid = (key: string) => (errors(key) ? true : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(new FormData(event.currentTarget));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button>New reservation</Button>
      </DialogTrigger>
      <DialogContent
        title="New reservation"
        description="Book a room for a guest. Existing guests are matched by email."
        className="max-h-[calc(100dvh-2rem)]"
      >
        <form onSubmit={onSubmit} className="grid grid-cols-1 gap-4 sm:grid-cols-2" noValidate>
          <Field id="firstName" label="First name" errors={errors("guest.firstName")}>
            <Input id="firstName" name="firstName" required aria-invalid={invalid("guest.firstName")} />
          </Field>
          <Field id="lastName" label="Last name" errors={errors("guest.lastName")}>
            <Input id="lastName" name="lastName" required aria-invalid={invalid("guest.lastName")} />
          </Field>
          <Field id="email" label="Email (optional)" errors={errors("guest.email")} className="sm:col-span-2">
            <Input id="email" name="email" type="email" aria-invalid={invalid("guest.email")} />
          </Field>
          <Field id="roomId" label="Room" errors={errors("roomId")} className="sm:col-span-2">
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
          <Field id="amount" label={`Total (${currency})`} errors={errors("amount") ?? errors("totalAmount")} className="sm:col-span-2">
            <Input id="amount" name="amount" inputMode="decimal" placeholder="0.00" aria-invalid={invalid("amount")} />
          </Field>
          <Field id="notes" label="Notes (optional)" errors={errors("notes")} className="sm:col-span-2">
            <Textarea id="notes" name="notes" rows={2} />
          </Field>
          {result && !result.ok ? (
            <p role="alert" className="rounded-md sm:col-span-2 bg-red-50 px-3 py-2 text-sm text-red-700">
              {result.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2 sm:col-span-2">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Creating…" : "Create reservation"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
