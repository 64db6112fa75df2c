import "server-only";
// Recent security activity: the account's own audit events (sign-ins, failed attempts, password, 2FA,
// sessions), newest first, in words a person reads.
import { db } from "../db/client";
import { deviceLabel } from "./device-label";
import { plainIp } from "../http/plain-ip";

export const SECURITY_ACTIVITY_LIMIT = 20;

export interface SecurityActivityView {
  id: string;
  label: string;
  /** Bad news (failed attempts) stands out. */
  warning: boolean;
  createdAt: string;
  ip: string | null;
  device: string | null;
}

/** Also the wording of the property's Activity page (lib/audit/describe-audit-event.ts). */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  "user.signed_in": "Signed in",
  "user.signed_out": "Signed out",
  "user.sign_in_failed": "Failed sign-in attempt",
  "user.sudo_confirmed": "Confirmed access with password or code",
  "user.sudo_failed": "Failed to confirm access",
  "user.password_changed": "Password changed",
  "user.password_change_failed": "Password change refused: wrong current password",
  "user.two_factor_enabled": "Two-factor authentication turned on",
  "user.two_factor_disabled": "Two-factor authentication turned off",
  "user.recovery_codes_regenerated": "New recovery codes generated",
  "user.session_revoked": "Signed out another session",
  "user.other_sessions_revoked": "Signed out of all other sessions",
};

const WARNINGS = new Set(["user.sign_in_failed", "user.sudo_failed", "user.password_change_failed", "user.two_factor_disabled"]);

type Metadata = Record<string, unknown>;
const text = (metadata: Metadata, key: string) => (typeof metadata[key] === "string" ? metadata[key] : null);

function describe(action: string, metadata: Metadata): string {
  const label = SECURITY_EVENT_LABELS[action] ?? action;
  if (action === "user.sign_in_failed")
    return `${label}: ${metadata.reason === "two_factor" ? "wrong authentication code" : "wrong password"}`;
  if (action === "user.signed_in" && metadata.method === "recovery_code") return `${label} with a recovery code`;
  if (action === "user.other_sessions_revoked" && typeof metadata.count === "number") return `${label} (${metadata.count})`;
  return label;
}

export async function listSecurityActivity(userId: string): Promise<SecurityActivityView[]> {
  const events = await db.auditEvent.findMany({
    where: {
      propertyId: null,
      OR: [
        // Sign-ins (failed ones too) name the user as target; everything the user did (sign-outs included) has them as actor.
        { targetType: "user", targetId: userId },
        { actorId: userId },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SECURITY_ACTIVITY_LIMIT,
  });
  return events.map((event) => {
    const metadata = (event.metadata ?? {}) as Metadata;
    const userAgent = text(metadata, "userAgent");
    return {
      id: event.id,
      label: describe(event.action, metadata),
      warning: WARNINGS.has(event.action),
      createdAt: event.createdAt.toISOString(),
      ip: plainIp(text(metadata, "ip")),
      device: userAgent ? deviceLabel(userAgent) : null,
    };
  });
}
