// The words for "how long ago" everywhere in the dashboard: under 45 s a person reads "just now", not "12 seconds ago".
import { formatDistanceStrict } from "date-fns";

const JUST_NOW_MS = 45_000;

/** "just now", "in a few seconds", "3 minutes ago", "in 2 hours", for `date` seen at `now`. */
export function relativeTimeText(date: Date, now: Date = new Date()): string {
  const diff = date.getTime() - now.getTime();
  if (Math.abs(diff) < JUST_NOW_MS) return diff > 0 ? "in a few seconds" : "just now";
  return formatDistanceStrict(date, now, { addSuffix: true });
}
