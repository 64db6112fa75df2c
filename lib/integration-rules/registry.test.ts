// The registry holds a rule for every alert kind and every health state, with words a manager can tell apart.
import { describe, expect, it } from "vitest";
import { ALERT_KINDS } from "./alert-kinds";
import { HEALTH_STATES, type TrafficSubject } from "./health/health-state-rule";
import { emptyHistogram } from "../rollups/latency-histogram";
import { alertRules, alertDescriptions, ENDPOINT_RULES, healthOf, healthStates } from "./registry";

const expectDistinctTexts = (texts: string[]) => {
  for (const text of texts) expect(text.trim()).not.toBe("");
  expect(new Set(texts).size).toBe(texts.length);
};

describe("alert rules", () => {
  it("registers exactly the kinds of ALERT_KINDS", () => {
    expect(Object.keys(alertRules).sort()).toEqual([...ALERT_KINDS].sort());
    for (const kind of ALERT_KINDS) expect(typeof alertRules[kind].find).toBe("function");
  });

  it("gives each rule its own label, hint and mail reason", () => {
    const rules = ALERT_KINDS.map((kind) => alertRules[kind]);
    expectDistinctTexts(rules.map((r) => r.description.label));
    expectDistinctTexts(rules.map((r) => r.description.hint));
    expectDistinctTexts(rules.map((r) => r.mailReason));
    expect(alertDescriptions().map((d) => d.kind)).toEqual([...ALERT_KINDS]);
  });

  it("names the endpoint rules a worker evaluates at once", () => {
    expect(ENDPOINT_RULES).toEqual(["ENDPOINT_FAILING", "ENDPOINT_DISABLED", "DELIVERY_EXHAUSTED"]);
  });
});

describe("health states", () => {
  it("registers exactly the states of HEALTH_STATES, each with its own label and severity", () => {
    expect(Object.keys(healthStates).sort()).toEqual([...HEALTH_STATES].sort());
    const states = HEALTH_STATES.map((state) => healthStates[state]);
    expectDistinctTexts(states.map((s) => s.label));
    expect(new Set(states.map((s) => s.severity)).size).toBe(states.length);
  });

  const key = (requests: number, failed: number, expiring: string | null = null): TrafficSubject => ({
    kind: "traffic",
    name: "Channex",
    traffic:
      requests === 0
        ? undefined
        : {
            hour: { requests, failed, serverErrors: 0, rateLimited: 0, lastOkAt: null, latency: emptyHistogram() },
            recent: { requests, failed, serverErrors: 0 },
          },
    commonError: null,
    expiring,
    at: (time) => time.toISOString(),
  });

  it("puts a subject in the most severe state whose rule holds", () => {
    // 12 requests, 6 failed: failing (the healthy rule alone would also word it).
    expect(healthOf(key(12, 6)).state).toBe("failing");
    expect(healthStates.healthy.sentence(key(12, 6))).not.toBeNull();
    expect(healthOf(key(12, 0))).toEqual({ state: "healthy", sentence: "Channex: 12 requests in the last hour, all answered." });
    expect(healthOf(key(0, 0))).toEqual({ state: "idle", sentence: "Channex: no requests in the last hour." });
    expect(healthOf(key(0, 0, "Expires in 3 days"))).toEqual({
      state: "degraded",
      sentence: "Channex: expires in 3 days; roll it before then.",
    });
  });
});
