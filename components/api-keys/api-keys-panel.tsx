"use client";

import { useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { groupKeys, isStopped } from "@/lib/api-keys/group-keys";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { ApiKeyActivityList } from "./api-key-activity";
import { CreateKeyDialog } from "./create-key-dialog";
import type { KeyAction } from "./key-actions-menu";
import { KeyCards } from "./key-cards";
import { KeysTable } from "./keys-table";
import { RevokeKeyDialog } from "./revoke-key-dialog";
import { RollKeyDialog } from "./roll-key-dialog";
import { EditKeyDialog } from "./edit-key-dialog";
import { RefreshError } from "@/components/ui/refresh-error";
import { useApiKeys, type ApiKeysData } from "./use-api-keys";
import { UpgradeCallout } from "@/components/ui/upgrade-callout";

interface Props {
  slug: string;
  initialData: ApiKeysData;
  canManage: boolean;
  planAllowsApi: boolean;
}

export function ApiKeysPanel({ slug, initialData, canManage, planAllowsApi }: Props) {
  const keysQuery = useApiKeys(slug, initialData);
  const { data } = keysQuery;
  const [showStopped, setShowStopped] = useState(false);
  // Keys acted on here stay listed after they stop working, so the outcome (and the "⋯" button) stays in view.
  // An alert's "Roll the key…" or "Revoke the key…" opens this tab with ?roll=<id> or ?revoke=<id>: that dialog, one click from done.
  const searchParams = useSearchParams();
  const [intent] = useState(() => alertIntent(searchParams, initialData.keys, canManage));
  const [kept, setKept] = useState<ReadonlySet<string>>(() => new Set(intent ? [intent.key.id] : []));
  // The dialogs live here, not in a row: a row moves or disappears when a roll or revoke refreshes the list.
  const [action, setAction] = useState<{ kind: KeyAction; key: ApiKeyView } | null>(intent);
  const [closed, setClosed] = useState<string | null>(null);
  const canCreate = canManage && planAllowsApi;

  const groups = useMemo(
    () => groupKeys(data.keys, (key) => showStopped || kept.has(key.id) || !isStopped(key)),
    [data.keys, showStopped, kept],
  );
  const hidden = showStopped ? 0 : data.keys.filter((key) => isStopped(key) && !kept.has(key.id)).length;

  function open(kind: KeyAction, key: ApiKeyView) {
    const pair = data.keys.filter((other) => key.pairId && other.pairId === key.pairId).map((other) => other.id);
    setKept((current) => new Set([...current, key.id, ...pair]));
    setAction({ kind, key });
  }
  function close() {
    if (action) setClosed(action.key.id);
    setAction(null);
  }

  // Focus goes back to the row's "⋯" button. Radix would return it to the menu item that opened the dialog, which
  // is gone; its own attempt runs on a 0 ms timer scheduled as the dialog unmounts, so this one runs after it.
  useEffect(() => {
    if (!closed) return;
    const timer = setTimeout(() => {
      const buttons = [...document.querySelectorAll<HTMLElement>(`[data-key-actions="${CSS.escape(closed)}"]`)];
      buttons.find((button) => button.offsetParent !== null)?.focus();
      setClosed(null);
    }, 0);
    return () => clearTimeout(timer);
  }, [closed]);

  const list = { slug, groups, canManage, onAction: open, usage: data.usage ?? {} };
  return (
    <div className="space-y-6">
      <RefreshError query={keysQuery} what="the keys" />
      {!planAllowsApi ? (
        <UpgradeCallout slug={slug}>Until then, new API keys cannot be created, and the API refuses the existing ones.</UpgradeCallout>
      ) : null}
      {/* One Create button, always in the same place: the dialog that shows a new key once must outlive the empty state. */}
      <div className="flex flex-wrap items-center justify-between gap-3">
        {data.keys.length > 0 ? (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={showStopped} onChange={(event) => setShowStopped(event.target.checked)} />
            Show revoked and expired keys{hidden > 0 ? ` (${hidden})` : ""}
          </label>
        ) : (
          <span />
        )}
        {canCreate ? <CreateKeyDialog slug={slug} /> : null}
      </div>
      {data.keys.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          description="API keys let an integration (channel manager, door locks, your own tools) read and write this property's data through our API."
        />
      ) : groups.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-center text-sm text-slate-500">
          Every key of this property is revoked or expired.
        </p>
      ) : (
        <>
          <div className="hidden xl:block">
            <KeysTable {...list} />
          </div>
          <div className="xl:hidden">
            <KeyCards {...list} />
          </div>
        </>
      )}
      {action?.kind === "edit" ? <EditKeyDialog key={action.key.id} slug={slug} apiKey={action.key} onClose={close} /> : null}
      {action?.kind === "roll" ? <RollKeyDialog key={action.key.id} slug={slug} apiKey={action.key} onClose={close} /> : null}
      {action?.kind === "revoke" ? (
        <RevokeKeyDialog key={action.key.id} slug={slug} apiKey={action.key} partner={partnerOf(action.key, data.keys)} onClose={close} />
      ) : null}
      <ApiKeyActivityList activity={data.activity} keys={data.keys} />
    </div>
  );
}

function alertIntent(params: { get(name: string): string | null }, keys: ApiKeyView[], canManage: boolean) {
  if (!canManage) return null;
  for (const kind of ["roll", "revoke"] as const) {
    const key = keys.find((k) => k.id === params.get(kind) && !isStopped(k));
    if (key) return { kind, key };
  }
  return null;
}

/** The other key of a live/test pair, while it still works. */
function partnerOf(key: ApiKeyView, keys: readonly ApiKeyView[]): ApiKeyView | null {
  if (!key.pairId) return null;
  return keys.find((other) => other.pairId === key.pairId && other.id !== key.id && other.revokedAt === null) ?? null;
}
