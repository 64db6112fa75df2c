import { RelativeTime } from "@/components/ui/relative-time";
import type { KeyGroup } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { KeyActionsMenu, type KeyAction } from "./key-actions-menu";
import { keyPageHref, KeyMode, KeyName, KeyUsage } from "./key-name";
import { KeyPermissions } from "./key-permissions";
import { KeyStatus } from "./key-status";

export interface KeyListProps {
  slug: string;
  groups: KeyGroup[];
  canManage: boolean;
  onAction: (action: KeyAction, key: ApiKeyView) => void;
  /** Requests per hour over the last 24 hours, by key id. */
  usage: Record<string, number[]>;
}

const COLUMNS: { label: string; className: string; hidden?: boolean }[] = [
  { label: "Name and key", className: "px-4 py-3" },
  { label: "Mode", className: "px-3 py-3" },
  { label: "Permissions", className: "px-3 py-3" },
  { label: "Last used", className: "px-3 py-3" },
  { label: "Requests", className: "px-3 py-3 text-right" },
  { label: "Last 24 hours", className: "px-3 py-3" },
  { label: "Status", className: "px-3 py-3" },
  { label: "Actions", className: "w-12 px-3 py-3", hidden: true },
];

/** Wide screens: one table, a tbody per live/test pair, every row's actions in its "⋯" menu. */
export function KeysTable({ slug, groups, canManage, onAction, usage }: KeyListProps) {
  return (
    // Relative, so the visually hidden header cell is placed inside this box, never beside the page.
    <div className="relative rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">API keys of this property</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            {COLUMNS.map((column) => (
              <th key={column.label} scope="col" className={column.className}>
                {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group.id} className="border-t border-slate-200">
            {group.rows.map(({ key, replacedBy }) => (
              <tr key={key.id} data-testid="api-key-row" data-key-name={key.name} className={replacedBy ? "bg-slate-50/60" : undefined}>
                <td className="px-4 py-3 align-top">
                  <KeyName apiKey={key} replacedBy={replacedBy} href={keyPageHref(slug, key.id)} />
                </td>
                <td className="px-3 py-3 align-top">
                  <KeyMode mode={key.mode} />
                </td>
                <td className="px-3 py-3 align-top">
                  <KeyPermissions scopes={key.scopes} />
                </td>
                <td className="px-3 py-3 align-top">
                  <RelativeTime value={key.lastUsedAt} />
                </td>
                <td className="px-3 py-3 text-right align-top tabular-nums" data-testid="request-count">
                  {key.requestCount.toLocaleString("en")}
                </td>
                <td className="px-3 py-2 align-top">
                  <KeyUsage values={usage[key.id]} />
                </td>
                <td className="px-3 py-3 align-top">
                  <KeyStatus apiKey={key} />
                </td>
                <td className="px-3 py-2 text-right align-top">
                  <KeyActionsMenu slug={slug} apiKey={key} canManage={canManage} onAction={onAction} />
                </td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
