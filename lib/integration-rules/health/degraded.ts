// Degraded: a key or partner with over DEGRADED_ERROR_RATE of the last hour's requests failed, or any rate
// limited, or a key that expires within 7 days; an enabled endpoint with a failed attempt in the last hour.
import { DEGRADED_ERROR_RATE } from "../thresholds";
import { plural } from "../wording";
import { endpointLastSuccess, mostly, trafficLastSuccess, type HealthStateRule } from "./health-state-rule";

export const degraded = {
  label: "Degraded",
  severity: 1,
  sentence(subject) {
    if (subject.kind === "traffic") {
      const hour = subject.traffic?.hour;
      if (hour && hour.requests > 0 && (hour.failed / hour.requests > DEGRADED_ERROR_RATE || hour.rateLimited > 0)) {
        const limited = hour.rateLimited > 0 ? `${hour.failed > 0 ? "; " : ""}${plural(hour.rateLimited, "request")} rate limited` : "";
        const failed = hour.failed > 0 ? `${hour.failed} of ${plural(hour.requests, "request")} failed${mostly(subject.commonError)}` : "";
        return `${subject.name}: ${failed}${limited} in the last hour; ${trafficLastSuccess(subject)}.`;
      }
      return subject.expiring ? `${subject.name}: ${subject.expiring.toLowerCase()}; roll it before then.` : null;
    }
    const { lastHour } = subject;
    if (!subject.endpoint.enabled || !lastHour || lastHour.failed === 0) return null;
    return `${subject.name}: ${lastHour.failed} of ${plural(lastHour.attempts, "delivery attempt")} failed in the last hour; ${endpointLastSuccess(subject)}.`;
  },
} satisfies HealthStateRule;
