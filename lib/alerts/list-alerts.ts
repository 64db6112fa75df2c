import "server-only";
// What the bell shows a member: the property's latest alerts, which of them this person has read, and
// how many they have not.
import { db } from "../db/client";

export interface AlertView {
  id: string;
  rule: string;
  title: string;
  body: string;
  actionLabel: string;
  actionHref: string;
  createdAt: string;
  resolvedAt: string | null;
  read: boolean;
}

export async function listAlerts(propertyId: string, userId: string, limit = 30): Promise<{ unread: number; alerts: AlertView[] }> {
  const [rows, unread] = await Promise.all([
    db.alert.findMany({
      where: { propertyId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { reads: { where: { userId }, select: { userId: true } } },
    }),
    db.alert.count({ where: { propertyId, reads: { none: { userId } } } }),
  ]);
  return {
    unread,
    alerts: rows.map((a) => ({
      id: a.id,
      rule: a.rule,
      title: a.title,
      body: a.body,
      actionLabel: a.actionLabel,
      actionHref: a.actionHref,
      createdAt: a.createdAt.toISOString(),
      resolvedAt: a.resolvedAt?.toISOString() ?? null,
      read: a.reads.length > 0,
    })),
  };
}

/** Marks the given alerts of the property read for this person (all of them when `ids` is omitted). */
export async function markAlertsRead(propertyId: string, userId: string, ids?: string[]): Promise<number> {
  const alerts = await db.alert.findMany({
    where: { propertyId, ...(ids ? { id: { in: ids } } : {}), reads: { none: { userId } } },
    select: { id: true },
  });
  if (alerts.length === 0) return 0;
  const { count } = await db.alertRead.createMany({ data: alerts.map((a) => ({ alertId: a.id, userId })), skipDuplicates: true });
  return count;
}
