import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AlertEmailsCard } from "@/components/account/alert-emails-card";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentSession } from "@/lib/auth/current-session";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { alertDescriptions } from "@/lib/integration-rules/registry";

export const metadata: Metadata = { title: "Alert e-mails" };

// GET /account/notifications: which integration alerts this person gets by e-mail.
export default async function NotificationsPage() {
  const session = await getCurrentSession();
  if (!session) redirect(`/login?callbackUrl=${encodeURIComponent("/account/notifications")}`);
  const user = await db.user.findUniqueOrThrow({
    where: { id: session.userId },
    select: { mutedAlertEmails: true, memberships: { select: { role: true, property: { select: { name: true } } } } },
  });
  const mailedFor = user.memberships.filter((m) => m.role === "OWNER" || m.role === "ADMIN").map((m) => m.property.name);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Alert e-mails"
        description="When an integration breaks (a webhook endpoint failing, a key about to expire, …), the bell in the dashboard tells everyone who can see API Access; owners and admins can also get an e-mail."
      />
      <AlertEmailsCard
        rules={alertDescriptions()}
        muted={user.mutedAlertEmails}
        mailedFor={mailedFor}
        mailConfigured={Boolean(env().SMTP_URL)}
      />
    </div>
  );
}
