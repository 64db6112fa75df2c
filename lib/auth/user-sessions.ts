import "server-only";
// Server-side session records. The next-auth JWT in the cookie carries the record's id; every request
// looks the record up, so a session ended here (sign-out, password change, "Sign out" on another
// device) stops working on its very next request, whatever the cookie says.
import { randomBytes } from "node:crypto";
import { cache } from "react";
import { db } from "../db/client";
import { storableCopy } from "../db/storable-text";

/** As long as the cookie: next-auth's JWT maxAge. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** Last-seen is written at most this often per session: a read per request, not a write. */
const TOUCH_EVERY_MS = 60_000;
const MAX_USER_AGENT = 512;

export interface ClientInfo {
  userAgent: string | null;
  ip: string | null;
}

export async function startUserSession(userId: string, client: ClientInfo, now = new Date()) {
  return db.userSession.create({
    data: {
      id: randomBytes(18).toString("base64url"),
      userId,
      userAgent: storableCopy((client.userAgent ?? "").slice(0, MAX_USER_AGENT)),
      ip: client.ip,
      createdAt: now,
      lastSeenAt: now,
      reauthenticatedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
}

const liveUser = { id: true, email: true, name: true, twoFactorEnabledAt: true } as const;

/**
 * The live session with its user, or null when it was ended, expired or never existed. Cached per
 * request: next-auth's session callback and the page both ask.
 */
export const findLiveSession = cache(async (id: string, now?: Date) => findLiveSessionAt(id, now ?? new Date()));

async function findLiveSessionAt(id: string, now: Date) {
  const session = await db.userSession.findUnique({ where: { id }, include: { user: { select: liveUser } } });
  if (!session || session.revokedAt || session.expiresAt <= now) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return session;
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

/** Ends one of the user's sessions; false when it is not theirs or already ended. */
export async function revokeUserSession(userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, userId, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** Ends every session of the user but `keep`; the number ended. */
export async function revokeOtherUserSessions(userId: string, keep: string | null, now = new Date()): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { revokedAt: now },
  });
  return count;
}

export async function listLiveSessions(userId: string, now = new Date()) {
  return db.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true },
  });
}
