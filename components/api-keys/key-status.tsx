import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyStatusKind } from "@/lib/api-keys/key-status";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";

const TONE: Record<KeyStatusKind, BadgeTone> = { active: "green", expiring: "amber", rolling: "violet", expired: "gray", revoked: "red" };
const LABEL: Record<KeyStatusKind, string> = {
  active: "Active",
  expiring: "Expiring",
  rolling: "Rolled",
  expired: "Expired",
  revoked: "Revoked",
};

/** The status as one short badge, and when it changes (or who stopped it) as secondary text below. */
export function KeyStatus({ apiKey }: { apiKey: ApiKeyView }) {
  const { kind } = apiKey.status;
  const until = kind === "rolling" ? apiKey.revokedAt : kind === "active" || kind === "expiring" ? apiKey.expiresAt : null;
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone={TONE[kind]} className="whitespace-nowrap">
        {LABEL[kind]}
      </Badge>
      {until ? (
        <span className="text-xs text-slate-500">
          expires <RelativeTime value={until} />
        </span>
      ) : kind === "expired" ? (
        <span className="text-xs text-slate-500">
          <RelativeTime value={apiKey.expiresAt} />
        </span>
      ) : kind === "revoked" ? (
        <span className="text-xs text-slate-500">
          {apiKey.rolledAt ? "after a roll" : ""} {apiKey.revokedBy ? `by ${apiKey.revokedBy.replace(/ <.*>$/, "")}` : null}
        </span>
      ) : null}
    </span>
  );
}
