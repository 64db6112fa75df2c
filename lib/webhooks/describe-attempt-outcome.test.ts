import { describe, expect, it } from "vitest";
import { describeAttemptOutcome, describeDeliveryStatus, errorCode, nextTryIn, type DeliveryState } from "./describe-attempt-outcome";

const now = new Date("2026-03-12T14:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
const delivery = (state: Partial<DeliveryState>): DeliveryState => ({
  status: "PENDING",
  lastStatusCode: null,
  lastError: null,
  attemptCount: 1,
  nextAttemptAt: null,
  ...state,
});

describe("describeAttemptOutcome", () => {
  it.each([
    [{ responseStatus: 200, error: null }, "Delivered", "HTTP 200", "green"],
    [{ responseStatus: 204, error: null }, "Delivered", "HTTP 204", "green"],
    [{ responseStatus: 429, error: null }, "Rate limited", "HTTP 429", "amber"],
    [{ responseStatus: 500, error: null }, "Failed – HTTP 500 Internal Server Error", "HTTP 500", "red"],
    [{ responseStatus: 503, error: null }, "Failed – HTTP 503 Service Unavailable", "HTTP 503", "red"],
    [{ responseStatus: 418, error: null }, "Failed – HTTP 418", "HTTP 418", "red"],
    [{ responseStatus: 301, error: null }, "Failed – HTTP 301", "HTTP 301", "red"],
    [
      { responseStatus: null, error: "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9" },
      "Failed – connection refused",
      "ECONNREFUSED",
      "red",
    ],
    [{ responseStatus: null, error: "Timed out after 10 s" }, "Failed – timed out", "TIMEOUT", "red"],
    [{ responseStatus: null, error: "CERT_HAS_EXPIRED: certificate has expired" }, "Failed – TLS error", "CERT_HAS_EXPIRED", "red"],
    [
      { responseStatus: null, error: "ERR_TLS_CERT_ALTNAME_INVALID: Hostname/IP does not match" },
      "Failed – TLS error",
      "ERR_TLS_CERT_ALTNAME_INVALID",
      "red",
    ],
    [{ responseStatus: null, error: "ENOTFOUND: getaddrinfo ENOTFOUND hooks.example" }, "Failed – DNS lookup failed", "ENOTFOUND", "red"],
    [{ responseStatus: null, error: "EAI_AGAIN: getaddrinfo EAI_AGAIN hooks.example" }, "Failed – DNS lookup failed", "EAI_AGAIN", "red"],
    [{ responseStatus: null, error: "ECONNRESET: socket hang up" }, "Failed – connection reset", "ECONNRESET", "red"],
    [{ responseStatus: null, error: "Refused: 10.0.0.1 is a private address" }, "Failed – address not allowed", "BLOCKED", "red"],
    [{ responseStatus: null, error: "socket went away" }, "Failed – no answer", "ERROR", "red"],
    [{ responseStatus: null, error: null }, "Failed", null, "red"],
  ] as const)("%j reads %s", (attempt, label, code, tone) => {
    expect(describeAttemptOutcome(attempt)).toEqual({ label, code, tone });
  });
});

describe("errorCode", () => {
  it("takes the code Node put before the message, and names the engine's own errors", () => {
    expect(errorCode("EHOSTUNREACH: connect EHOSTUNREACH 1.2.3.4:443")).toBe("EHOSTUNREACH");
    expect(errorCode("Timed out after 5 s")).toBe("TIMEOUT");
    expect(errorCode("Not sent: the endpoint was disabled.")).toBe("NOT_SENT");
    expect(errorCode("Invalid URL")).toBe("INVALID_URL");
  });
});

describe("describeDeliveryStatus", () => {
  it("says Delivered with the status code", () => {
    expect(describeDeliveryStatus(delivery({ status: "SUCCEEDED", lastStatusCode: 200 }), { now })).toEqual({
      label: "Delivered",
      code: "HTTP 200",
      tone: "green",
    });
  });

  it("says why a failed delivery failed", () => {
    expect(describeDeliveryStatus(delivery({ status: "FAILED", lastStatusCode: 500 }), { now }).label).toBe(
      "Failed – HTTP 500 Internal Server Error",
    );
    expect(describeDeliveryStatus(delivery({ status: "FAILED", lastStatusCode: 429 }), { now }).label).toBe("Failed – rate limited");
    expect(
      describeDeliveryStatus(delivery({ status: "FAILED", attemptCount: 0, lastError: "Not sent: the endpoint was disabled." }), { now }),
    ).toEqual({ label: "Failed – not sent: the endpoint was disabled", code: null, tone: "red" });
  });

  it("says a delivery failed because it was not sent, not because of the code the attempt before got", () => {
    const failed = delivery({ status: "FAILED", attemptCount: 2, lastStatusCode: 500, lastError: "Not sent: the endpoint was disabled." });
    expect(describeDeliveryStatus(failed, { now })).toEqual({
      label: "Failed – not sent: the endpoint was disabled",
      code: null,
      tone: "red",
    });
  });

  it("gives a pending delivery's next try in minutes, or 'a few seconds' when it is close", () => {
    const pending = delivery({ lastStatusCode: 500, nextAttemptAt: later(4 * 60_000 + 10_000) });
    expect(describeDeliveryStatus(pending, { now })).toEqual({ label: "Pending – next try in 4 minutes", code: "HTTP 500", tone: "amber" });
    expect(describeDeliveryStatus(delivery({ nextAttemptAt: later(20_000) }), { now }).label).toBe("Pending – next try in a few seconds");
    expect(describeDeliveryStatus(delivery({ lastStatusCode: 429, nextAttemptAt: later(120_000) }), { now }).label).toBe(
      "Rate limited – next try in 2 minutes",
    );
  });

  it("says sending, retrying now, or paused", () => {
    expect(describeDeliveryStatus(delivery({ attemptCount: 0 }), { now }).label).toBe("Pending – sending");
    expect(describeDeliveryStatus(delivery({ nextAttemptAt: later(-1_000) }), { now }).label).toBe("Pending – retrying now");
    expect(describeDeliveryStatus(delivery({ nextAttemptAt: later(60_000) }), { now, paused: true }).label).toBe(
      "Pending – paused while the endpoint is disabled",
    );
  });
});

describe("nextTryIn", () => {
  it("never says 0 seconds", () => {
    expect(nextTryIn(now, now)).toBe("in a few seconds");
    expect(nextTryIn(new Date(now.getTime() - 5_000), now)).toBe("in a few seconds");
    expect(nextTryIn(new Date(now.getTime() + 44_999), now)).toBe("in a few seconds");
    expect(nextTryIn(new Date(now.getTime() + 50_000), now)).toBe("in 50 seconds");
    expect(nextTryIn(new Date(now.getTime() + 3_600_000), now)).toBe("in 1 hour");
  });
});
