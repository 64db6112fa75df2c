// Paused: an endpoint a person disabled (or that was created disabled). Keys and partners are never paused.
import { isAutomaticallyDisabled } from "../../webhooks/disabled-reason";
import type { HealthStateRule } from "./health-state-rule";

export const paused = {
  label: "Paused",
  severity: 2,
  sentence(subject) {
    if (subject.kind !== "endpoint" || subject.endpoint.enabled || isAutomaticallyDisabled(subject.endpoint.disabledCause)) return null;
    const { disabledAt } = subject.endpoint;
    const since = disabledAt ? ` since ${subject.at(disabledAt)}` : "";
    return `${subject.name}: disabled by a person${since}; nothing is sent until it is enabled again.`;
  },
} satisfies HealthStateRule;
