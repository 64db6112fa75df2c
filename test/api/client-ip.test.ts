import { afterEach, describe, expect, it } from "vitest";
import * as propertiesRoute from "../../app/api/v1/properties/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";
import { clientIp, configureTrustProxyHops } from "../../lib/http/client-ip";
import { flushRequestLogs } from "../../lib/request-logs/log-writer";

afterEach(() => configureTrustProxyHops(null));

const spoofed = { "x-forwarded-for": "203.0.113.9, 198.51.100.20", "x-real-ip": "203.0.113.10" };

async function loggedIp(requestId: string | null) {
  await flushRequestLogs();
  return (await db.requestLog.findUniqueOrThrow({ where: { id: requestId! } })).ip;
}

describe("the client IP in the request log", () => {
  it("is not taken from a client-supplied X-Forwarded-For when no proxy is trusted (TRUST_PROXY_HOPS=0, the default)", async () => {
    const { key } = await propertyWithKey();
    const answer = await call(propertiesRoute.GET, { key, headers: spoofed });
    expect(answer.status).toBe(200);
    expect(await loggedIp(answer.headers.get("x-request-id"))).toBeNull();
  });

  it("is the right-most X-Forwarded-For entry behind one trusted proxy", async () => {
    configureTrustProxyHops(1);
    const { key } = await propertyWithKey();
    const answer = await call(propertiesRoute.GET, { key, headers: spoofed });
    expect(await loggedIp(answer.headers.get("x-request-id"))).toBe("198.51.100.20");
  });

  it("is the N-th entry from the right behind N proxies; none when fewer entries or not an address", () => {
    const request = (forwarded: string) => new Request("http://localhost/", { headers: { "x-forwarded-for": forwarded } });
    expect(clientIp(request("203.0.113.9, 198.51.100.20"), 2)).toBe("203.0.113.9");
    expect(clientIp(request("198.51.100.20"), 2)).toBeNull();
    expect(clientIp(request("2001:db8::1"), 1)).toBe("2001:db8::1");
    expect(clientIp(request("evil, not-an-ip"), 1)).toBeNull();
    expect(clientIp(request("198.51.100.20"), 0)).toBeNull();
  });
});
