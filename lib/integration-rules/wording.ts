// How alerts and health lines name keys and endpoints and word counts and times, in the property's zone.
import { maskApiKey } from "../api-keys/key-format";
import { formatZonedTime } from "../ui/format";

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "Channex (pk_live_…1234)". */
export const keyName = (key: { name: string; mode: "LIVE" | "TEST"; last4: string }) => `${key.name} (${maskApiKey(key.mode, key.last4)})`;

/** The endpoint's description, else its URL's host. */
export const endpointName = (endpoint: { description: string; url: string }) => endpoint.description || new URL(endpoint.url).host;

/** A time in the property's zone: "14:02" today, "22 Nov, 14:02" before. */
export function formatLocalTime(at: Date, timezone: string, now: Date): string {
  const day = (d: Date) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  if (day(at) === day(now)) return time;
  return formatZonedTime(at, timezone);
}

/** "4 Dec 2026, 14:02" in the property's zone. */
export const longDate = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone: timezone, dateStyle: "medium", timeStyle: "short", hourCycle: "h23" }).format(at);
