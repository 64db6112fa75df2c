// next-auth's endpoints: sign-in with email and password, session, sign-out.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET: handler, POST: handler });
