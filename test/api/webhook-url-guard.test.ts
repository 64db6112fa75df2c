// The SSRF guard: private, loopback, link-local and metadata addresses are refused when an endpoint is
// saved and again when a delivery connects (a host name may resolve differently later), unless
// private networks are allowed (WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true; the test setup allows them).
import type { LookupAddress } from "node:dns";
import { afterEach, describe, expect, it } from "vitest";
import * as endpointsRoute from "../../app/api/v1/webhook-endpoints/route";
import { call } from "../api-client";
import { propertyWithKey } from "../api-fixtures";
import { startReceiver } from "../webhook-receiver";
import { db, getPool } from "../../lib/db/client";
import { recordDomainEvent } from "../../lib/events/record-domain-event";
import { sendAttempt } from "../../lib/webhooks/engine/send-attempt";
import { assertDeliverableUrl, configurePrivateNetworks, forbiddenAddressReason, type Resolver } from "../../lib/webhooks/engine/url-guard";
import { WebhookWorker } from "../../lib/webhooks/engine/webhook-worker";

/** A DNS of our own: names mapped to addresses, as a rebinding or internal DNS server would answer. */
const dnsOf =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

const dns = dnsOf({
  "internal.example": ["10.0.0.8"],
  "metadata.example": ["169.254.169.254"],
  "loop.example": ["203.0.113.9", "127.0.0.1"],
  "public.example": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"],
});

const refuses = (url: string, options: { allowPrivate?: boolean } = {}) =>
  expect(assertDeliverableUrl(url, { allowPrivate: options.allowPrivate ?? false, resolve: dns })).rejects.toMatchObject({
    code: "URL_NOT_ALLOWED",
  });

afterEach(() => {
  configurePrivateNetworks(true);
});

describe("when an endpoint is saved", () => {
  it("refuses loopback, 10.0.0.0/8, link-local metadata and other non-public addresses", async () => {
    for (const url of [
      "https://127.0.0.1/hooks",
      "https://127.8.9.10/hooks",
      "https://10.0.0.1/hooks",
      "https://10.255.255.254:8443/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://[::1]/hooks",
      "https://[::ffff:127.0.0.1]/hooks",
      "https://[fd00:ec2::254]/hooks",
      "https://172.16.5.4/hooks",
      "https://192.168.1.1/hooks",
      "https://100.100.100.200/hooks",
      "https://0.0.0.0/hooks",
      "https://0x7f000001/hooks",
      "https://2130706433/hooks",
      "https://[::127.0.0.1]/hooks",
      "https://[::a00:1]/hooks",
    ]) {
      await refuses(url);
    }
  });

  it("refuses host names that resolve to such addresses (any of their addresses)", async () => {
    await refuses("https://internal.example/hooks");
    await refuses("https://metadata.example/latest/meta-data/");
    await refuses("https://loop.example/hooks");
    await refuses("https://nowhere.example/hooks");
    // The machine's own resolver: localhost is loopback.
    await expect(assertDeliverableUrl("https://localhost/hooks", { allowPrivate: false })).rejects.toMatchObject({
      code: "URL_NOT_ALLOWED",
    });
  });

  it("names no internal address in its answer for a host name", async () => {
    const error = await assertDeliverableUrl("https://internal.example/hooks", { allowPrivate: false, resolve: dns }).then(
      () => new Error("accepted"),
      (e: unknown) => e as Error,
    );
    expect(error.message).toMatch(/internal\.example resolves to a loopback, private, link-local or reserved address/);
    expect(error.message).not.toContain("10.0.0.8");
  });

  it("requires https, refuses credentials, port 0 and non-http schemes, accepts public hosts", async () => {
    await refuses("https://public.example:0/hooks");
    await refuses(`https://public.example/${"é".repeat(1500)}`);
    await refuses("http://public.example/hooks");
    await refuses("https://user:pass@public.example/hooks");
    await refuses("ftp://public.example/hooks");
    await refuses("not a url");
    await expect(assertDeliverableUrl("https://public.example/hooks?x=1", { allowPrivate: false, resolve: dns })).resolves.toBe(
      "https://public.example/hooks?x=1",
    );
    await expect(assertDeliverableUrl("https://93.184.215.14/hooks", { allowPrivate: false, resolve: dns })).resolves.toBe(
      "https://93.184.215.14/hooks",
    );
  });

  it("allows all of it with WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true", async () => {
    for (const url of ["http://127.0.0.1:4000/hooks", "https://10.0.0.1/hooks", "http://169.254.169.254/", "http://internal.example/"]) {
      await expect(assertDeliverableUrl(url, { allowPrivate: true, resolve: dns })).resolves.toBe(new URL(url).toString());
    }
  });

  it("answers the API with 422 URL_NOT_ALLOWED and a field detail, creating nothing", async () => {
    configurePrivateNetworks(false);
    const { property, key } = await propertyWithKey();
    for (const url of [
      "https://127.0.0.1/hooks",
      "https://10.1.2.3/hooks",
      "https://169.254.169.254/latest/meta-data/",
      "https://localhost/hooks",
      "http://example.com/hooks",
    ]) {
      const res = await call(endpointsRoute.POST, {
        method: "POST",
        path: "/api/v1/webhook-endpoints",
        key,
        body: { url, eventTypes: ["*"] },
      });
      expect(res.status, url).toBe(422);
      expect(res.body).toMatchObject({ code: "URL_NOT_ALLOWED", details: [{ path: "url" }] });
    }
    expect(await db.webhookEndpoint.count({ where: { propertyId: property.id } })).toBe(0);
  });

  it("classifies addresses", () => {
    expect(forbiddenAddressReason("8.8.8.8")).toBeNull();
    expect(forbiddenAddressReason("127.0.0.1")).toMatch(/loopback/);
    expect(forbiddenAddressReason("10.9.8.7")).toMatch(/private/);
    expect(forbiddenAddressReason("169.254.169.254")).toMatch(/link-local/);
  });
});

describe("when a delivery connects", () => {
  it("refuses a literal private address and a host name that now resolves to one, sending nothing", async () => {
    const receiver = await startReceiver();
    try {
      const literal = await sendAttempt(
        { url: `https://127.0.0.1:${receiver.port}/hooks`, headers: {}, body: "{}" },
        { allowPrivate: false },
      );
      expect(literal.error).toMatch(/^Refused: 127\.0\.0\.1 is a loopback address/);
      // Public when saved, loopback when called (DNS rebinding): the connection's own lookup refuses it.
      const rebound = await sendAttempt(
        { url: `https://rebind.example:${receiver.port}/hooks`, headers: {}, body: "{}" },
        { allowPrivate: false, resolve: dnsOf({ "rebind.example": ["127.0.0.1"] }) },
      );
      expect(rebound.error).toBe("Refused: rebind.example resolves to a non-public address");
      const metadata = await sendAttempt(
        { url: "https://metadata.example/latest/meta-data/", headers: {}, body: "{}" },
        { allowPrivate: false, resolve: dns, timeoutMs: 2000 },
      );
      expect(metadata.error).toBe("Refused: metadata.example resolves to a non-public address");
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it("records the refusal as a failed attempt of an endpoint saved while private networks were allowed", async () => {
    const receiver = await startReceiver();
    try {
      const { property } = await propertyWithKey();
      const endpoint = await db.webhookEndpoint.create({
        data: {
          id: "we_ssrf",
          propertyId: property.id,
          url: receiver.url,
          eventTypes: ["*"],
          secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        },
      });
      await db.$transaction((tx) => recordDomainEvent(tx, { propertyId: property.id, type: "reservation.created", data: {} as never }));
      await new WebhookWorker({ pool: getPool(), allowPrivate: false, log: () => {} }).runOnce();
      const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id }, include: { attempts: true } });
      expect(delivery.status).toBe("PENDING");
      expect(delivery.attempts[0]!.error).toMatch(/^Refused: .*must use https|^Refused: 127\.0\.0\.1/);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });
});
