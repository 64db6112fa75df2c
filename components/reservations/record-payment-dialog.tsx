"use client";

import { useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { recordPaymentAction } from "@/lib/actions/reservations";

const METHODS = [
  { value: "card", label: "Card" },
  { value: "cash", label: "Cash" },
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "other", label: "Other" },
] as const;

/**
 * A payment taken at the desk, in the property's currency. A refusal stays in the form beside the field it
 * concerns (what was typed is kept); a recorded payment closes the form with a toast and the page's totals refresh.
 */
export function RecordPaymentDialog({
  slug,
  reservationId,
  currency,
  balance,
}: {
  slug: string;
  reservationId: string;
  currency: string;
  /** What is still due, in major units ("120.00"), offered as the amount; empty when nothing is. */
  balance: string;
}) {
  const [open, setOpen] = useState(false);
  const mutation = useActionMutation(
    (form: FormData) => {
      form.set("reservationId", reservationId);
      return recordPaymentAction(slug, form);
    },
    { onSuccess: () => setOpen(false), failureToast: false },
  );
  const result = mutation.data;
  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);
  const invalid = (key: string) => (errors(key) ? true : undefined);
  // A refusal no single field owns (a cancelled stay, another currency) is written above the buttons.
  const general = result && !result.ok && !errors("amount") && !errors("method") ? result.message : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate(new FormData(event.currentTarget));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next && mutation.isPending) return;
        setOpen(next);
        if (next) mutation.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">Record payment</Button>
      </DialogTrigger>
      <DialogContent title="Record payment" description={`A payment received for this stay, in ${currency}.`}>
        <form onSubmit={onSubmit} className="grid gap-4" noValidate>
          <Field id="payment-amount" label={`Amount (${currency})`} errors={errors("amount")}>
            <Input
              id="payment-amount"
              name="amount"
              inputMode="decimal"
              placeholder="0.00"
              defaultValue={balance}
              aria-invalid={invalid("amount")}
              aria-describedby={errors("amount") ? "payment-amount-error" : undefined}
            />
          </Field>
          <Field id="payment-method" label="Method" errors={errors("method")}>
            <Select
              id="payment-method"
              name="method"
              defaultValue="card"
              aria-invalid={invalid("method")}
              aria-describedby={errors("method") ? "payment-method-error" : undefined}
            >
              {METHODS.map((m) => (
                <option key={m.value} value={m.value}>
                  {m.label}
                </option>
              ))}
            </Select>
          </Field>
          {general ? <FormError>{general}</FormError> : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="secondary" disabled={mutation.isPending}>
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Recording…" : "Record payment"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
