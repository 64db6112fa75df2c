import Link from "next/link";
import { Sparkline } from "@/components/api-access/overview/sparkline";
import { Badge } from "@/components/ui/badge";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";

/** The key's name over its masked preview and note; a rolled key says which key replaced it. */
export const keyPageHref = (slug: string, keyId: string) => `/${slug}/settings/api-access/keys/${keyId}`;

export function KeyName({ apiKey, replacedBy, href }: { apiKey: ApiKeyView; replacedBy: ApiKeyView | null; href?: string }) {
  return (
    <span className={replacedBy ? "block border-l-2 border-slate-300 pl-3" : "block"}>
      {href ? (
        <Link href={href} className="block font-medium [overflow-wrap:anywhere] text-brand-700 hover:underline" data-testid="key-page-link">
          {apiKey.name}
        </Link>
      ) : (
        <span className="block font-medium [overflow-wrap:anywhere] text-slate-900">{apiKey.name}</span>
      )}
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

/** The key's last 24 hours as a sparkline, said in words for screen readers. */
export function KeyUsage({ values }: { values: number[] | undefined }) {
  const total = values?.reduce((sum, n) => sum + n, 0) ?? 0;
  if (!values || total === 0) return <span className="text-xs text-slate-500">No requests</span>;
  const peak = Math.max(...values);
  return (
    <Sparkline
      values={values}
      label={`${total.toLocaleString("en")} requests in the last 24 hours, at most ${peak.toLocaleString("en")} in an hour`}
    />
  );
}

export function KeyMode({ mode }: { mode: ApiKeyView["mode"] }) {
  return <Badge tone={mode === "LIVE" ? "blue" : "amber"}>{mode === "LIVE" ? "Live" : "Test"}</Badge>;
}
