// What every alert rule gives: the words managers read (the e-mail preferences list the description,
// the mail says why it was sent) and how it finds its conditions at `now`. Each condition is named by a
// dedupe key (the rule, its subject and the window or episode), so every instance may evaluate the rules
// and an alert is still raised once. Rules for lasting conditions also resolve the alerts whose condition ended.
import { Prisma } from "../../db/generated/prisma/client";
import type { AlertKind } from "../alert-kinds";
import type { RecentTraffic } from "../recent-traffic";

export interface AlertCandidate {
  propertyId: string;
  rule: AlertKind;
  subjectType: AlertSubjectType;
  subjectId: string;
  dedupeKey: string;
  title: string;
  body: string;
  actionLabel: string;
  /** Below the property's API Access page. */
  actionHref: string;
}

export type AlertSubjectType = "api_key" | "webhook_endpoint";

export interface AlertContext {
  now: Date;
  /** For the endpoint rules: only these endpoints, when given. */
  endpointIds?: string[];
  traffic: RecentTraffic;
}

export interface AlertRule {
  /** What a manager chooses to hear about, in the e-mail preferences. */
  description: { label: string; hint: string };
  /** Why a mail was sent: "You get this mail because you chose to hear when <mailReason>." */
  mailReason: string;
  subjectType: AlertSubjectType;
  /** The conditions that hold at `context.now`. */
  find(context: AlertContext): Promise<AlertCandidate[]>;
  /** For a lasting condition: resolves the open alerts whose condition ended at `context.now`; returns how many. */
  resolveEnded?(context: AlertContext): Promise<number>;
}

/** `AND <column> IN (…)` when the evaluation is limited to some endpoints. */
export const endpointFilter = (context: AlertContext, column = Prisma.sql`e.id`) =>
  context.endpointIds
    ? Prisma.sql`AND ${column} IN (${Prisma.join(context.endpointIds.length ? context.endpointIds : [""])})`
    : Prisma.empty;
