import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** The server-side session record (UserSession.id) this cookie belongs to. */
    sessionId?: string;
    /** Set when the session could not be checked because the database is unavailable. */
    databaseUnavailable?: boolean;
  }
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
