// One audit event as a sentence a property manager reads ("Adam Admin revoked the key “Door locks” (…a1b2)").
// Pure: the people it names are passed in. An action it does not know reads as its code, never as nothing.
import { SECURITY_EVENT_LABELS } from "../account/list-security-activity";
import { ROLE_LABEL } from "../auth/roles";
import { formatMoney } from "../ui/format";
import type { ActorType, Role } from "../db/generated/prisma/enums";

export interface DescribableEvent {
  action: string;
  actorType: ActorType;
  actorId: string | null;
  actorLabel: string;
  targetType: string;
  targetId: string | null;
  metadata: unknown;
}

export interface Person {
  name: string;
  email: string;
}

export interface EventDescription {
  sentence: string;
  /** Who acted, in words: a name, an API key, "System". */
  actor: string;
  /** Bad news (failed or blocked attempts, protection turned off) stands out. */
  warning: boolean;
}

type Metadata = Record<string, unknown>;

const WARNINGS = new Set([
  "user.sign_in_failed",
  "user.sign_in_throttled",
  "user.sudo_failed",
  "user.password_change_failed",
  "user.two_factor_disabled",
  "api_key.revoked",
  "webhook_endpoint.secret_revealed",
]);

const text = (metadata: Metadata, key: string): string | null => {
  const value = metadata[key];
  return typeof value === "string" && value ? value : null;
};

const role = (value: unknown): string => (typeof value === "string" && value in ROLE_LABEL ? ROLE_LABEL[value as Role] : "a member");

const UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const when = (value: string | null): string | null => {
  const date = value ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? `${UTC.format(date)} UTC` : null;
};

/** "pms_live_••••••••a1b2" or "…a1b2" → "…a1b2". */
const keyEnd = (preview: string | null): string => (preview ? `…${preview.slice(-4)}` : "…????");

/** "Adam Admin <admin@demo.test>" → "Adam Admin". */
function nameFromLabel(label: string): string {
  const match = /^(.*\S)\s*<[^>]*>$/.exec(label);
  return match?.[1] ?? label;
}

export function actorName(event: DescribableEvent, people: ReadonlyMap<string, Person>): string {
  if (event.actorType === "SYSTEM") return "System";
  if (event.actorType === "USER" && event.actorId) {
    const person = people.get(event.actorId);
    if (person) return person.name;
  }
  return nameFromLabel(event.actorLabel);
}

const SETTING_WORDS: Record<string, string> = {
  rateLimitPerSecond: "requests per second",
  rateLimitBurst: "burst",
  rateLimitPerDay: "requests per day",
  requirePartnerKey: "partner key required",
  logRetentionDays: "log retention (days)",
};

const show = (value: unknown): string => (typeof value === "boolean" ? (value ? "on" : "off") : String(value));

/** "burst 20 → 40, log retention (days) 30 → 7", from an audited before/after pair. */
function settingChanges(metadata: Metadata): string {
  const before = (metadata.before ?? {}) as Metadata;
  const after = (metadata.after ?? {}) as Metadata;
  const changes = Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => `${SETTING_WORDS[field] ?? field} ${show(before[field])} → ${show(after[field])}`);
  return changes.length > 0 ? changes.join(", ") : "no change";
}

const list = (value: unknown): string => (Array.isArray(value) && value.length > 0 ? value.map(String).join(", ") : "");

export function describeAuditEvent(event: DescribableEvent, people: ReadonlyMap<string, Person>): EventDescription {
  const metadata: Metadata = event.metadata && typeof event.metadata === "object" ? (event.metadata as Metadata) : {};
  const actor = actorName(event, people);
  const target = event.targetId ? people.get(event.targetId) : undefined;
  const name = text(metadata, "name") ?? "unnamed";
  const url = text(metadata, "url") ?? "an endpoint";
  const code = text(metadata, "code") ?? "a reservation";
  const email = text(metadata, "email") ?? "someone";
  const securityLabel = SECURITY_EVENT_LABELS[event.action];

  const sentence = ((): string => {
    switch (event.action) {
      case "api_key.created":
        return `${actor} created the ${metadata.mode === "TEST" ? "test " : ""}key “${name}” (${keyEnd(text(metadata, "preview"))})`;
      case "api_key.rolled": {
        const until = when(text(metadata, "oldKeyWorksUntil"));
        const old = metadata.grace === "now" ? ", the old one stopped working at once" : until ? `, the old one works until ${until}` : "";
        return `${actor} rolled the key “${name}”: the new key ends ${keyEnd(text(metadata, "preview"))}${old}`;
      }
      case "api_key.updated": {
        const previous = text(metadata, "previousName");
        const renamed = previous ? `renamed the key “${previous}” to “${name}”` : null;
        const noted = metadata.noteChanged === true ? (renamed ? "changed its note" : `changed the note of the key “${name}”`) : null;
        return `${actor} ${[renamed, noted].filter(Boolean).join(" and ") || `saved the key “${name}”`} (${keyEnd(text(metadata, "preview"))})`;
      }
      case "api_key.revoked":
        return `${actor} revoked the key “${name}” (${keyEnd(text(metadata, "preview"))})`;
      case "api_settings.updated":
        return `${actor} changed the API settings: ${settingChanges(metadata)}`;
      case "team_settings.updated": {
        const after = (metadata.after ?? {}) as Metadata;
        return after.requireTwoFactorForManagers
          ? `${actor} required two-factor authentication for members who manage API access`
          : `${actor} stopped requiring two-factor authentication for members who manage API access`;
      }
      case "member.invited":
        return `${actor} invited ${email} as ${role(metadata.role)}`;
      case "member.invitation_accepted":
        return `${actor} accepted the invitation and joined as ${role(metadata.role)}`;
      case "member.invitation_revoked":
        return `${actor} withdrew the invitation of ${email} (${role(metadata.role)})`;
      case "member.left":
        return `${actor} left the property (was ${role(metadata.role)})`;
      case "member.role_changed":
        return `${actor} changed ${target?.name ?? email}'s role from ${role(metadata.from)} to ${role(metadata.to)}`;
      case "member.removed":
        return `${actor} removed ${target?.name ?? email} (${role(metadata.role)}) from the team`;
      case "message.sent":
        return `${actor} sent a message to a guest`;
      case "message.received":
        return `${actor} delivered a guest's message`;
      case "access_code.created":
        return `${actor} issued a door code for ${text(metadata, "lockName") ?? "a lock"} to reservation ${code}`;
      case "access_code.revoked":
        return `${actor} revoked the door code for ${text(metadata, "lockName") ?? "a lock"} of reservation ${code}`;
      case "payment.created":
      case "payment.refunded": {
        const currency = text(metadata, "currency");
        const money = typeof metadata.amount === "number" && currency ? formatMoney(metadata.amount, currency) : "an amount";
        return event.action === "payment.created"
          ? `${actor} recorded a payment of ${money} for reservation ${code}`
          : `${actor} refunded ${money} of a payment for reservation ${code}`;
      }
      case "guest.erased":
        return `${actor} erased a guest's personal data`;
      case "guest.email_detached": {
        const kept = text(metadata, "duplicateOf");
        return `${actor} removed a duplicate email from a guest record${kept ? ` (guest ${kept} keeps it)` : ""}`;
      }
      case "conversation.opened":
        return `${actor} opened a conversation with a guest`;
      case "guest.created":
        return `${actor} created a guest record`;
      case "guest.updated": {
        const fields = list(metadata.fields);
        return `${actor} changed a guest record${fields ? ` (${fields})` : ""}`;
      }
      case "reservation.created":
        return `${actor} created reservation ${code}`;
      case "reservation.updated": {
        const fields = list(metadata.changed);
        return `${actor} changed reservation ${code}${fields ? ` (${fields})` : ""}`;
      }
      case "reservation.check_in":
        return `${actor} checked in reservation ${code}`;
      case "reservation.check_out":
        return `${actor} checked out reservation ${code}`;
      case "reservation.cancel":
        return `${actor} cancelled reservation ${code}`;
      case "webhook_endpoint.created":
        return `${actor} added the webhook endpoint ${url}`;
      case "webhook_endpoint.updated": {
        const fields = list(metadata.changed);
        return `${actor} changed the webhook endpoint ${url}${fields ? ` (${fields})` : ""}`;
      }
      case "webhook_endpoint.enabled":
        return `${actor} turned on the webhook endpoint ${url}`;
      case "webhook_endpoint.disabled":
        return `${actor} turned off the webhook endpoint ${url}`;
      case "webhook_endpoint.deleted":
        return `${actor} deleted the webhook endpoint ${url}`;
      case "webhook_endpoint.secret_revealed":
        return `${actor} revealed the signing secret of ${url}`;
      case "webhook_endpoint.secret_rotated": {
        const until = when(text(metadata, "previousSecretExpiresAt"));
        return `${actor} rotated the signing secret of ${url}${until ? `; the old secret works until ${until}` : ""}`;
      }
      case "webhook_endpoint.replayed": {
        const count = typeof metadata.count === "number" ? metadata.count : 0;
        const since = when(typeof metadata.since === "string" ? metadata.since : null);
        const until = when(typeof metadata.until === "string" ? metadata.until : null);
        const what = metadata.only === "all" ? "" : " failed";
        return `${actor} replayed ${count}${what} webhook ${count === 1 ? "delivery" : "deliveries"}${since && until ? ` from ${since} to ${until}` : ""}`;
      }
      case "webhook_endpoint.failed_retried": {
        const count = typeof metadata.count === "number" ? metadata.count : 0;
        return `${actor} retried ${count} failed webhook ${count === 1 ? "delivery" : "deliveries"}`;
      }
      case "webhook_delivery.resent":
        return `${actor} resent a webhook delivery${text(metadata, "eventType") ? ` (${text(metadata, "eventType")})` : ""}`;
      case "user.signed_in":
        return `${actor} signed in${metadata.method === "recovery_code" ? " with a recovery code" : ""}`;
      case "user.signed_out":
        return `${actor} signed out`;
      case "user.sign_in_failed":
        return `Failed sign-in for ${event.actorLabel}: ${metadata.reason === "two_factor" ? "wrong authentication code" : "wrong password"}`;
      case "user.sign_in_throttled":
        return `Sign-in for ${event.actorLabel} blocked: too many attempts`;
      case "user.sign_in_password_verified":
        return `${actor} entered the right password${metadata.next === "code" ? ", asked for the authentication code next" : ""}`;
      case "user.sudo_confirmed":
        return `${actor} confirmed access with password or code`;
      case "user.sudo_failed":
        return `${actor} failed to confirm access`;
      case "user.session_revoked":
        return `${actor} signed out another session`;
      case "user.other_sessions_revoked":
        return `${actor} signed out of all other sessions${typeof metadata.count === "number" ? ` (${metadata.count})` : ""}`;
      case "user.password_changed":
      case "user.password_change_failed":
      case "user.two_factor_enabled":
      case "user.two_factor_disabled":
      case "user.recovery_codes_regenerated":
        // The account page's own words, so both pages say the same thing.
        return `${securityLabel ?? event.action} for ${actor}`;
      default:
        return `${actor}: ${event.action}`;
    }
  })();
  return { sentence, actor, warning: WARNINGS.has(event.action) };
}
