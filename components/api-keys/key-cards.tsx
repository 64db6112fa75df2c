import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { KeyActionsMenu } from "./key-actions-menu";
import { keyPageHref, KeyMode, KeyName, KeyUsage } from "./key-name";
import { KeyPermissions } from "./key-permissions";
import { KeyStatus } from "./key-status";
import type { KeyListProps } from "./keys-table";

/** Narrow screens: each key a stacked card, a live/test pair in one box, the "⋯" menu beside the name. */
export function KeyCards({ slug, groups, canManage, onAction, usage }: KeyListProps) {
  return (
    <ul className="grid gap-3 md:grid-cols-2" aria-label="API keys of this property">
      {groups.map((group) => (
        <li key={group.id} className="min-w-0">
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {group.rows.map(({ key, replacedBy }) => (
              <li key={key.id} data-testid="api-key-row" data-key-name={key.name} className="p-4">
                <div className="flex items-start justify-between gap-2">
                  <div className="min-w-0">
                    <KeyName apiKey={key} replacedBy={replacedBy} href={keyPageHref(slug, key.id)} />
                  </div>
                  <KeyActionsMenu slug={slug} apiKey={key} canManage={canManage} onAction={onAction} />
                </div>
                <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
                  <Item term="Mode">
                    <KeyMode mode={key.mode} />
                  </Item>
                  <Item term="Status">
                    <KeyStatus apiKey={key} />
                  </Item>
                  <Item term="Permissions">
                    <KeyPermissions scopes={key.scopes} />
                  </Item>
                  <Item term="Last used">
                    <RelativeTime value={key.lastUsedAt} />
                  </Item>
                  <Item term="Requests">
                    <span className="tabular-nums" data-testid="request-count">
                      {key.requestCount.toLocaleString("en")}
                    </span>
                  </Item>
                  <Item term="Last 24 hours">
                    <KeyUsage values={usage[key.id]} />
                  </Item>
                </dl>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-slate-500">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}
