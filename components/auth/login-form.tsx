"use client";

import { FormError } from "@/components/ui/action-message";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { PasswordField } from "@/components/ui/password-field";
import { Field, Input } from "@/components/ui/field";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { describeFailure, fetchJson, RequestFailed } from "@/components/ui/fetch-json";
import { INVALID_CREDENTIALS_MESSAGE, THROTTLED_PREFIX, tooManyAttemptsMessage, TWO_FACTOR_REQUIRED } from "@/lib/auth/sign-in-errors";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // After a right password for an account with 2FA, the same form asks for the code.
  const [credentials, setCredentials] = useState<{ email: string; password: string } | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = credentials?.email ?? String(form.get("email") ?? "");
    const password = credentials?.password ?? String(form.get("password") ?? "");
    const code = credentials ? String(form.get("code") ?? "").trim() : "";
    if (credentials && !code) {
      setError("Enter the code from your authenticator app, or a recovery code.");
      return;
    }
    setPending(true);
    setError(null);
    if (!credentials) {
      // The password first, on its own: a right one answers 200 and says whether a code comes next, so the
      // code step never starts with a failed (401) request. It starts no session; next-auth does, below.
      let step: { next: "code" | "sign_in" };
      try {
        step = await fetchJson<{ next: "code" | "sign_in" }>("/api/auth/sign-in-step", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ email, password }),
        });
      } catch (failure) {
        setPending(false);
        // One message for a wrong password and an unknown email; the throttle's and the network's say what they are.
        const refused = failure instanceof RequestFailed ? failure.code : null;
        setError(
          refused === "UNAUTHORIZED"
            ? INVALID_CREDENTIALS_MESSAGE
            : refused === "RATE_LIMITED"
              ? (failure as RequestFailed).message
              : describeFailure(failure),
        );
        return;
      }
      if (step.next === "code") {
        setPending(false);
        setCredentials({ email, password });
        return;
      }
    }
    const result = await signIn("credentials", { email, password, code, redirect: false });
    if (result?.ok && !result.error) {
      // Checked again here: this component must stay safe whoever renders it.
      router.replace(safeCallbackUrl(callbackUrl));
      router.refresh();
      return;
    }
    setPending(false);
    const reason = result?.error ?? "";
    if (reason === TWO_FACTOR_REQUIRED) {
      setCredentials({ email, password });
      return;
    }
    if (reason.startsWith(THROTTLED_PREFIX)) {
      setError(tooManyAttemptsMessage(Number(reason.slice(THROTTLED_PREFIX.length)) || 60));
      return;
    }
    // One message for every failure: it must not reveal whether the email exists, nor which factor failed.
    setError(credentials ? "Sign-in failed: the password or the authentication code is not right." : INVALID_CREDENTIALS_MESSAGE);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {credentials ? (
        <>
          <p className="text-sm text-slate-600">
            Open your authenticator app and enter the 6-digit code for <strong className="break-all">{credentials.email}</strong>, or one of
            your recovery codes.
          </p>
          <Field id="code" label="Authentication code">
            <Input id="code" name="code" inputMode="text" autoComplete="one-time-code" maxLength={40} required autoFocus />
          </Field>
        </>
      ) : (
        <>
          <Field id="email" label="Email">
            <Input id="email" name="email" type="email" autoComplete="username" required autoFocus />
          </Field>
          <PasswordField id="password" name="password" label="Password" purpose="current" required />
        </>
      )}
      {error ? <FormError>{error}</FormError> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : credentials ? "Verify" : "Sign in"}
      </Button>
      {credentials ? (
        <button
          type="button"
          className="w-full text-center text-sm text-slate-600 underline"
          onClick={() => {
            setCredentials(null);
            setError(null);
          }}
        >
          Use another account
        </button>
      ) : null}
    </form>
  );
}
