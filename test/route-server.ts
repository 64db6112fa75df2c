// Serves route handlers over real HTTP on loopback, as Next.js does: a Request whose signal aborts when
// the client goes away, and the Response's body streamed back as it is produced. For clients that must
// run as their own process (npm run listen) against the app's handlers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RouteHandler } from "./api-client";

export async function serveRoutes(routes: Record<string, RouteHandler>) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handler = routes[url.pathname];
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    void (async () => {
      const response = await handler(new Request(url, { method: req.method, headers, signal: gone.signal }), {
        params: Promise.resolve(undefined) as Promise<never>,
      });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.flushHeaders();
      if (!response.body) return void res.end();
      const reader = response.body.getReader();
      gone.signal.addEventListener("abort", () => void reader.cancel().catch(() => undefined), { once: true });
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) res.write(chunk.value);
      } catch {
        // the client left
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
