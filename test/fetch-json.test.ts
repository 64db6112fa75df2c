import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeFailure, fetchJson, RequestFailed } from "@/components/ui/fetch-json";

// A real local server answering the shapes the dashboard meets: our JSON error, a proxy's HTML page, success.
let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === "/ok") {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ rows: [1, 2] }));
    } else if (request.url === "/gone") {
      response
        .writeHead(404, { "Content-Type": "application/json", "X-Request-Id": "req_header" })
        .end(JSON.stringify({ status: "error", code: "NOT_FOUND", message: "Request log entry not found", requestId: "req_body" }));
    } else {
      response.writeHead(502, { "Content-Type": "text/html", "X-Request-Id": "req_proxy" }).end("<h1>Bad gateway</h1>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetchJson", () => {
  it("returns the parsed body of a success", async () => {
    await expect(fetchJson<{ rows: number[] }>(`${origin}/ok`)).resolves.toEqual({ rows: [1, 2] });
  });

  it("throws the server's code, message and request id", async () => {
    const error = await fetchJson(`${origin}/gone`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestFailed);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Request log entry not found", requestId: "req_body" });
    expect(describeFailure(error)).toBe("Request log entry not found (request id req_body)");
  });

  it("names the status when the body is not ours, keeping the request id header", async () => {
    const error = await fetchJson(`${origin}/proxy`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: "HTTP_502", requestId: "req_proxy" });
    expect((error as Error).message).toMatch(/502/);
  });

  it("says the server could not be reached when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(fetchJson(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: "NETWORK_ERROR", status: 0 });
  });
});
