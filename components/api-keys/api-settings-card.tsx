"use client";

import { useRouter } from "next/navigation";
import { ActionMessage } from "@/components/ui/action-message";
import { toast } from "@/components/ui/toaster";
import { useSudo } from "@/components/auth/sudo-provider";
import { useState, useTransition, type FormEvent } from "react";
import { updateApiSettingsAction } from "@/lib/actions/api-keys";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { ActionResult } from "@/lib/errors/action-result";

export interface ApiSettings {
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  rateLimitPerDay: number;
  requirePartnerKey: boolean;
  logRetentionDays: number;
}

/** The property's API limits and partner-key requirement: OWNER edits, everyone else reads. */
export function ApiSettingsCard({ slug, settings, canEdit }: { slug: string; settings: ApiSettings; canEdit: boolean }) {
  const router = useRouter();
  const sudo = useSudo();
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const next = await sudo(() =>
        updateApiSettingsAction(slug, {
          rateLimitPerSecond: form.get("rateLimitPerSecond"),
          rateLimitBurst: form.get("rateLimitBurst"),
          rateLimitPerDay: form.get("rateLimitPerDay"),
          requirePartnerKey: form.get("requirePartnerKey") === "on",
          logRetentionDays: form.get("logRetentionDays"),
        }),
      );
      setResult(next);
      if (next.ok) {
        toast.success(next.message ?? "Saved.");
        router.refresh();
      }
    });
  }

  return (
    <section aria-labelledby="api-limits" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="api-limits" className="text-sm font-semibold text-slate-900">
        Rate limits and partner keys
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Every key of this property may send {settings.rateLimitPerSecond} requests per second with bursts of {settings.rateLimitBurst}, and{" "}
        {settings.rateLimitPerDay.toLocaleString("en")} per day. Requests over the limit get 429 with Retry-After.
        {settings.requirePartnerKey ? " Keys only work together with a valid partner key (X-Api-Key)." : ""} Request logs are kept{" "}
        {settings.logRetentionDays} days.
      </p>
      {canEdit ? (
        <form onSubmit={onSubmit} className="mt-4 grid gap-4 sm:grid-cols-5" noValidate>
          <Field id="rateLimitPerSecond" label="Requests per second" errors={errors("rateLimitPerSecond")}>
            <Input id="rateLimitPerSecond" name="rateLimitPerSecond" type="number" min={1} defaultValue={settings.rateLimitPerSecond} />
          </Field>
          <Field id="rateLimitBurst" label="Burst" errors={errors("rateLimitBurst")}>
            <Input id="rateLimitBurst" name="rateLimitBurst" type="number" min={1} defaultValue={settings.rateLimitBurst} />
          </Field>
          <Field id="rateLimitPerDay" label="Requests per day" errors={errors("rateLimitPerDay")}>
            <Input id="rateLimitPerDay" name="rateLimitPerDay" type="number" min={1} defaultValue={settings.rateLimitPerDay} />
          </Field>
          <Field id="logRetentionDays" label="Keep request logs (days)" errors={errors("logRetentionDays")}>
            <Input id="logRetentionDays" name="logRetentionDays" type="number" min={7} max={90} defaultValue={settings.logRetentionDays} />
          </Field>
          <div className="flex items-end">
            <label className="flex items-center gap-2 pb-2 text-sm">
              <input type="checkbox" name="requirePartnerKey" defaultChecked={settings.requirePartnerKey} />
              Require partner key
            </label>
          </div>
          <div className="flex items-center gap-3 sm:col-span-5">
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save limits"}
            </Button>
            {/* Saved is a toast; only a refusal is written here. */}
            {result && !result.ok ? <ActionMessage result={result} /> : null}
          </div>
        </form>
      ) : null}
    </section>
  );
}
