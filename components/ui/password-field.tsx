"use client";

import { useState, type InputHTMLAttributes } from "react";
import { MAX_PASSWORD_LENGTH } from "@/lib/account/schemas";
import { Field, Input } from "./field";

/**
 * Every password box of the dashboard: labelled, wired to its errors, capped at the longest password
 * bcrypt reads, with a Show button so a long password can be checked before it is sent. `purpose`
 * picks what password managers offer: the saved password, or a new one.
 */
export function PasswordField({
  id,
  name,
  label,
  purpose,
  errors,
  hint,
  className,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  purpose: "current" | "new";
  errors?: string[];
  hint?: string;
  className?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "required" | "autoFocus" | "minLength">) {
  const [shown, setShown] = useState(false);
  return (
    <Field id={id} label={label} errors={errors} hint={hint} className={className}>
      <div className="relative">
        <Input
          id={id}
          name={name}
          type={shown ? "text" : "password"}
          autoComplete={purpose === "current" ? "current-password" : "new-password"}
          maxLength={MAX_PASSWORD_LENGTH}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="pr-16"
          {...input}
        />
        <button
          type="button"
          aria-pressed={shown}
          aria-controls={id}
          onClick={() => setShown((value) => !value)}
          className="absolute inset-y-1 right-1 rounded px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        >
          Show<span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
    </Field>
  );
}
