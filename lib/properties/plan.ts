// Which plan includes the integrators' API: the one rule the API, key creation, webhooks and the
// dashboard all ask.
import type { Plan } from "../db/generated/prisma/enums";
import { AppError } from "../errors/app-error";

export function planIncludesApi(property: { plan: Plan }): boolean {
  return property.plan === "PRO";
}

/** Refuses with 403 PLAN_REQUIRED, saying what the property's admin can do about it. */
export function assertPlanIncludesApi(
  property: { plan: Plan },
  message = "API access needs the PRO plan. Upgrade the property to create API keys.",
): void {
  if (!planIncludesApi(property)) throw new AppError("PLAN_REQUIRED", message);
}
