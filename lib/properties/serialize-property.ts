import type { Plan } from "../db/generated/prisma/enums";
import type { PropertyResource } from "./property-resource";

/** A property as the API shows it. */
export function serializeProperty(property: {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  currency: string;
  plan: Plan;
  createdAt: Date;
}): PropertyResource {
  return {
    id: property.id,
    slug: property.slug,
    name: property.name,
    timezone: property.timezone,
    currency: property.currency,
    plan: property.plan,
    createdAt: property.createdAt.toISOString(),
  };
}
