import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getCurrentSession } from "./current-session";

/** The signed-in user of a live session (a deleted user or an ended session is signed out), cached per request. */
export const getCurrentUser = cache(async () => {
  const session = await getCurrentSession();
  if (!session) return null;
  const { id, email, name, twoFactorEnabledAt } = session.user;
  return { id, email, name, twoFactorEnabled: twoFactorEnabledAt !== null };
});

export async function requireUser(callbackUrl?: string) {
  const user = await getCurrentUser();
  if (!user) redirect(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/login");
  return user;
}
