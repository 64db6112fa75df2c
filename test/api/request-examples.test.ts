// The API reference's request examples work as pasted: on the demo, every POST of the document has an
// example naming real rows, and run in the reference's order each one succeeds.
import { afterAll, describe, expect, it } from "vitest";
import { V1_HANDLERS } from "../../app/api/v1/openapi.json/v1-handlers";
import * as endpointRoute from "../../app/api/v1/webhook-endpoints/[id]/route";
import * as reservationRoute from "../../app/api/v1/reservations/[id]/route";
import { db, getPool } from "../../lib/db/client";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";
import { startReceiver } from "../webhook-receiver";
import { seedDemoData } from "../../lib/demo/seed-demo-data";
import { findExampleRows, requestExamples } from "../../lib/openapi/request-examples";
import { call } from "../api-client";
import { keyFor } from "../api-fixtures";

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe("the API reference's request examples", () => {
  it("name real demo rows for every POST, and each succeeds in the reference's order", async () => {
    await seedDemoData(db);
    // The demo's default limits (5/s, bursts of 10) are not what this test is about: a fast machine outruns them.
    const property = await db.property.update({
      where: { slug: "grand-hotel" },
      data: { rateLimitPerSecond: 10_000, rateLimitBurst: 10_000, rateLimitPerDay: 10_000_000 },
    });
    const key = await keyFor(property, ["full_access:write"]);
    const posts = V1_HANDLERS.filter((handler) => handler.definition.method === "POST");
    expect(posts.length).toBeGreaterThanOrEqual(14);

    const answers: Record<string, number> = {};
    for (const handler of posts) {
      const { operationId, path } = handler.definition;
      if (operationId === "replayWebhookDeliveries") {
        // Replaying needs deliveries already sent: the reader points the endpoint made above at their own receiver,
        // and something happens at the property.
        const receiver = await startReceiver();
        closers.push(() => receiver.close());
        const endpoint = await db.webhookEndpoint.findFirstOrThrow({ where: { propertyId: property.id } });
        const patched = await call(endpointRoute.PATCH, {
          method: "PATCH",
          key,
          params: { id: endpoint.id },
          body: { url: receiver.url, eventTypes: ["*"] },
        });
        expect(patched.status).toBe(200);
        const stay = await db.reservation.findFirstOrThrow({ where: { propertyId: property.id, status: "CONFIRMED" } });
        const noted = await call(reservationRoute.PATCH, {
          method: "PATCH",
          key,
          params: { id: stay.id },
          body: { notes: "Late arrival" },
        });
        expect(noted.status).toBe(200);
        await new WebhookWorker({ pool: getPool(), random: () => 0.5, log: () => {} }).runOnce();
        expect(receiver.received.length).toBeGreaterThan(0);
      }
      // Read afresh before each, as a reader reloading the page would: an endpoint created above is there now.
      const example = requestExamples(await findExampleRows(property.id, { includeEndpoints: true }))[operationId];
      expect(example, `an example for ${operationId}`).toBeDefined();
      expect(example!.missing, `${operationId} lacks ${example!.missing}`).toBeUndefined();
      const text = JSON.stringify(example);
      expect(text, `${operationId} leaves a placeholder`).not.toMatch(/\{[a-zA-Z]+\}/);
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => example!.path[name]!);
      const result = await call(handler, { method: "POST", path: `/api/v1${url}`, key, params: example!.path, body: example!.body });
      answers[operationId] = result.status;
      expect(result.status, `${operationId}: ${result.text}`).toBeLessThan(300);
    }
    expect(Object.keys(answers).sort()).toEqual(posts.map((p) => p.definition.operationId).sort());
  });

  it("leave placeholders, and say what is missing, where the property has no such row", async () => {
    const property = await db.property.create({ data: { name: "Empty Inn", slug: "empty-inn", plan: "PRO" } });
    const examples = requestExamples(await findExampleRows(property.id, { includeEndpoints: false }));
    expect(examples.cancelReservation).toEqual({ path: { id: "{reservationId}" }, missing: "a second confirmed stay arriving later" });
    expect(examples.rotateWebhookSecret!.missing).toBe("a webhook endpoint: create one first");
    // Signed out: placeholders, and nothing said missing (there is no property to lack them).
    expect(requestExamples(null).checkOutGuest).toEqual({ path: {}, body: { pmsGuestId: "{reservationCode}", lastName: "Lovelace" } });
  });
});
