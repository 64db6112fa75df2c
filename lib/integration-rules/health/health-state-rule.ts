// What every health state gives: its word on the Overview's badge, how severe it is, and the sentence for
// a key, partner or endpoint in that state. A subject is in the most severe state whose rule holds, so a
// rule may take for granted that no more severe one did.
import type { EndpointDisabledCause } from "../../db/generated/prisma/enums";
import type { DeliveryStats } from "../../rollups/usage-reports";
import type { FailingRun, Traffic } from "../recent-traffic";

export const HEALTH_STATES = ["healthy", "degraded", "failing", "paused", "idle"] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

/** A key or a partner, by the requests it made. */
export interface TrafficSubject {
  kind: "traffic";
  /** "Channex (pk_live_…1234)", or the partner's name. */
  name: string;
  /** Its last hour; undefined without a request. */
  traffic: Traffic | undefined;
  /** Its most frequent error of the last hour, in words ("for records that don't exist (404) on GET /reservations/{id}"). */
  commonError: string | null;
  /** A key that expires within 7 days: its status ("Expires in 3 days"). */
  expiring: string | null;
  /** A time in the property's zone. */
  at: (time: Date) => string;
}

/** A webhook endpoint, by its state and its deliveries. */
export interface EndpointSubject {
  kind: "endpoint";
  /** Its description, else its URL's host. */
  name: string;
  endpoint: { enabled: boolean; disabledCause: EndpointDisabledCause | null; disabledAt: Date | null; failingSince: Date | null };
  run: FailingRun | undefined;
  lastHour: DeliveryStats | undefined;
  lastDay: DeliveryStats | undefined;
  /** Its last success over the last 7 days. */
  lastSucceededAt: Date | null;
  now: Date;
  at: (time: Date) => string;
}

export type HealthSubject = TrafficSubject | EndpointSubject;

export interface HealthStateRule {
  /** The badge's word. */
  label: string;
  /** 0 is the most severe: the list shows the most troubled first. */
  severity: number;
  /** The subject's line when it is in this state, or null. */
  sentence(subject: HealthSubject): string | null;
}

export const trafficLastSuccess = ({ traffic, at }: TrafficSubject) =>
  traffic?.hour.lastOkAt ? `last success ${at(traffic.hour.lastOkAt)}` : "no success in the last hour";

export const endpointLastSuccess = ({ lastSucceededAt, at }: EndpointSubject) =>
  lastSucceededAt ? `last success ${at(lastSucceededAt)}` : "no success in the last 7 days";

export const mostly = (commonError: string | null) => (commonError ? `, most of them ${commonError}` : "");
