// Idle: a key or partner without a request in the last hour, an endpoint without a delivery in 24 hours.
import type { HealthStateRule } from "./health-state-rule";

export const idle = {
  label: "Idle",
  severity: 4,
  sentence(subject) {
    if (subject.kind === "traffic") {
      return subject.traffic && subject.traffic.hour.requests > 0 ? null : `${subject.name}: no requests in the last hour.`;
    }
    const { lastDay } = subject;
    return lastDay && lastDay.attempts > 0 ? null : `${subject.name}: no deliveries in the last 24 hours.`;
  },
} satisfies HealthStateRule;
