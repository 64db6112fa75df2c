// Why a webhook endpoint is disabled, in words: the one place that words an endpoint's `disabledCause`.
// The API's `disabledReason`, the dashboard, integration health, the alert mail and the `endpoint.disabled`
// event all show these sentences; the API keeps their wording. Readers that decide something test the
// cause, never these words. Times are in UTC, to the minute.
import type { EndpointDisabledCause } from "../db/generated/prisma/enums";

export interface DisabledState {
  cause: EndpointDisabledCause | null;
  /** Who disabled it (the actor's label), for BY_USER. */
  by: string | null;
  /** When it was disabled: the time of a 410 Gone answer. */
  at: Date | null;
  /** When its run of failures began, for FAILING. */
  failingSince: Date | null;
}

/** The causes of an endpoint the delivery engine disabled by itself. */
export const AUTOMATIC_DISABLED_CAUSES = ["FAILING", "GONE"] as const satisfies readonly EndpointDisabledCause[];
export type AutomaticDisabledCause = (typeof AUTOMATIC_DISABLED_CAUSES)[number];

export function isAutomaticallyDisabled(cause: EndpointDisabledCause | null): cause is AutomaticDisabledCause {
  return (AUTOMATIC_DISABLED_CAUSES as readonly string[]).includes(cause ?? "");
}

/** 2026-11-23 10:05 (UTC, seconds cut off). */
const utcMinute = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

/** What happened, after "Disabled automatically: " (with its closing full stop). */
export function describeAutomaticDisable(state: Pick<DisabledState, "at" | "failingSince"> & { cause: AutomaticDisabledCause }): string {
  if (state.cause === "FAILING") {
    return `every delivery failed for 5 days${state.failingSince ? ` (since ${utcMinute(state.failingSince)} UTC)` : ""}.`;
  }
  return `the endpoint answered 410 Gone${state.at ? ` on ${utcMinute(state.at)} UTC` : ""}.`;
}

/** The sentence for a disabled endpoint; null without a cause. */
export function describeDisabled(state: DisabledState): string | null {
  const { cause } = state;
  if (cause === null) return null;
  if (isAutomaticallyDisabled(cause)) return `Disabled automatically: ${describeAutomaticDisable({ ...state, cause })}`;
  if (cause === "CREATED_DISABLED") return "Disabled when created.";
  return state.by ? `Disabled by ${state.by}.` : "Disabled by a person.";
}
