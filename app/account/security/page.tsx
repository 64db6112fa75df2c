import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordCard } from "@/components/account/change-password-card";
import { SecurityActivity } from "@/components/account/security-activity";
import { SessionsCard } from "@/components/account/sessions-card";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { TwoFactorRequiredBanner } from "@/components/account/two-factor-required-banner";
import { PageHeader } from "@/components/ui/page-header";
import { getSecurityStatus } from "@/lib/account/get-security-status";
import { listAccountSessions } from "@/lib/account/list-account-sessions";
import { listSecurityActivity } from "@/lib/account/list-security-activity";
import { getCurrentSession } from "@/lib/auth/current-session";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Account security" };

type SearchParams = { required?: string | string[]; callbackUrl?: string | string[] };

// GET /account/security[?required=1&callbackUrl=/…]: password, two-factor authentication, sessions, recent activity.
export default async function SecurityPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { required, callbackUrl } = await searchParams;
  // Checked here as well as in the layout: layouts and pages render concurrently.
  const session = await getCurrentSession();
  if (!session) redirect(`/login?callbackUrl=${encodeURIComponent("/account/security")}`);
  const returnTo = typeof callbackUrl === "string" ? safeCallbackUrl(callbackUrl) : null;
  const [status, sessions, activity] = await Promise.all([
    getSecurityStatus(session.userId),
    listAccountSessions(session.userId, session.id),
    listSecurityActivity(session.userId),
  ]);
  return (
    <div className="space-y-6">
      <PageHeader title="Security" description="Your password, two-factor authentication and the browsers signed in to your account." />
      {required === "1" ? <TwoFactorRequiredBanner enabled={status.twoFactorEnabledAt !== null} returnTo={returnTo} /> : null}
      <TwoFactorCard status={status} returnTo={required === "1" ? returnTo : null} />
      <ChangePasswordCard passwordChangedAt={status.passwordChangedAt} />
      <SessionsCard sessions={sessions} />
      <SecurityActivity activity={activity} />
    </div>
  );
}
