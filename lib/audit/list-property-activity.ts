import "server-only";
// The property's whole audit trail, newest first: its own events (keys, webhooks, settings, team,
// reservations) and the account events (sign-ins, 2FA, password, sessions) of the people who are its
// members now. Another property's events, and strangers' sign-ins, never appear.
import { db, type Prisma } from "../db/client";
import { afterCursor, newestFirst, page } from "../db/pagination";
import { ACTIVITY_KINDS, type ActivityFilters } from "./activity-filters";
import { describeAuditEvent, type Person } from "./describe-audit-event";
import { plainIp } from "../http/plain-ip";
import { isStorableDate } from "../db/storable-date";

export const ACTIVITY_PAGE_SIZE = 50;

export interface ActivityEntry {
  id: string;
  createdAt: string;
  action: string;
  sentence: string;
  actor: string;
  warning: boolean;
  ip: string | null;
}

async function currentMembers(propertyId: string) {
  const memberships = await db.membership.findMany({ where: { propertyId }, select: { user: { select: { id: true, email: true } } } });
  return memberships.map((m) => m.user);
}

/** Which events belong to the property's trail, before any filter. */
function scopeOf(propertyId: string, members: { id: string; email: string }[]): Prisma.AuditEventWhereInput {
  const ids = members.map((m) => m.id);
  return {
    OR: [
      { propertyId },
      {
        propertyId: null,
        OR: [
          // As the account page reads them: sign-ins name the user as target, everything else has them as actor.
          { targetType: "user", targetId: { in: ids } },
          { actorId: { in: ids } },
          // A blocked sign-in knows only the email typed (no user id): a member's email still makes it theirs.
          { action: "user.sign_in_throttled", actorLabel: { in: members.map((m) => m.email) } },
        ],
      },
    ],
  };
}

function filterOf(filters: ActivityFilters): Prisma.AuditEventWhereInput[] {
  const where: Prisma.AuditEventWhereInput[] = [];
  if (filters.kind) where.push({ OR: ACTIVITY_KINDS[filters.kind].prefixes.map((prefix) => ({ action: { startsWith: prefix } })) });
  if (filters.actor?.type === "system") where.push({ actorType: "SYSTEM" });
  else if (filters.actor) where.push({ actorType: filters.actor.type === "user" ? "USER" : "API_KEY", actorId: filters.actor.id });
  // Whole days in UTC, both ends included.
  if (filters.from) where.push({ createdAt: { gte: filters.from } });
  // The day after "to" bounds it; after 9999-12-31 there is no such day the database can hold, and no entry either.
  const after = filters.to && new Date(filters.to.getTime() + 86_400_000);
  if (after && isStorableDate(after)) where.push({ createdAt: { lt: after } });
  return where;
}

export async function listPropertyActivity(options: {
  propertyId: string;
  filters: ActivityFilters;
  cursor?: { createdAt: Date; id: string };
  limit?: number;
}): Promise<{ rows: ActivityEntry[]; nextCursor: string | null }> {
  const limit = options.limit ?? ACTIVITY_PAGE_SIZE;
  const members = await currentMembers(options.propertyId);
  const events = await db.auditEvent.findMany({
    where: { AND: [scopeOf(options.propertyId, members), ...filterOf(options.filters), afterCursor(options.cursor)] },
    orderBy: newestFirst,
    take: limit + 1,
  });
  // The people the sentences name: who acted, and whose role changed or who was removed.
  const personIds = new Set(
    events.flatMap((e) => [e.actorType === "USER" ? e.actorId : null, e.targetType === "user" ? e.targetId : null]),
  );
  personIds.delete(null);
  const people = new Map<string, Person>(
    (await db.user.findMany({ where: { id: { in: [...personIds] as string[] } }, select: { id: true, name: true, email: true } })).map(
      (u) => [u.id, u],
    ),
  );
  const { data, nextCursor } = page(events, limit, (event) => {
    const metadata = (event.metadata ?? {}) as Record<string, unknown>;
    return {
      id: event.id,
      createdAt: event.createdAt.toISOString(),
      action: event.action,
      ...describeAuditEvent(event, people),
      ip: typeof metadata.ip === "string" && metadata.ip ? plainIp(metadata.ip) : null,
    };
  });
  return { rows: data, nextCursor };
}

/** The actor select: the property's members and its keys (revoked ones too: their past acts stay). */
export async function listActivityActors(propertyId: string) {
  const [memberships, keys] = await Promise.all([
    db.membership.findMany({ where: { propertyId }, select: { user: { select: { id: true, name: true, email: true } } } }),
    db.apiKey.findMany({
      where: { propertyId },
      select: { id: true, name: true, mode: true, last4: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    members: memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name)),
    keys: keys.map((k) => ({ id: k.id, label: `${k.name} (${k.mode === "LIVE" ? "live" : "test"} …${k.last4})` })),
  };
}

/** Whether the actor in the URL is one of the select's options (a removed member or a stranger is not). */
export function isKnownActor(actors: Awaited<ReturnType<typeof listActivityActors>>, actor: ActivityFilters["actor"]): boolean {
  if (!actor || actor.type === "system") return true;
  return actor.type === "user" ? actors.members.some((m) => m.id === actor.id) : actors.keys.some((k) => k.id === actor.id);
}
