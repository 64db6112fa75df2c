import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { redirectWhileDatabaseUnavailable } from "./database-unavailable-page";
import { findLiveSession } from "./user-sessions";

/** This request's live session and its user, or null: signed out, or the session was ended. Cached per request. */
export const getCurrentSession = cache(async () => {
  const session = await getServerSession(authOptions);
  // Not signed out: the database cannot say. The page that asked is answered by /unavailable (503).
  if (session?.databaseUnavailable) await redirectWhileDatabaseUnavailable();
  // The session callback has already found the record live (or left sessionId out); this lookup is cached.
  const sessionId = session?.sessionId;
  if (!sessionId) return null;
  return findLiveSession(sessionId);
});
