// Healthy: a key or partner that called in the last hour, an endpoint with deliveries in the last 24 hours,
// and nothing worse.
import { histogramPercentile } from "../../rollups/latency-histogram";
import { plural } from "../wording";
import type { HealthStateRule } from "./health-state-rule";

export const healthy = {
  label: "Healthy",
  severity: 3,
  sentence(subject) {
    if (subject.kind === "traffic") {
      const hour = subject.traffic?.hour;
      if (!hour || hour.requests === 0) return null;
      const p95 = histogramPercentile(hour.latency, 0.95);
      const failedNote = hour.failed > 0 ? `, ${hour.failed} failed` : ", all answered";
      return `${subject.name}: ${plural(hour.requests, "request")} in the last hour${failedNote}${p95 === null ? "" : `; p95 ${p95} ms`}.`;
    }
    const { lastDay } = subject;
    if (!lastDay || lastDay.attempts === 0) return null;
    return `${subject.name}: ${lastDay.succeeded} of ${plural(lastDay.attempts, "delivery attempt")} succeeded in the last 24 hours${
      lastDay.p95Ms === null ? "" : `; p95 ${lastDay.p95Ms} ms`
    }.`;
  },
} satisfies HealthStateRule;
