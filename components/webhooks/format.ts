// How the Webhooks tab writes instants and bodies.

/** "12 Mar 2026, 14:05:09" in the viewer's time zone. */
export function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" }).format(new Date(iso));
}

/** JSON indented for reading; anything else as it came. */
export function prettyBody(text: string | null): string {
  if (!text) return "";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** Headers as indented JSON, names sorted so two attempts compare line by line. */
export function prettyHeaders(headers: Record<string, string> | null): string {
  if (!headers) return "";
  return JSON.stringify(Object.fromEntries(Object.entries(headers).sort(([a], [b]) => a.localeCompare(b))), null, 2);
}
