import "server-only";
// Alerts by e-mail: to the property's owners and admins who have not muted the rule, through SMTP_URL.
// Each alert is claimed once (emailedAt, FOR UPDATE SKIP LOCKED), so several instances never mail it twice.
import { db } from "../db/client";
import { env } from "../env";
import { sendMail, type Mail } from "../mail/send-mail";
import { isAlertKind } from "../integration-rules/alert-kinds";
import { alertRules } from "../integration-rules/registry";

/** Alerts older than this are not mailed any more (an SMTP server configured late does not flood). */
export const MAIL_WITHIN_MS = 24 * 3_600_000;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Where links in mail point: NEXTAUTH_URL when set, else this server's own address. */
export function mailOrigin(): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : `http://localhost:${env().PORT}`;
}

export function alertMail(
  alert: { title: string; body: string; actionLabel: string; rule: string },
  details: { to: string; propertyName: string; link: string; settingsLink: string },
): Mail {
  // A rule no longer known (an old alert) is named by its kind.
  const why = isAlertKind(alert.rule) ? alertRules[alert.rule].mailReason : alert.rule.toLowerCase();
  const action = alert.actionLabel.replace(/…$/, "");
  const text = [
    `${details.propertyName}: ${alert.title}`,
    "",
    alert.body,
    "",
    `${action}: ${details.link}`,
    "",
    `You get this mail because you chose to hear when "${why}". Change which alerts you get by mail: ${details.settingsLink}`,
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family: system-ui, sans-serif; color: #0f172a; line-height: 1.5">
<p style="font-size: 13px; color: #475569">${escapeHtml(details.propertyName)} · API Access</p>
<h1 style="font-size: 18px">${escapeHtml(alert.title)}</h1>
<p>${escapeHtml(alert.body)}</p>
<p><a href="${escapeHtml(details.link)}" style="display: inline-block; background: #2563eb; color: #fff; padding: 10px 16px; border-radius: 6px; text-decoration: none">${escapeHtml(action)}</a></p>
<p style="font-size: 13px; color: #475569">You get this mail because you chose to hear when ${escapeHtml(why)}. <a href="${escapeHtml(details.settingsLink)}">Change which alerts you get by mail</a>.</p>
</body></html>`;
  return { to: details.to, subject: `[${details.propertyName}] ${alert.title}`, text, html };
}

/**
 * Claims the alerts not mailed yet (at most `limit`) and mails each to its property's OWNERs and ADMINs
 * who have not muted its rule. Without an SMTP server nothing is claimed. Returns the mails sent.
 */
export async function mailPendingAlerts(
  options: { now?: Date; smtpUrl?: string | null; origin?: string; limit?: number } = {},
): Promise<number> {
  const smtpUrl = options.smtpUrl === undefined ? env().SMTP_URL : options.smtpUrl;
  if (!smtpUrl) return 0;
  const now = options.now ?? new Date();
  const claimed = await db.$queryRaw<
    { id: string; propertyId: string; rule: string; title: string; body: string; actionLabel: string; actionHref: string }[]
  >`
    UPDATE "Alert" SET "emailedAt" = ${now}
    WHERE id IN (
      SELECT id FROM "Alert" WHERE "emailedAt" IS NULL AND "createdAt" > ${new Date(now.getTime() - MAIL_WITHIN_MS)}
      ORDER BY "createdAt" LIMIT ${options.limit ?? 50} FOR UPDATE SKIP LOCKED
    )
    RETURNING id, "propertyId", rule, title, body, "actionLabel", "actionHref"`;
  if (claimed.length === 0) return 0;
  const origin = options.origin ?? mailOrigin();
  const properties = await db.property.findMany({
    where: { id: { in: [...new Set(claimed.map((a) => a.propertyId))] } },
    select: {
      id: true,
      slug: true,
      name: true,
      memberships: { where: { role: { in: ["OWNER", "ADMIN"] } }, select: { user: { select: { email: true, mutedAlertEmails: true } } } },
    },
  });
  const byId = new Map(properties.map((p) => [p.id, p]));
  let sent = 0;
  for (const alert of claimed) {
    const property = byId.get(alert.propertyId);
    if (!property) continue;
    const link = `${origin}/${property.slug}/settings/api-access${alert.actionHref}`;
    for (const { user } of property.memberships) {
      if (user.mutedAlertEmails.includes(alert.rule)) continue;
      try {
        await sendMail(
          alertMail(alert, { to: user.email, propertyName: property.name, link, settingsLink: `${origin}/account/notifications` }),
          smtpUrl,
        );
        sent += 1;
      } catch (error) {
        console.error(`alert mail ${alert.id} to a member of ${property.slug} failed:`, (error as Error).message);
      }
    }
  }
  return sent;
}
