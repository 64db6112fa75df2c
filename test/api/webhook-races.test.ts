// Concurrent changes to webhook endpoints answer 200/404/409, never 5xx, and the 20-endpoint cap holds
// however many creates race. On PGlite (one session) requests queue; run it with TEST_DATABASE_URL on a
// PostgreSQL server too, where they truly overlap.
import { describe, expect, it } from "vitest";
import * as rotateRoute from "../../app/api/v1/webhook-endpoints/[id]/rotate-secret/route";
import * as endpointRoute from "../../app/api/v1/webhook-endpoints/[id]/route";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { db } from "../../lib/db/client";
import { MAX_ENDPOINTS_PER_PROPERTY } from "../../lib/webhooks/create-endpoint";

const url = "http://127.0.0.1:9/hooks";

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

describe("racing webhook endpoint changes", () => {
  it("holds the 20-endpoint cap under 60 concurrent creates: 20 created, the rest 409, none 5xx", async () => {
    const { property, key } = await propertyWithKey(["webhooks:write"], 0);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        call(endpointsRoute.POST, {
          method: "POST",
          path: "/api/v1/webhook-endpoints",
          key,
          body: { url: `${url}?n=${n}`, eventTypes: ["*"] },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(tally(statuses)).toEqual({ 201: MAX_ENDPOINTS_PER_PROPERTY, 409: 60 - MAX_ENDPOINTS_PER_PROPERTY });
    expect(await db.webhookEndpoint.count({ where: { propertyId: property.id } })).toBe(MAX_ENDPOINTS_PER_PROPERTY);
  });

  it("answers 140 racing DELETE/PATCH/rotate requests on one endpoint with 200, 404 or 409, none 5xx", async () => {
    const { key } = await propertyWithKey(["webhooks:write"], 0);
    const created = await call(endpointsRoute.POST, {
      method: "POST",
      path: "/api/v1/webhook-endpoints",
      key,
      body: { url, eventTypes: ["*"] },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { data: { id: string } }).data.id;
    const path = `/api/v1/webhook-endpoints/${id}`;
    const answers = await Promise.all(
      Array.from({ length: 140 }, (_, n) => {
        const params = { id };
        if (n % 3 === 2) return call(endpointRoute.DELETE, { method: "DELETE", path, key, params });
        if (n % 3 === 0)
          return call(endpointRoute.PATCH, { method: "PATCH", path, key, params, body: { description: `n${n}`, enabled: n % 2 === 0 } });
        return call(rotateRoute.POST, { method: "POST", path: `${path}/rotate-secret`, key, params });
      }),
    );
    const statuses = answers.map((a) => a.status);
    console.log("racing changes:", JSON.stringify(tally(statuses)));
    expect(statuses.filter((s) => ![200, 404, 409].includes(s))).toEqual([]);
    // Exactly one DELETE wins; every later request finds nothing.
    expect(answers.filter((a, n) => n % 3 === 2 && a.status === 200)).toHaveLength(1);
  });
});
