/** A calendar date stored as UTC midnight, shown as that same calendar day wherever the viewer is. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "2-digit", month: "short", year: "numeric", timeZone: "UTC" }).format(date);
}

/** Minor units to a localized amount; integer arithmetic until the very last step. */
export function formatMoney(minorUnits: number, currency: string): string {
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(minorUnits / 100);
}

/** An instant as the property's clock shows it: "24 Nov, 09:05" (with the year: "24 Nov 2026, 09:05"). Safe on server and client. */
export function formatZonedTime(at: Date | string, timeZone: string, options: { year?: boolean } = {}): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    ...(options.year ? { year: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(typeof at === "string" ? new Date(at) : at);
}
