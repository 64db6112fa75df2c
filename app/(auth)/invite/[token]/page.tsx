import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AcceptInvitationForm, JoinPropertyButton } from "@/components/team/accept-invitation-form";
import { SwitchAccountButton } from "@/components/team/switch-account-button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { INVITATION_UNUSABLE, UNKNOWN_INVITATION } from "@/lib/team/accept-invitation";
import { findInvitation } from "@/lib/team/find-invitation";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-8 text-center">
          <div className="mx-auto mb-3 flex h-10 w-10 items-center justify-center rounded-lg bg-brand-600 text-lg font-bold text-white">
            P
          </div>
          <h1 className="text-2xl font-semibold tracking-tight break-words">{title}</h1>
        </div>
        <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700 shadow-sm">{children}</div>
      </div>
    </main>
  );
}

const signInLink = (path: string) => `/login?callbackUrl=${encodeURIComponent(path)}`;

// GET /invite/<token>: the invitation a link names, and the one way to accept it that fits who is here.
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([findInvitation(token), getCurrentUser()]);
  const here = `/invite/${token}`;

  const unusable = !invitation ? UNKNOWN_INVITATION : invitation.state === "pending" ? null : INVITATION_UNUSABLE[invitation.state];
  if (!invitation || unusable) {
    return (
      <Card title={invitation?.state === "expired" ? "Invitation expired" : "Invitation not available"}>
        <p role="alert">{unusable}</p>
        <Link href={user ? "/" : "/login"} className="inline-block font-medium text-brand-700 hover:underline">
          {user ? "Go to your dashboard" : "Go to sign in"}
        </Link>
      </Card>
    );
  }

  const { property, email } = invitation;
  const intro = (
    <p>
      {invitation.inviterName ?? "A member"} invited <strong className="break-all">{email}</strong> to join <strong>{property.name}</strong>{" "}
      as {ROLE_LABEL[invitation.role]}. The invitation expires on{" "}
      {new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(invitation.expiresAt)} UTC.
    </p>
  );

  if (user && user.email !== email) {
    return (
      <Card title={`Join ${property.name}`}>
        {intro}
        <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900">
          You are signed in as <strong className="break-all">{user.email}</strong>. Sign in as{" "}
          <strong className="break-all">{email}</strong> to accept this invitation.
        </p>
        <SwitchAccountButton callbackUrl={here} />
      </Card>
    );
  }

  if (user) {
    return (
      <Card title={`Join ${property.name}`}>
        {intro}
        <JoinPropertyButton token={token} propertyName={property.name} />
      </Card>
    );
  }

  if (invitation.accountExists) {
    return (
      <Card title={`Join ${property.name}`}>
        {intro}
        <p>
          Sign in as <strong className="break-all">{email}</strong> to accept.
        </p>
        <Link
          href={signInLink(here)}
          className="flex h-9 w-full items-center justify-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          Sign in to accept
        </Link>
      </Card>
    );
  }

  return (
    <Card title={`Join ${property.name}`}>
      {intro}
      <p>Create your account to accept.</p>
      <AcceptInvitationForm token={token} email={email} />
    </Card>
  );
}
