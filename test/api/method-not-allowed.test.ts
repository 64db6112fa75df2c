import { describe, expect, it } from "vitest";
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
