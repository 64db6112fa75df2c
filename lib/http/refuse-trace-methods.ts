// TRACE (and TRACK), answered at the HTTP server with 405 and Allow. Next turns every request into a fetch
// Request before proxy.ts runs, and a Request cannot carry these methods ("'TRACE' HTTP method is
// unsupported"), so they would end in a 500. instrumentation.ts installs this once in the server process:
// it wraps http.Server's emit, the one place that sees a request before Next's handler does.
// CONNECT never becomes a 'request': without a 'connect' listener (`next start` has none) Node closes the
// connection unanswered, and Node's parser answers TRACK with 400 itself; both are kept here in case.
import http from "node:http";
import { methodNotAllowed } from "./refuse-unserved-method";

/** Methods a fetch Request refuses: they never reach proxy.ts. */
const UNREACHABLE = new Set(["TRACE", "TRACK", "CONNECT"]);

const globalForGuard = globalThis as unknown as { __pmsTraceGuard?: boolean };

async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const refusal = methodNotAllowed(request.method ?? "TRACE", new URL(request.url ?? "/", "http://localhost").pathname);
  response.writeHead(refusal.status, Object.fromEntries(refusal.headers));
  response.end(await refusal.text());
}

/** Makes every HTTP server in this process answer TRACE and TRACK with 405 (idempotent). */
export function refuseTraceMethods(): void {
  if (globalForGuard.__pmsTraceGuard) return;
  globalForGuard.__pmsTraceGuard = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      if (UNREACHABLE.has(request.method ?? "")) {
        void answer(request, response);
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}
