// PostgreSQL rejects year 0 (and JavaScript prints years past 9999 with a sign), so a date a client
// sends is refused unless its UTC year is 1–9999: an out-of-range date is a 400, never a database error.
export const STORABLE_DATE_MESSAGE = "Dates must fall between 0001-01-01 and 9999-12-31 (UTC)";

export function isStorableDate(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(date.getTime()) && year >= 1 && year <= 9999;
}
