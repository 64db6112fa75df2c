"use client";

import { FormError } from "@/components/ui/action-message";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { Field, Input } from "@/components/ui/field";
import { acceptInvitationAction } from "@/lib/actions/team";
import type { ActionResult } from "@/lib/errors/action-result";
import { MIN_PASSWORD_LENGTH } from "@/lib/team/schemas";

type Accepted = ActionResult<{ slug: string; email: string }>;

/** Someone new: name and password create the account and join, then they are signed in and in the dashboard. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const [result, setResult] = useState<Accepted>();
  const [pending, setPending] = useState(false);
  const errors = (key: string) => (result && !result.ok ? result.fields?.[`account.${key}`] : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    setPending(true);
    const accepted = await acceptInvitationAction({
      token,
      account: { name: String(form.get("name") ?? ""), password, confirmPassword: String(form.get("confirmPassword") ?? "") },
    });
    setResult(accepted);
    if (!accepted.ok) {
      setPending(false);
      return;
    }
    const signedIn = await signIn("credentials", { email: accepted.email, password, redirect: false });
    // The account exists either way; should signing in fail (throttled), the sign-in page brings them to the same place.
    const target = `/${accepted.slug}/reservations`;
    router.replace(signedIn?.ok && !signedIn.error ? target : `/login?callbackUrl=${encodeURIComponent(target)}`);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field id="invite-account-email" label="Email">
        <Input id="invite-account-email" value={email} readOnly autoComplete="username" className="bg-slate-50 text-slate-600" />
      </Field>
      <Field id="name" label="Your name" errors={errors("name")}>
        <Input
          id="name"
          name="name"
          autoComplete="name"
          maxLength={100}
          required
          autoFocus
          aria-invalid={errors("name") ? true : undefined}
        />
      </Field>
      <PasswordField
        id="password"
        name="password"
        label="Password"
        purpose="new"
        errors={errors("password")}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        minLength={MIN_PASSWORD_LENGTH}
        required
      />
      <PasswordField
        id="confirmPassword"
        name="confirmPassword"
        label="Confirm password"
        purpose="new"
        errors={errors("confirmPassword")}
        required
      />
      {result && !result.ok ? <FormError>{result.message}</FormError> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}

/** The invited user, signed in: one click joins. */
export function JoinPropertyButton({ token, propertyName }: { token: string; propertyName: string }) {
  const router = useRouter();
  const [result, setResult] = useState<Accepted>();
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      {result && !result.ok ? <FormError>{result.message}</FormError> : null}
      <Button
        className="w-full"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const accepted = await acceptInvitationAction({ token });
          setResult(accepted);
          if (accepted.ok) router.replace(`/${accepted.slug}/reservations`);
          else setPending(false);
        }}
      >
        {pending ? "Joining…" : `Join ${propertyName}`}
      </Button>
    </div>
  );
}
