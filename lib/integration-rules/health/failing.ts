// Failing: a key or partner with over FAILING_ERROR_RATE of at least FAILING_MIN_REQUESTS requests failed in
// the last FAILING_WINDOW_MS; an endpoint the engine disabled, or whose current run of failures has
// ENDPOINT_FAILING_ATTEMPTS attempts or has lasted ENDPOINT_FAILING_MS.
import { describeAutomaticDisable, isAutomaticallyDisabled } from "../../webhooks/disabled-reason";
import { ENDPOINT_FAILING_ATTEMPTS, ENDPOINT_FAILING_MS, FAILING_ERROR_RATE, FAILING_MIN_REQUESTS } from "../thresholds";
import { plural } from "../wording";
import { endpointLastSuccess, mostly, trafficLastSuccess, type HealthStateRule } from "./health-state-rule";

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const failing = {
  label: "Failing",
  severity: 0,
  sentence(subject) {
    if (subject.kind === "traffic") {
      const recent = subject.traffic?.recent;
      if (!recent || recent.requests < FAILING_MIN_REQUESTS || recent.failed / recent.requests <= FAILING_ERROR_RATE) return null;
      return `${subject.name}: ${recent.failed} of ${plural(recent.requests, "request")} failed in the last 15 minutes${mostly(subject.commonError)}; ${trafficLastSuccess(subject)}.`;
    }
    const { endpoint, run, name, now, at } = subject;
    if (!endpoint.enabled) {
      const cause = endpoint.disabledCause;
      if (!isAutomaticallyDisabled(cause)) return null;
      const since = endpoint.disabledAt ? ` since ${at(endpoint.disabledAt)}` : "";
      return `${name}: disabled${since}: ${describeAutomaticDisable({ cause, at: endpoint.disabledAt, failingSince: endpoint.failingSince })} ${capitalize(endpointLastSuccess(subject))}.`;
    }
    if (
      !endpoint.failingSince ||
      !run ||
      (run.failed < ENDPOINT_FAILING_ATTEMPTS && now.getTime() - endpoint.failingSince.getTime() < ENDPOINT_FAILING_MS)
    )
      return null;
    return `${name}: ${run.failed} of ${plural(run.attempts, "delivery attempt")} failed since ${at(endpoint.failingSince)}; ${endpointLastSuccess(subject)}.`;
  },
} satisfies HealthStateRule;
