"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { updateAlertEmailsAction } from "@/lib/actions/account";
import type { AlertKind } from "@/lib/integration-rules/alert-kinds";

/** One checkbox per alert rule (`rules`, with the words of the registry): checked means "e-mail me". */
export function AlertEmailsCard({
  rules,
  muted,
  mailedFor,
  mailConfigured,
}: {
  rules: { kind: AlertKind; label: string; hint: string }[];
  muted: string[];
  mailedFor: string[];
  mailConfigured: boolean;
}) {
  const router = useRouter();
  const [wanted, setWanted] = useState<Set<AlertKind>>(() => new Set(rules.map((r) => r.kind).filter((kind) => !muted.includes(kind))));
  const mutation = useMutation({
    mutationFn: updateAlertEmailsAction,
    onSuccess: (result) => {
      if (result.ok) router.refresh();
    },
  });
  return (
    <section aria-labelledby="alert-emails-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="alert-emails-heading" className="text-base font-semibold text-slate-900">
        E-mail me when
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {mailedFor.length > 0
          ? `You get these as owner or admin of ${mailedFor.join(", ")}.`
          : "Alert e-mails go to the owners and admins of a property. You are neither on any property, so there is nothing to choose here."}
        {mailConfigured || mailedFor.length === 0
          ? ""
          : " This server is not set up to send e-mail yet, so none is sent for now: ask whoever runs it."}
      </p>
      {mailedFor.length === 0 ? null : (
        <form
          className="mt-4"
          onSubmit={(event) => {
            event.preventDefault();
            mutation.mutate({ muted: rules.map((r) => r.kind).filter((kind) => !wanted.has(kind)) });
          }}
        >
          <fieldset>
            <legend className="sr-only">Alerts to get by e-mail</legend>
            <ul className="grid gap-2 sm:grid-cols-2">
              {rules.map(({ kind: rule, label, hint }) => (
                <li key={rule}>
                  <label className="flex gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
                    <input
                      type="checkbox"
                      name={rule}
                      className="mt-0.5"
                      checked={wanted.has(rule)}
                      onChange={(event) =>
                        setWanted((current) => {
                          const next = new Set(current);
                          if (event.target.checked) next.add(rule);
                          else next.delete(rule);
                          return next;
                        })
                      }
                    />
                    <span>
                      <span className="block font-medium text-slate-900">{label}</span>
                      <span className="block text-xs text-slate-600">{hint}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : "Save"}
            </Button>
            <ActionMessage result={mutation.data} />
          </div>
        </form>
      )}
    </section>
  );
}
