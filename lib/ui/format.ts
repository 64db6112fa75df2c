/** A calendar date stored as UTC midnight, shown as that same calendar day wherever the viewer is. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** Minor units to a localized amount; integer arithmetic until the very last step. */
export function formatMoney(minorUnits: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(minorUnits / 100);
}
