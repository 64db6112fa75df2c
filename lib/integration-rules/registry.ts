import "server-only";
// Every alert rule and every health state, each in its own file under alerts/ and health/. The registry is
// typed by the kinds (ALERT_KINDS) and the states (HEALTH_STATES): a kind or a state added without its rule,
// its description, its mail reason or its sentences does not compile. Evaluators iterate these.
import { ALERT_KINDS, type AlertKind } from "./alert-kinds";
import type { AlertRule } from "./alerts/alert-rule";
import { deliveryExhausted } from "./alerts/delivery-exhausted";
import { endpointDisabled } from "./alerts/endpoint-disabled";
import { endpointFailing } from "./alerts/endpoint-failing";
import { errorRate } from "./alerts/error-rate";
import { keyExpiring } from "./alerts/key-expiring";
import { keyNewIp } from "./alerts/key-new-ip";
import { keyUnused } from "./alerts/key-unused";
import { usageSpike } from "./alerts/usage-spike";
import { degraded } from "./health/degraded";
import { failing } from "./health/failing";
import { HEALTH_STATES, type HealthState, type HealthStateRule, type HealthSubject } from "./health/health-state-rule";
import { healthy } from "./health/healthy";
import { idle } from "./health/idle";
import { paused } from "./health/paused";

export const alertRules = {
  ENDPOINT_FAILING: endpointFailing,
  ENDPOINT_DISABLED: endpointDisabled,
  DELIVERY_EXHAUSTED: deliveryExhausted,
  KEY_EXPIRING: keyExpiring,
  KEY_UNUSED: keyUnused,
  KEY_NEW_IP: keyNewIp,
  USAGE_SPIKE: usageSpike,
  ERROR_RATE: errorRate,
} satisfies Record<AlertKind, AlertRule>;

/** The rules about webhook endpoints, which a worker evaluates at once for the endpoints it saw fail. */
export const ENDPOINT_RULES: AlertKind[] = ALERT_KINDS.filter((kind) => alertRules[kind].subjectType === "webhook_endpoint");

/** Each kind with the words the e-mail preferences show, in the order of ALERT_KINDS. */
export const alertDescriptions = (): { kind: AlertKind; label: string; hint: string }[] =>
  ALERT_KINDS.map((kind) => ({ kind, ...alertRules[kind].description }));

export const healthStates = {
  healthy,
  degraded,
  failing,
  paused,
  idle,
} satisfies Record<HealthState, HealthStateRule>;

const BY_SEVERITY = [...HEALTH_STATES].sort((a, b) => healthStates[a].severity - healthStates[b].severity);

/** The subject's state (the most severe whose rule holds) and its sentence. */
export function healthOf(subject: HealthSubject): { state: HealthState; sentence: string } {
  for (const state of BY_SEVERITY) {
    const sentence = healthStates[state].sentence(subject);
    if (sentence !== null) return { state, sentence };
  }
  // Idle holds for whatever no other state does.
  throw new Error(`no health state holds for ${subject.name}`);
}
