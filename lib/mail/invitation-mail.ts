// The mail that carries a team invitation: who invites whom to which property, as what, and until when.
import { ROLE_LABEL } from "../auth/roles";
import type { Role } from "../db/generated/prisma/enums";
import type { Mail } from "./send-mail";

export interface InvitationMailDetails {
  to: string;
  propertyName: string;
  inviterName: string;
  role: Role;
  link: string;
  expiresAt: Date;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function invitationMail(details: InvitationMailDetails): Mail {
  const role = ROLE_LABEL[details.role];
  // Mail clients show dates in no time zone of their own: say which one this is.
  const expires = `${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(details.expiresAt)} UTC`;
  const text = [
    `${details.inviterName} invited you to join ${details.propertyName} as ${role}.`,
    "",
    "Accept the invitation here:",
    details.link,
    "",
    `The link works once and expires on ${expires}.`,
    "If you did not expect this invitation, you can ignore this mail.",
  ].join("\n");
  const [inviter, property, link] = [details.inviterName, details.propertyName, details.link].map(escapeHtml);
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p><strong>${inviter}</strong> invited you to join <strong>${property}</strong> as ${role}.</p>
<p><a href="${link}" style="display: inline-block; background: #2563eb; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">Accept the invitation</a></p>
<p style="font-size: 13px; color: #475569">Or open this link: <a href="${link}">${link}</a><br>It works once and expires on ${escapeHtml(expires)}.</p>
<p style="font-size: 13px; color: #475569">If you did not expect this invitation, you can ignore this mail.</p>
</body></html>`;
  return { to: details.to, subject: `${details.inviterName} invited you to ${details.propertyName}`, text, html };
}
