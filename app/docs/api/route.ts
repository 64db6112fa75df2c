// GET /docs/api: the API reference, rendered in the browser by Scalar from /api/v1/openapi.json.
// Scalar's script is served from our own origin (no CDN) and told not to fetch its web fonts.
// Nothing leaves our origin: no telemetry, no hosted AI agent or MCP upsell, no web fonts.
// A bar above it leads back to the dashboard ("/" opens the user's first property, or sign-in).
// Both script tags carry the request's CSP nonce (set by proxy.ts), so the page runs under the strict CSP.
import { NONCE_HEADER, isValidNonce } from "@/lib/http/build-security-headers";
import { PRODUCT_NAME } from "@/lib/ui/product";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

const CONFIG = {
  url: "/api/v1/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  defaultOpenAllTags: true,
  metaData: { title: `API reference · ${PRODUCT_NAME}` },
};

const page = (nonceAttribute: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference · ${PRODUCT_NAME}</title>
    <style>
      /* Our bar above Scalar; Scalar offsets its sticky sidebar by --scalar-custom-header-height. */
      :root { --scalar-custom-header-height: 48px; }
      .docs-bar { position: sticky; top: 0; z-index: 1000; box-sizing: border-box; height: 48px; display: flex; align-items: center;
        justify-content: space-between; gap: 16px; padding: 0 16px; background: #fff; border-bottom: 1px solid #e2e8f0;
        font: 14px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
      .docs-bar a { flex-shrink: 0; white-space: nowrap; color: #1a45a6; font-weight: 600; text-decoration: none; border-radius: 6px; padding: 6px 8px; }
      .docs-bar a:hover { background: #eef6ff; text-decoration: underline; }
      .docs-bar a:focus-visible { outline: 2px solid #2f6fed; outline-offset: 2px; }
      .docs-bar span { color: #475569; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      @media (max-width: 480px) { .docs-bar span { display: none; } }
    </style>
  </head>
  <body>
    <header class="docs-bar">
      <a href="/">← Back to dashboard</a>
      <span>${PRODUCT_NAME} · API reference</span>
    </header>
    <noscript>The API reference needs JavaScript. The raw document is at <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</noscript>
    <div id="app"></div>
    <script${nonceAttribute} src="/docs/api/scalar.js"></script>
    <script${nonceAttribute}>Scalar.createApiReference("#app", ${JSON.stringify(CONFIG)});</script>
  </body>
</html>`;

export function GET(request: Request) {
  const nonce = request.headers.get(NONCE_HEADER);
  const html = page(isValidNonce(nonce) ? ` nonce="${nonce}"` : "");
  // A new nonce on every request: no cache may hand one response to another request.
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
