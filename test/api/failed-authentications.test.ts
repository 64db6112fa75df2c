import { afterEach, describe, expect, it } from "vitest";
import * as propertiesRoute from "../../app/api/v1/properties/route";
import { call } from "../api-client";
import { keyFor, propertyWithKey } from "../api-fixtures";
import { createProperty } from "../fixtures";
import { generateApiKey, hashApiKey } from "../../lib/api-keys/key-format";
import { apiKeyLookupCount, findApiKey, MISS_CACHE_TTL_MS } from "../../lib/api-keys/verify-api-key";
import { db } from "../../lib/db/client";
import { configureTrustProxyHops } from "../../lib/http/client-ip";
import { FAILED_AUTH_BURST } from "../../lib/rate-limits/limit-failed-authentications";

afterEach(() => configureTrustProxyHops(null));

const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("well-formed but unknown keys", () => {
  it("are refused with 401 twenty times a minute per client IP, then 429 with Retry-After and rate-limit headers, without a lookup", async () => {
    configureTrustProxyHops(1);
    const before = apiKeyLookupCount();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | null = null;
    for (let i = 0; i < FAILED_AUTH_BURST + 5; i++) {
      last = await call(propertiesRoute.GET, { key: generateApiKey("LIVE"), headers: from("198.51.100.7") });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array<number>(FAILED_AUTH_BURST).fill(401), ...Array<number>(5).fill(429)]);
    expect(last!.body).toMatchObject({ code: "RATE_LIMITED", requestId: last!.headers.get("x-request-id") });
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(last!.headers.get("x-ratelimit-limit")).toBe(String(FAILED_AUTH_BURST));
    expect(last!.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(last!.headers.get("ratelimit-policy")).toContain(`q=${FAILED_AUTH_BURST};w=60`);
    // Refused before the lookup: the 5 refusals cost nothing.
    expect(apiKeyLookupCount() - before).toBe(FAILED_AUTH_BURST);
    // Another address is not affected; the blocked address waits, even with a valid key (it is refused before the lookup).
    const other = await call(propertiesRoute.GET, { key: generateApiKey("LIVE"), headers: from("198.51.100.8") });
    expect(other.status).toBe(401);
    const { key } = await propertyWithKey(["property:read"]);
    expect((await call(propertiesRoute.GET, { key, headers: from("198.51.100.8") })).status).toBe(200);
    expect((await call(propertiesRoute.GET, { key, headers: from("198.51.100.7") })).status).toBe(429);
  });

  it("from unknown addresses, cost this instance at most 20 lookups a minute; working keys get through the flood", async () => {
    configureTrustProxyHops(0);
    const { property, key } = await propertyWithKey(["property:read"]);
    expect((await call(propertiesRoute.GET, { key })).status).toBe(200);
    // A key that works but this instance has never served.
    const dormant = await keyFor(property, ["property:read"]);
    const before = apiKeyLookupCount();
    const statuses: number[] = [];
    for (let i = 0; i < FAILED_AUTH_BURST + 10; i++)
      statuses.push((await call(propertiesRoute.GET, { key: generateApiKey("LIVE") })).status);
    expect(statuses).toEqual([...Array<number>(FAILED_AUTH_BURST).fill(401), ...Array<number>(10).fill(429)]);
    expect(apiKeyLookupCount() - before).toBe(FAILED_AUTH_BURST);
    // The integrations at work are not locked out by the flood: the one served here, and the one never served.
    expect((await call(propertiesRoute.GET, { key })).status).toBe(200);
    expect((await call(propertiesRoute.GET, { key: dormant })).status).toBe(200);
    // A key created while the flood goes on waits until the list of keys is read again (at most 30 s).
    const fresh = await keyFor(property, ["property:read"]);
    const waiting = await call(propertiesRoute.GET, { key: fresh });
    expect(waiting.status).toBe(429);
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("cost one database lookup per key per 2 seconds: misses are cached", async () => {
    configureTrustProxyHops(1);
    const unknown = generateApiKey("TEST");
    const before = apiKeyLookupCount();
    for (let i = 0; i < 10; i++) {
      const answer = await call(propertiesRoute.GET, { key: unknown, headers: from(`203.0.113.${i}`) });
      expect(answer.status).toBe(401);
    }
    expect(apiKeyLookupCount() - before).toBe(1);
  });

  it("a key created after a miss works once the miss has expired (at most MISS_CACHE_TTL_MS = 2 s)", async () => {
    const { property } = await createProperty();
    const plaintext = generateApiKey("LIVE");
    const t0 = Date.now();
    expect(await findApiKey(plaintext, t0)).toBeNull();
    await db.apiKey.create({
      data: {
        propertyId: property.id,
        name: "late",
        mode: "LIVE",
        hash: hashApiKey(plaintext),
        last4: plaintext.slice(-4),
        scopes: [],
        createdByLabel: "test",
      },
    });
    expect(MISS_CACHE_TTL_MS).toBeLessThanOrEqual(2_000);
    expect(await findApiKey(plaintext, t0 + MISS_CACHE_TTL_MS - 1)).toBeNull();
    expect((await findApiKey(plaintext, t0 + MISS_CACHE_TTL_MS))?.name).toBe("late");
  });
});
