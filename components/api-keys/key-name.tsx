import { Badge } from "@/components/ui/badge";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";

/** The key's name over its masked preview and note; a rolled key says which key replaced it. */
export function KeyName({ apiKey, replacedBy }: { apiKey: ApiKeyView; replacedBy: ApiKeyView | null }) {
  return (
    <span className={replacedBy ? "block border-l-2 border-slate-300 pl-3" : "block"}>
      <span className="block font-medium [overflow-wrap:anywhere] text-slate-900">{apiKey.name}</span>
      <code className="block font-mono text-xs whitespace-nowrap text-slate-600">{apiKey.preview}</code>
      {apiKey.note ? (
        <span data-testid="key-note" className="mt-0.5 block max-w-xs text-xs [overflow-wrap:anywhere] text-slate-600 italic">
          {apiKey.note}
        </span>
      ) : null}
      {replacedBy ? <span className="block text-xs text-slate-500">Replaced by …{replacedBy.last4}</span> : null}
    </span>
  );
}

export function KeyMode({ mode }: { mode: ApiKeyView["mode"] }) {
  return <Badge tone={mode === "LIVE" ? "blue" : "amber"}>{mode === "LIVE" ? "Live" : "Test"}</Badge>;
}
