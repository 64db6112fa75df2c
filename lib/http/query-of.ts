/** The query string as an object (first value of each name), for zod. */
export function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new URL(request.url).searchParams) if (!(name in out)) out[name] = value;
  return out;
}
