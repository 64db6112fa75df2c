// GET /unavailable?return=/path: where a dashboard page sends the person while the database cannot be reached.
// It answers 503 with Retry-After and a short page that says so, and goes back to the page by itself once
// the database answers again (a plain refresh, so it works with scripts off and under the strict CSP).
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { checkDatabase } from "@/lib/db/check-database";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db/database-unavailable";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function GET(request: Request): Promise<Response> {
  const back = safeCallbackUrl(new URL(request.url).searchParams.get("return") ?? "/");
  if ((await checkDatabase()).ok) return new Response(null, { status: 303, headers: { Location: back } });
  const href = escapeHtml(back);
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS};url=${href}"><title>Temporarily unavailable</title></head>
<body><main><h1>We can't reach our database right now</h1>
<p>You are still signed in and nothing you saved is lost. This page tries again every ${DATABASE_RETRY_AFTER_SECONDS} seconds.</p>
<p><a href="${href}">Try again now</a></p></main></body></html>`;
  return new Response(page, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
