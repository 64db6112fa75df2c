/** A property as the API shows it. */
export function serializeProperty(property: { id: string; slug: string; name: string; timezone: string; currency: string; plan: string; createdAt: Date }) {
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
