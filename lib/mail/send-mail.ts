import "server-only";
// Mail the product sends (team invitations), through the SMTP server in SMTP_URL. Without one, nothing
// is sent and callers show what the mail would have said (the invitation link) instead.
import nodemailer from "nodemailer";
import { env } from "../env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * A transport for an smtp:// or smtps:// URL. smtps:// is TLS from the first byte; smtp:// upgrades
 * with STARTTLS when the server offers it, except on loopback, where a local relay or a test server
 * may offer STARTTLS without a certificate anyone could check.
 */
function transportFor(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === "smtps:";
  return nodemailer.createTransport({
    host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ignoreTLS: !secure && LOOPBACK_HOSTS.has(url.hostname),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
}

/** Sends one mail from MAIL_FROM; throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: Mail, smtpUrl: string): Promise<void> {
  const transport = transportFor(smtpUrl);
  try {
    await transport.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
  } finally {
    transport.close();
  }
}
