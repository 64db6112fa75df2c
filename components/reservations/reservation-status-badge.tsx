import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReservationStatus } from "@/lib/db/generated/prisma/enums";

const LOOK: Record<ReservationStatus, { tone: BadgeTone; label: string }> = {
  CONFIRMED: { tone: "blue", label: "Confirmed" },
  CHECKED_IN: { tone: "green", label: "Checked in" },
  CHECKED_OUT: { tone: "gray", label: "Checked out" },
  CANCELLED: { tone: "red", label: "Cancelled" },
  NO_SHOW: { tone: "amber", label: "No-show" },
};

export const STATUS_LABEL = Object.fromEntries(Object.entries(LOOK).map(([k, v]) => [k, v.label])) as Record<ReservationStatus, string>;

export function ReservationStatusBadge({ status }: { status: ReservationStatus }) {
  const look = LOOK[status];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
