"use client";
// The one way the dashboard runs a server action from a button or form: in sudo mode (asking for the
// password again when the action needs it), with a toast for what happened, and never a failure
// swallowed: an answer with `ok: false` is shown (inline field errors stay with their form), and an
// action that throws (network down, server gone) is shown too. One outcome is said in one place: a form or
// dialog that writes its refusal beside itself passes failureToast: false, and one whose content is the result
// (a new key, an invitation link) passes successToast: false; a completed action is otherwise a toast only.
import { useMutation } from "@tanstack/react-query";
import { useSudo } from "@/components/auth/sudo-provider";
import type { ActionResult } from "@/lib/errors/action-result";
import { toast } from "./toaster";

type Success<Data extends object> = Extract<ActionResult<Data>, { ok: true }>;

export const UNREACHABLE_MESSAGE = "The server could not be reached. Nothing was saved; check your connection and try again.";

export interface ActionMutationOptions<Data extends object> {
  /** Runs after a successful answer (refresh data, close a dialog). */
  onSuccess?: (result: Success<Data>) => unknown;
  /** The success toast: the action's own message unless given; false for none (a dialog that shows the result). */
  successToast?: string | false | ((result: Success<Data>) => string | false);
  /** false when the form shows the failure itself (field errors are never toasted either way). */
  failureToast?: boolean;
}

export function useActionMutation<Input, Data extends object = object>(
  action: (input: Input) => Promise<ActionResult<Data>>,
  options: ActionMutationOptions<Data> = {},
) {
  const sudo = useSudo();
  return useMutation({
    mutationFn: (input: Input) => sudo(() => action(input)),
    onSuccess: async (result) => {
      if (!result.ok) {
        const hasFieldErrors = result.fields && Object.keys(result.fields).length > 0;
        if (options.failureToast !== false && !hasFieldErrors && result.code !== "REAUTHENTICATION_REQUIRED") toast.error(result.message);
        return;
      }
      const success = result as Success<Data>;
      const message =
        typeof options.successToast === "function" ? options.successToast(success) : (options.successToast ?? success.message ?? false);
      if (message) toast.success(message);
      await options.onSuccess?.(success);
    },
    onError: () => {
      toast.error(UNREACHABLE_MESSAGE);
    },
  });
}
