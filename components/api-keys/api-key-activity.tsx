import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiKeyActivity, ApiKeyView } from "@/lib/api-keys/list-api-keys";

const VERB: Record<string, string> = { "api_key.created": "created", "api_key.rolled": "rolled", "api_key.revoked": "revoked" };

/** Who did what to which key: the audit trail of API access. */
export function ApiKeyActivityList({ activity, keys }: { activity: ApiKeyActivity[]; keys: ApiKeyView[] }) {
  const last4 = new Map(keys.map((key) => [key.id, key.last4]));
  return (
    <section aria-labelledby="api-key-activity">
      <h2 id="api-key-activity" className="mb-2 text-sm font-semibold text-slate-900">
        Activity
      </h2>
      {activity.length === 0 ? (
        <p className="text-sm text-slate-500">Nothing yet. Creating, rolling and revoking keys is recorded here.</p>
      ) : (
        <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="api-key-activity">
          {activity.map((event) => {
            const name = typeof event.metadata.name === "string" ? event.metadata.name : "a key";
            const mode = event.metadata.mode === "TEST" ? "test" : "live";
            // Two keys may share a name: the last four characters tell them apart. A roll's preview is its new key's.
            const preview = typeof event.metadata.preview === "string" ? event.metadata.preview : "";
            const own = last4.get(event.keyId ?? "") ?? (event.action === "api_key.rolled" ? "" : preview.slice(-4));
            const successor = event.action === "api_key.rolled" && preview ? ` → …${preview.slice(-4)}` : "";
            const grace =
              event.action === "api_key.rolled" && typeof event.metadata.grace === "string"
                ? ` (old key works ${event.metadata.grace === "now" ? "no longer" : `for ${event.metadata.grace}`})`
                : "";
            return (
              <li key={event.id} className="flex flex-col gap-1 px-4 py-2 sm:flex-row sm:items-center sm:justify-between">
                <span>
                  <span className="font-medium">{event.actor.replace(/ <.*>$/, "")}</span> {VERB[event.action] ?? event.action} the {mode}{" "}
                  key <span className="font-medium">“{name}”</span>
                  {own ? ` (…${own})` : ""}
                  {successor}
                  {grace}
                </span>
                <span className="text-xs text-slate-500">
                  <RelativeTime value={event.createdAt} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
