// Wall-clock times of a property's time zone as instants, without a time-zone library: the zone's
// offset comes from Intl, read twice so a time next to a DST change lands on the right side of it.

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetMs(timezone: string, at: number): number {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant the clocks of `timezone` (UTC when unknown) show `date` (YYYY-MM-DD) at `time` (HH:MM). */
export function zonedInstant(date: string, time: string, timezone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let zone = timezone || "UTC";
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    zone = "UTC";
  }
  const first = wall - offsetMs(zone, wall);
  return new Date(wall - offsetMs(zone, first));
}
