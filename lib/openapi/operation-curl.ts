// The curl command the API reference shows for an operation: the key as a shell variable (never a real
// one), a fresh Idempotency-Key on POSTs, the example's body, and nothing fixed that a second run would
// trip over (no traceparent: a reused trace id would tie unrelated requests together in the logs).

const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

export function operationCurl(options: {
  origin: string;
  method: string;
  /** The operation's path with its `{name}` segments filled in (or left as placeholders). */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  idempotencyKey?: string;
}): string {
  const method = options.method.toUpperCase();
  const query = options.query && Object.keys(options.query).length > 0 ? `?${new URLSearchParams(options.query).toString()}` : "";
  const lines = [
    `curl${method === "GET" ? "" : ` -X ${method}`} ${quote(`${options.origin}/api/v1${options.path}${query}`)}`,
    // Double quotes, so the shell substitutes the variable.
    `  -H "Authorization: Bearer $PMS_API_KEY"`,
  ];
  if (method === "POST") lines.push(`  -H ${quote(`Idempotency-Key: ${options.idempotencyKey ?? crypto.randomUUID()}`)}`);
  if (options.body !== undefined) {
    lines.push(`  -H 'Content-Type: application/json'`);
    lines.push(`  -d ${quote(JSON.stringify(options.body, null, 2))}`);
  }
  return lines.join(" \\\n");
}
