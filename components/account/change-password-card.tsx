"use client";

import { useMutation } from "@tanstack/react-query";
import { ActionMessage } from "@/components/ui/action-message";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { RelativeTime } from "@/components/ui/relative-time";
import { changePasswordAction } from "@/lib/actions/account";
import { MIN_PASSWORD_LENGTH } from "@/lib/account/schemas";

/** Change password: the current one, the new one twice. Every other session ends on success. */
export function ChangePasswordCard({ passwordChangedAt }: { passwordChangedAt: string | null }) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const mutation = useMutation({
    mutationFn: changePasswordAction,
    onSuccess: (result) => {
      if (!result.ok) return;
      form.current?.reset();
      router.refresh();
    },
  });
  const result = mutation.data;
  const errors = (key: string) => (result && !result.ok ? result.fields?.[key] : undefined);

  return (
    <section aria-labelledby="password-heading" className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <h2 id="password-heading" className="text-base font-semibold text-slate-900">
        Password
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Last changed <RelativeTime value={passwordChangedAt} never="never" />. Changing it signs you out everywhere else.
      </p>
      <form
        ref={form}
        className="mt-4 grid gap-4 sm:grid-cols-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          mutation.mutate({
            currentPassword: String(data.get("currentPassword") ?? ""),
            newPassword: String(data.get("newPassword") ?? ""),
            confirmPassword: String(data.get("confirmPassword") ?? ""),
          });
        }}
      >
        <PasswordField
          id="current-password"
          name="currentPassword"
          label="Current password"
          purpose="current"
          errors={errors("currentPassword")}
        />
        <PasswordField
          id="new-password"
          name="newPassword"
          label="New password"
          purpose="new"
          errors={errors("newPassword")}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        />
        <PasswordField
          id="confirm-password"
          name="confirmPassword"
          label="Confirm new password"
          purpose="new"
          errors={errors("confirmPassword")}
        />
        <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? "Changing…" : "Change password"}
          </Button>
          <ActionMessage result={result ?? undefined} />
        </div>
      </form>
    </section>
  );
}
