// "Today" at the front desk is the property's calendar day, not the server's (a Vienna hotel's day starts
// at 23:00 UTC in winter). Dates are YYYY-MM-DD strings, as stored arrival dates are UTC midnights.

/** The property's calendar date at `now`, YYYY-MM-DD; an unknown time zone falls back to UTC. */
export function propertyToday(timezone: string | null | undefined, now: Date = new Date()): string {
  try {
    // en-CA formats as YYYY-MM-DD.
    return new Intl.DateTimeFormat("en-CA", { timeZone: timezone || "UTC", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/** A YYYY-MM-DD date moved by whole days. */
export function addDaysToDate(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** Check-in needs no second thought from the day before arrival; earlier it must be confirmed. */
export function isEarlyCheckIn(arrivalDate: Date, today: string): boolean {
  return addDaysToDate(today, 1) < arrivalDate.toISOString().slice(0, 10);
}
