import "server-only";
// The Sessions list: every live session of the user, the one making the request marked.
import { listLiveSessions } from "../auth/user-sessions";
import { deviceLabel } from "./device-label";
import { plainIp } from "../http/plain-ip";

export interface AccountSessionView {
  id: string;
  device: string;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  current: boolean;
}

export async function listAccountSessions(userId: string, currentSessionId: string, now = new Date()): Promise<AccountSessionView[]> {
  const sessions = await listLiveSessions(userId, now);
  const views = sessions.map((session) => ({
    id: session.id,
    device: deviceLabel(session.userAgent),
    ip: plainIp(session.ip),
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  }));
  // This device first, then the others by last use.
  return views.sort((a, b) => Number(b.current) - Number(a.current));
}
