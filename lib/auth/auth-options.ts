import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIpFromHeaders } from "../http/client-ip";
import { sameOriginRedirect } from "./safe-callback-url";
import { signIn } from "./sign-in";
import { THROTTLED_PREFIX, TWO_FACTOR_REQUIRED } from "./sign-in-errors";
import { endSessionOfToken } from "./end-session";
import { isDatabaseUnavailable } from "../db/database-unavailable";
import { findLiveSession, SESSION_MAX_AGE_SECONDS } from "./user-sessions";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers ?? {})) if (typeof value === "string") headers.set(name, value);
        const outcome = await signIn(credentials, { userAgent: headers.get("user-agent"), ip: clientIpFromHeaders(headers) });
        if (outcome.ok) return { ...outcome.user, sessionId: outcome.sessionId };
        if (outcome.reason === "throttled") throw new Error(`${THROTTLED_PREFIX}${outcome.retryAfterSeconds}`);
        if (outcome.reason === "two_factor_required") throw new Error(TWO_FACTOR_REQUIRED);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = user.sessionId;
      }
      return token;
    },
    // Also what /api/auth/session answers: an ended session gets no user, whatever the cookie says.
    async session({ session, token }) {
      let live: Awaited<ReturnType<typeof findLiveSession>> = null;
      try {
        live = token.sid ? await findLiveSession(token.sid) : null;
      } catch (error) {
        // The database is away: the person is not signed out, the page says the service is unavailable.
        if (isDatabaseUnavailable(error)) return { expires: session.expires, databaseUnavailable: true } as typeof session;
        throw error;
      }
      if (!live || live.userId !== token.sub) return { expires: session.expires } as typeof session;
      session.user.id = live.userId;
      session.sessionId = live.id;
      return session;
    },
    // Stated rather than left to the default: same origin only, and no path a browser would read as another site.
    redirect: sameOriginRedirect,
  },
  events: {
    // The cookie is cleared by next-auth; the record is ended here, so a copy of the cookie is worth nothing.
    signOut: ({ token }) => endSessionOfToken(token),
  },
};
