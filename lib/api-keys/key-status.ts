// What the dashboard says about a key, computed from its dates at a given moment.
import { formatDistanceStrict } from "date-fns";

export type KeyStatusKind = "active" | "expiring" | "rolling" | "expired" | "revoked";

export interface KeyDates {
  expiresAt: Date | null;
  revokedAt: Date | null;
  rolledAt: Date | null;
}

const SOON_MS = 7 * 24 * 3600_000;

export function keyStatus(key: KeyDates, now = new Date()): { kind: KeyStatusKind; label: string } {
  if (key.revokedAt && key.revokedAt <= now) return { kind: "revoked", label: key.rolledAt ? "Revoked (rolled)" : "Revoked" };
  if (key.expiresAt && key.expiresAt <= now) return { kind: "expired", label: "Expired" };
  if (key.revokedAt) return { kind: "rolling", label: `Rolled, works for ${formatDistanceStrict(key.revokedAt, now)}` };
  if (key.expiresAt && key.expiresAt.getTime() - now.getTime() < SOON_MS) {
    return { kind: "expiring", label: `Expires in ${formatDistanceStrict(key.expiresAt, now)}` };
  }
  if (key.expiresAt) return { kind: "active", label: `Active · expires in ${formatDistanceStrict(key.expiresAt, now)}` };
  return { kind: "active", label: "Active" };
}

/** Whether a key authenticates at `now`: the API's rule, in one place. */
export function keyRefusal(key: KeyDates, now = new Date()): "KEY_REVOKED" | "KEY_EXPIRED" | null {
  if (key.revokedAt && key.revokedAt <= now) return "KEY_REVOKED";
  if (key.expiresAt && key.expiresAt <= now) return "KEY_EXPIRED";
  return null;
}
