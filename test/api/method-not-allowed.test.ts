import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "../../proxy";
import { isMethodRefusal, METHODS } from "../../lib/http/refuse-other-methods";
import { refuseTraceMethods } from "../../lib/http/refuse-trace-methods";
import { allowOf, ROUTE_METHODS } from "../../lib/http/route-methods";
import * as unknownPath from "../../app/api/v1/[...path]/route";
import * as propertiesRoute from "../../app/api/v1/properties/route";
import * as reservationsRoute from "../../app/api/v1/reservations/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { generateApiKey } from "../../lib/api-keys/key-format";
import { db } from "../../lib/db/client";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";

async function logsOf(propertyId: string) {
  await flushRequestLogs();
  return db.requestLog.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });
}

describe("a method the route does not serve", () => {
  it("answers 405 METHOD_NOT_ALLOWED in the API's error body, with Allow and X-Request-Id", async () => {
    const { key } = await propertyWithKey();
    const cases = [
      { handler: reservationsRoute.DELETE, method: "DELETE", path: "/api/v1/reservations", allow: "GET, HEAD, POST, OPTIONS" },
      { handler: propertiesRoute.PUT, method: "PUT", path: "/api/v1/properties", allow: "GET, HEAD, OPTIONS" },
    ];
    for (const { handler, method, path, allow } of cases) {
      for (const withKey of [key, undefined]) {
        const answer = await call(handler, { method, path, key: withKey, body: { any: "thing" } });
        expect(answer.status).toBe(405);
        expect(answer.headers.get("content-type")).toContain("application/json");
        expect(answer.headers.get("allow")).toBe(allow);
        expect(answer.body).toEqual({
          status: "error",
          code: "METHOD_NOT_ALLOWED",
          message: `${method} is not allowed on ${path}. Allowed: ${allow}.`,
          requestId: answer.headers.get("x-request-id"),
        });
      }
    }
    const options = await reservationsRoute.OPTIONS(new Request("http://localhost/api/v1/reservations", { method: "OPTIONS" }));
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, POST, OPTIONS"]);
  });

  it("logs a recognised key's request to an unknown path (404) and with a wrong method (405), one row each; unknown keys none", async () => {
    const { property, key } = await propertyWithKey();
    const wrongMethod = await call(reservationsRoute.DELETE, { method: "DELETE", path: "/api/v1/reservations?x=1", key });
    const unknown = await call(unknownPath.GET, { path: "/api/v1/nothing-here", key });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: "NOT_FOUND", requestId: unknown.headers.get("x-request-id") });
    await call(unknownPath.GET, { path: "/api/v1/nothing-here", key: generateApiKey("LIVE") });
    await call(propertiesRoute.PUT, { method: "PUT", path: "/api/v1/properties" });

    const logs = await logsOf(property.id);
    expect(logs.map((l) => [l.id, l.method, l.path, l.status, l.errorCode])).toEqual([
      [wrongMethod.headers.get("x-request-id"), "DELETE", "/api/v1/reservations", 405, "METHOD_NOT_ALLOWED"],
      [unknown.headers.get("x-request-id"), "GET", "/api/v1/nothing-here", 404, "NOT_FOUND"],
    ]);
    expect(logs[0]!.query).toEqual({ x: "1" });
  });
});

function routeFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === "route.ts" ? [path.join(dir, entry.name)] : [],
    );
}

describe("every route, for the methods it does not serve", () => {
  it("answers 405 with Allow (and OPTIONS with 204 and Allow), and the proxy's table lists what each serves", async () => {
    const table = new Map(ROUTE_METHODS);
    const files = routeFiles(path.resolve(import.meta.dirname, "../../app")).sort();
    const routes = files.map((file) => path.relative(path.resolve(import.meta.dirname, "../../app"), path.dirname(file)));
    expect([...table.keys()].sort()).toEqual(routes.map((route) => `/${route}`).sort());
    for (const [index, file] of files.entries()) {
      const route = `/${routes[index]}`;
      const routeModule = (await import(file)) as Record<string, unknown>;
      const served = METHODS.filter((method) => typeof routeModule[method] === "function" && !isMethodRefusal(routeModule[method]));
      expect(served.filter((method) => method !== "OPTIONS").join(" "), route).toBe(table.get(route));
      // A catch-all is the 404 of every path it stands for: Next's own OPTIONS and HEAD are right there.
      if (route.includes("[...path]")) continue;
      const allow = allowOf(served);
      const url = `http://localhost${route.replaceAll(/\[[^\]]+\]/g, "x")}`;
      for (const method of METHODS) {
        if (served.includes(method) || (method === "HEAD" && served.includes("GET"))) continue;
        const handler = routeModule[method] as ((request: Request) => Promise<Response>) | undefined;
        expect(handler, `${method} ${route}`).toBeTypeOf("function");
        const answer = await handler!(new Request(url, { method }));
        expect([answer.status, answer.headers.get("allow")], `${method} ${route}`).toEqual([method === "OPTIONS" ? 204 : 405, allow]);
      }
    }
  });

  it("/api/health and /api/v1/openapi.json answer a POST with 405 and Allow: GET, HEAD, OPTIONS", async () => {
    for (const route of ["../../app/api/health/route", "../../app/api/health/ready/route", "../../app/api/v1/openapi.json/route"]) {
      const routeModule = (await import(route)) as { POST: (request: Request) => Promise<Response> };
      const answer = await routeModule.POST(new Request("http://localhost/api/health", { method: "POST" }));
      expect([answer.status, answer.headers.get("allow")], route).toEqual([405, "GET, HEAD, OPTIONS"]);
      expect(await answer.json()).toMatchObject({ status: "error", code: "METHOD_NOT_ALLOWED" });
    }
  });
});

describe("a method nothing here serves", () => {
  it("gets 405 and the path's Allow from proxy.ts before Next routes it (PROPFIND, MKCOL …)", () => {
    const cases = [
      { method: "PROPFIND", path: "/api/health", allow: "GET, HEAD, OPTIONS" },
      { method: "MKCOL", path: "/api/v1/reservations/res_1/cancel", allow: "POST, OPTIONS" },
      { method: "PROPFIND", path: "/api/v1/guests/checkin", allow: "POST, OPTIONS" },
      { method: "PROPFIND", path: "/grand-hotel/reservations", allow: "GET, HEAD, POST" },
    ];
    for (const { method, path: pathname, allow } of cases) {
      const answer = proxy(new NextRequest(`http://localhost:3000${pathname}`, { method, headers: { host: "localhost:3000" } }));
      expect([answer.status, answer.headers.get("allow")], `${method} ${pathname}`).toEqual([405, allow]);
    }
  });

  it("TRACE gets 405 and Allow from the HTTP server itself (it cannot reach proxy.ts); CONNECT is closed, never a 500", async () => {
    // What Next would do with TRACE: build a fetch Request from it, which throws.
    expect(() => new Request("http://localhost/", { method: "TRACE" })).toThrow();
    refuseTraceMethods();
    const server = http.createServer((request, response) => {
      try {
        new Request(`http://localhost${request.url}`, { method: request.method });
        response.writeHead(200).end("served");
      } catch {
        response.writeHead(500).end("Internal Server Error");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const send = (method: string, pathname: string) =>
      new Promise<{ status: number; allow: string | undefined; body: string } | "closed">((resolve) => {
        const request = http.request({ host: "127.0.0.1", port, method, path: pathname });
        request.on("response", (response) => {
          let body = "";
          response.on("data", (chunk: Buffer) => (body += chunk.toString()));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body }));
        });
        // CONNECT's answer arrives as 'connect' (any status), with the socket.
        request.on("connect", (response, socket) => {
          socket.destroy();
          resolve({ status: response.statusCode ?? 0, allow: response.headers.allow, body: "" });
        });
        request.on("error", () => resolve("closed"));
        request.end();
      });
    try {
      expect(await send("TRACE", "/grand-hotel/reservations")).toMatchObject({ status: 405, allow: "GET, HEAD, POST" });
      const api = await send("TRACE", "/api/health");
      expect(api).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
      expect(JSON.parse(api === "closed" ? "null" : api.body)).toMatchObject({ status: "error", code: "METHOD_NOT_ALLOWED" });
      expect(await send("CONNECT", "example.com:443")).toBe("closed");
      expect(await send("GET", "/api/health")).toMatchObject({ status: 200, body: "served" });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
