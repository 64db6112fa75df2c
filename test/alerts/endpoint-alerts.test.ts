// The webhook alert rules and the operational events, driven by the real delivery engine against real
// local receivers with the clock injected; and alert mail through a real SMTP server.
import { afterEach, describe, expect, it } from "vitest";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { bookStay, propertyWithKey } from "../api-fixtures";
import { createUser } from "../fixtures";
import { startMailCatcher } from "../mail-catcher";
import { startReceiver, type Answer } from "../webhook-receiver";
import { mailPendingAlerts } from "../../lib/alerts/alert-mail";
import { evaluateAlerts } from "../../lib/alerts/evaluate-alerts";
import { ENDPOINT_RULES } from "../../lib/integration-rules/registry";
import { db, getPool } from "../../lib/db/client";
import { RETRY_DELAYS_MS } from "../../lib/webhooks/engine/retry-schedule";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});

/** A receiver that verifies with the secrets of the endpoints pointed at it (endpoint() adds them). */
async function receiver(answer: (type: string) => Answer) {
  const secrets: string[] = [];
  const r = await startReceiver({ secrets: () => secrets, answer: (received) => answer(received.json.type) });
  closers.push(r);
  return Object.assign(r, { secrets });
}

async function endpoint(key: string, to: { url: string; secrets: string[] }, eventTypes: string[], description: string) {
  const created = await call(endpointsRoute.POST, {
    method: "POST",
    path: "/api/v1/webhook-endpoints",
    key,
    body: { url: to.url, eventTypes, description },
  });
  expect(created.status).toBe(201);
  const { id, secret } = (created.body as { data: { id: string; secret: string } }).data;
  to.secrets.push(secret);
  return id;
}

function engine() {
  const clock = { now: new Date() };
  const worker = new WebhookWorker({ pool: getPool(), clock: () => clock.now, random: () => 0.5, log: () => {}, allowPrivate: true });
  return {
    clock,
    /** One round, then the clock moves past the longest next retry. */
    async round(advanceMs = 0) {
      await worker.runOnce();
      clock.now = new Date(clock.now.getTime() + advanceMs);
    },
  };
}

const alertsOf = (propertyId: string) => db.alert.findMany({ where: { propertyId }, orderBy: { createdAt: "asc" } });

describe("endpoint alerts", () => {
  it("three failed attempts in a row raise one 'failing' alert; a success resolves it", async () => {
    const { property, key, rooms } = await propertyWithKey();
    let healthy = false;
    const r = await receiver(() => ({ status: healthy ? 200 : 503 }));
    const id = await endpoint(key, r, ["reservation.created"], "Acme Locks");
    const { clock, round } = engine();
    await bookStay(key, rooms[0]!.id);
    await bookStay(key, rooms[1]!.id, { arrivalDate: "2031-08-01", departureDate: "2031-08-03" });
    await round();
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).consecutiveFailures).toBe(2);
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    expect(await alertsOf(property.id)).toEqual([]);

    await bookStay(key, rooms[2]!.id, { arrivalDate: "2031-09-01", departureDate: "2031-09-03" });
    await round();
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES, endpointIds: [id] });
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    const [alert, ...more] = await alertsOf(property.id);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      rule: "ENDPOINT_FAILING",
      subjectId: id,
      title: "Webhook endpoint failing: Acme Locks",
      actionHref: `/webhooks/${id}`,
    });
    expect(alert!.body).toMatch(/^3 delivery attempts in a row failed since \d\d:\d\d/);

    healthy = true;
    clock.now = new Date(clock.now.getTime() + RETRY_DELAYS_MS[0] * 2);
    await round();
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({ failingSince: null, consecutiveFailures: 0 });
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    expect((await alertsOf(property.id))[0]!.resolvedAt).toEqual(clock.now);
  });

  it("failing for 15 minutes raises it with fewer attempts", async () => {
    const { property, key, rooms } = await propertyWithKey();
    const r = await receiver(() => ({ status: 500 }));
    const id = await endpoint(key, r, ["reservation.created"], "");
    const { clock, round } = engine();
    await bookStay(key, rooms[0]!.id);
    await round();
    await evaluateAlerts({ now: new Date(clock.now.getTime() + 14 * 60_000), rules: ENDPOINT_RULES });
    expect(await alertsOf(property.id)).toEqual([]);
    await evaluateAlerts({ now: new Date(clock.now.getTime() + 15 * 60_000), rules: ENDPOINT_RULES });
    const alerts = await alertsOf(property.id);
    expect(alerts.map((a) => [a.rule, a.subjectId])).toEqual([["ENDPOINT_FAILING", id]]);
    // Without a description the endpoint is named by its host.
    expect(alerts[0]!.title).toBe(`Webhook endpoint failing: ${new URL(r.url).host}`);
  });

  it("a delivery that fails its last retry: an alert, and delivery.exhausted to the endpoints that subscribe to it by name", async () => {
    const { property, key, rooms } = await propertyWithKey();
    const broken = await receiver(() => ({ status: 500 }));
    const monitor = await receiver(() => ({ status: 200 }));
    // A monitoring endpoint that fails too: its own deliveries of operational events raise none.
    const failingMonitor = await receiver(() => ({ status: 500 }));
    const everything = await receiver(() => ({ status: 200 }));
    const brokenId = await endpoint(key, broken, ["reservation.created"], "Acme Locks");
    await endpoint(key, monitor, ["delivery.exhausted", "endpoint.disabled"], "Ops monitor");
    await endpoint(key, failingMonitor, ["delivery.exhausted"], "Broken monitor");
    await endpoint(key, everything, ["*"], "Everything");
    const { clock, round } = engine();
    await bookStay(key, rooms[0]!.id);
    // The app evaluates the rules every minute; here after every round of the engine.
    for (let i = 0; i < 20; i++) {
      await round();
      await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
      clock.now = new Date(clock.now.getTime() + Math.max(...RETRY_DELAYS_MS) * 1.2);
    }

    expect(broken.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    const exhausted = monitor.received.filter((m) => m.json.type === "delivery.exhausted");
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]!.verified).toBe(true);
    expect(exhausted[0]!.json.data).toMatchObject({
      delivery: { endpointId: brokenId, eventType: "reservation.created", attempts: RETRY_DELAYS_MS.length + 1, lastStatusCode: 500 },
    });
    // "*" means the property's domain events, not the operational ones.
    expect(everything.received.map((m) => m.json.type)).toEqual(["reservation.created"]);
    // The failing monitor got the event, failed it for good, and no event was made of that.
    expect(failingMonitor.received.length).toBe(RETRY_DELAYS_MS.length + 1);
    expect(await db.outboxEvent.count({ where: { propertyId: property.id, type: "delivery.exhausted" } })).toBe(1);

    const alerts = await alertsOf(property.id);
    const exhaustedAlerts = alerts.filter((a) => a.rule === "DELIVERY_EXHAUSTED");
    expect(exhaustedAlerts.map((a) => a.subjectId).sort()).toEqual(
      [
        brokenId,
        (await db.webhookEndpoint.findFirstOrThrow({ where: { description: "Broken monitor", propertyId: property.id } })).id,
      ].sort(),
    );
    expect(exhaustedAlerts.find((a) => a.subjectId === brokenId)!.actionHref).toBe(`/webhooks/${brokenId}?status=failed`);
  });

  it("an endpoint disabled by 410 Gone: an alert with its re-enable action, endpoint.disabled to the monitor, resolved once enabled", async () => {
    const { property, key, rooms } = await propertyWithKey();
    const gone = await receiver(() => ({ status: 410 }));
    const monitor = await receiver(() => ({ status: 200 }));
    const goneId = await endpoint(key, gone, ["reservation.created"], "Old PMS");
    await endpoint(key, monitor, ["endpoint.disabled"], "Ops monitor");
    const { clock, round } = engine();
    await bookStay(key, rooms[0]!.id);
    await round();
    await round();
    expect(monitor.received.map((m) => m.json.type)).toEqual(["endpoint.disabled"]);
    expect(monitor.received[0]!.json.data).toMatchObject({ endpoint: { id: goneId, description: "Old PMS", url: gone.url } });
    const goneRow = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: goneId } });
    expect(goneRow.disabledCause).toBe("GONE");
    const at = goneRow.disabledAt!.toISOString();
    const reason = `Disabled automatically: the endpoint answered 410 Gone on ${at.slice(0, 10)} ${at.slice(11, 16)} UTC.`;
    expect((monitor.received[0]!.json.data as { endpoint: { reason: string } }).endpoint.reason).toBe(reason);

    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    const disabled = (await alertsOf(property.id)).filter((a) => a.rule === "ENDPOINT_DISABLED");
    expect(disabled).toHaveLength(1);
    expect(disabled[0]).toMatchObject({ actionLabel: "Re-enable…", actionHref: `/webhooks/${goneId}?enable=1`, resolvedAt: null });
    expect(disabled[0]!.body).toBe(`${reason} Nothing is sent to ${gone.url} until it is enabled again.`);

    await db.webhookEndpoint.update({ where: { id: goneId }, data: { enabled: true, disabledAt: null, disabledCause: null } });
    await evaluateAlerts({ now: clock.now, rules: ENDPOINT_RULES });
    expect((await db.alert.findUniqueOrThrow({ where: { id: disabled[0]!.id } })).resolvedAt).toEqual(clock.now);
  });
});

describe("alert mail", () => {
  it("goes once to each owner and admin who has not muted the rule, never to a manager", async () => {
    const catcher = await startMailCatcher();
    closers.push(catcher);
    const { property } = await propertyWithKey();
    const owner = await createUser({ memberships: [{ propertyId: property.id, role: "OWNER" }] });
    const admin = await createUser({ memberships: [{ propertyId: property.id, role: "ADMIN" }] });
    const muted = await createUser({ memberships: [{ propertyId: property.id, role: "ADMIN" }] });
    await db.user.update({ where: { id: muted.id }, data: { mutedAlertEmails: ["KEY_EXPIRING"] } });
    const manager = await createUser({ memberships: [{ propertyId: property.id, role: "MANAGER" }] });
    const keyRow = await db.apiKey.findFirstOrThrow({ where: { propertyId: property.id } });
    const now = new Date();
    await db.apiKey.update({ where: { id: keyRow.id }, data: { expiresAt: new Date(now.getTime() + 2 * 86_400_000) } });
    await evaluateAlerts({ now, rules: ["KEY_EXPIRING"] });

    const origin = "https://pms.example";
    expect(await mailPendingAlerts({ now, smtpUrl: catcher.url, origin })).toBeGreaterThanOrEqual(2);
    const mail = await catcher.mailTo(owner.email);
    expect(mail.raw).toContain(`${property.name}: API key expires soon: test LIVE`);
    expect(mail.raw).toContain(`${origin}/${property.slug}/settings/api-access/keys?roll=${keyRow.id}`);
    await catcher.mailTo(admin.email);
    const recipients = catcher.mails.flatMap((m) => m.to);
    expect(recipients).not.toContain(muted.email);
    expect(recipients).not.toContain(manager.email);
    const sent = catcher.mails.length;
    expect(await mailPendingAlerts({ now, smtpUrl: catcher.url, origin })).toBe(0);
    expect(catcher.mails).toHaveLength(sent);
    // Without an SMTP server nothing is claimed, so a server configured later still mails what is recent.
    expect(await mailPendingAlerts({ now, smtpUrl: null })).toBe(0);
  });
});
