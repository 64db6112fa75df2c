import type { RequestLogDetail } from "@/lib/request-logs/list-request-logs";

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
// Double quotes, so the shell substitutes the variable (inside single quotes it would send "$PMS_API_KEY" itself).
// Only for our fixed texts: they hold no other character the shell reads inside double quotes.
const withVariable = (text: string) => `"${text}"`;
const KEEP_HEADERS = new Set(["content-type", "idempotency-key", "accept"]);

/** The logged request as a curl command; the key is a placeholder, never the real one. */
export function curlFor(entry: RequestLogDetail, origin: string): string {
  const query = new URLSearchParams(entry.query as Record<string, string>).toString();
  const lines = [
    `curl -X ${entry.method} ${quote(`${origin}${entry.path}${query ? `?${query}` : ""}`)}`,
    `  -H ${withVariable("Authorization: Bearer $PMS_API_KEY")}`,
  ];
  if (entry.partnerName) lines.push(`  -H ${withVariable("X-Api-Key: $PMS_PARTNER_KEY")}`);
  for (const [name, value] of Object.entries(entry.requestHeaders as Record<string, string>)) {
    if (KEEP_HEADERS.has(name)) lines.push(`  -H ${quote(`${name}: ${value}`)}`);
  }
  if (entry.requestBody) lines.push(`  -d ${quote(entry.requestBody)}`);
  return lines.join(" \\\n");
}
