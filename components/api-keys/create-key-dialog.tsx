"use client";

import { FormError } from "@/components/ui/action-message";
import { useActionMutation } from "@/components/ui/use-action-mutation";
import { useState } from "react";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select, Textarea } from "@/components/ui/field";
import type { IssuedKey } from "@/lib/api-keys/create-api-key";
import { PRESETS, SCOPES, type Scope } from "@/lib/api-keys/scopes";
import { IssuedKeys } from "./issued-keys";
import { useInvalidateApiKeys } from "./use-api-keys";

type Access = "read" | "write" | "custom";

export function CreateKeyDialog({ slug }: { slug: string }) {
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedKey[] | null>(null);
  const [access, setAccess] = useState<Access>("read");
  const [custom, setCustom] = useState<Scope[]>([]);
  const [expiry, setExpiry] = useState("never");
  const invalidate = useInvalidateApiKeys(slug);
  const mutation = useActionMutation((input: Parameters<typeof createApiKeyAction>[1]) => createApiKeyAction(slug, input), {
    // The dialog shows the new key and says to store it now; a refusal stays in it too.
    successToast: false,
    failureToast: false,
    onSuccess: async (result) => {
      setIssued(result.keys);
      await invalidate();
    },
  });
  const failure = mutation.data && !mutation.data.ok ? mutation.data : null;
  const errors = (key: string) => failure?.fields?.[key];

  function reset(next: boolean) {
    setOpen(next);
    if (!next) {
      setIssued(null);
      mutation.reset();
      setAccess("read");
      setCustom([]);
      setExpiry("never");
    }
  }

  return (
    // While the key is being created the dialog stays: closing it would lose the key it is about to show.
    <Dialog open={open} onOpenChange={(next) => (next || !mutation.isPending) && reset(next)}>
      <DialogTrigger asChild>
        <Button>Create API key</Button>
      </DialogTrigger>
      <DialogContent
        dismissible={!issued && !mutation.isPending}
        title={issued ? "Your new API key" : "Create API key"}
        description={issued ? undefined : "Name the key after the system that will use it, and give it only the permissions it needs."}
        className="max-w-xl"
      >
        {issued ? (
          <IssuedKeys keys={issued} onStored={() => reset(false)} />
        ) : (
          <form
            className="space-y-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const form = new FormData(event.currentTarget);
              // The form's raw values: the action validates them and answers field errors.
              mutation.mutate({
                name: form.get("name"),
                note: form.get("note"),
                mode: form.get("mode"),
                scopes: access === "custom" ? custom : PRESETS[access].scopes,
                expiry,
                expiresOn: expiry === "date" ? form.get("expiresOn") : undefined,
              } as Parameters<typeof createApiKeyAction>[1]);
            }}
          >
            <Field id="key-name" label="Name" errors={errors("name")} hint="For example “Channel manager – production”">
              <Input id="key-name" name="name" maxLength={80} aria-invalid={errors("name") ? true : undefined} />
            </Field>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Mode</legend>
              <div className="mt-1 grid gap-2 sm:grid-cols-3">
                {[
                  { value: "LIVE", label: "Live", hint: "Reads and writes real data" },
                  { value: "TEST", label: "Test", hint: "Validates, writes nothing" },
                  { value: "PAIR", label: "Live + test pair", hint: "Both, created together" },
                ].map((mode) => (
                  <label
                    key={mode.value}
                    className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50"
                  >
                    <input type="radio" name="mode" value={mode.value} defaultChecked={mode.value === "LIVE"} className="mt-0.5" />
                    <span>
                      <span className="block font-medium">{mode.label}</span>
                      <span className="block text-xs text-slate-600">{mode.hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Permissions</legend>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {(["read", "write", "custom"] as const).map((value) => (
                  <label key={value} className="flex items-center gap-2">
                    <input type="radio" name="access" value={value} checked={access === value} onChange={() => setAccess(value)} />
                    {value === "custom" ? "Custom" : PRESETS[value].label}
                  </label>
                ))}
              </div>
              {access === "custom" ? (
                <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
                  {SCOPES.filter((s) => !s.id.startsWith("full_access")).map((scope) => (
                    <label key={scope.id} className="flex gap-2 rounded p-1 text-sm hover:bg-slate-50">
                      <input
                        type="checkbox"
                        checked={custom.includes(scope.id)}
                        onChange={(event) =>
                          setCustom((current) => (event.target.checked ? [...current, scope.id] : current.filter((id) => id !== scope.id)))
                        }
                        className="mt-0.5"
                      />
                      <span>
                        <span className="block">{scope.label}</span>
                        <span className="block font-mono text-[11px] text-slate-500">{scope.id}</span>
                      </span>
                    </label>
                  ))}
                </div>
              ) : null}
              {errors("scopes") ? (
                <p role="alert" className="mt-1 text-xs text-red-600">
                  {errors("scopes")!.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field id="key-expiry" label="Expires">
                <Select id="key-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)}>
                  <option value="never">Never</option>
                  <option value="30d">In 30 days</option>
                  <option value="90d">In 90 days</option>
                  <option value="365d">In 365 days</option>
                  <option value="date">On a date…</option>
                </Select>
              </Field>
              {expiry === "date" ? (
                <Field id="key-expires-on" label="Expiry date" errors={errors("expiresOn")}>
                  <Input id="key-expires-on" name="expiresOn" type="date" aria-invalid={errors("expiresOn") ? true : undefined} />
                </Field>
              ) : null}
            </div>
            <Field
              id="key-note"
              label="Note (optional)"
              errors={errors("note")}
              hint="Only your team sees it: who asked for the key, where it is installed"
            >
              <Textarea id="key-note" name="note" rows={2} maxLength={200} aria-invalid={errors("note") ? true : undefined} />
            </Field>
            {failure ? <FormError>{failure.message}</FormError> : null}
            <div className="flex justify-end">
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
