"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";

export type KeyAction = "edit" | "roll" | "revoke";

const ITEM = "flex cursor-pointer items-center rounded px-2 py-2 text-sm outline-none data-[highlighted]:bg-slate-100";

/** The "⋯" menu of one key: Edit, Roll and Revoke for those who manage keys, its request logs for everyone. */
export function KeyActionsMenu({
  slug,
  apiKey,
  canManage,
  onAction,
}: {
  slug: string;
  apiKey: ApiKeyView;
  canManage: boolean;
  onAction: (action: KeyAction, key: ApiKeyView) => void;
}) {
  const usable = apiKey.status.kind === "active" || apiKey.status.kind === "expiring";
  const stoppable = usable || apiKey.status.kind === "rolling";
  return (
    // Not modal: a modal menu hides the rest of the page from screen readers while focus can still leave it (axe: aria-hidden-focus).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        data-key-actions={apiKey.id}
        aria-label={`Actions for ${apiKey.name} (${apiKey.mode === "LIVE" ? "live" : "test"} …${apiKey.last4})`}
        className="inline-flex h-9 w-9 items-center justify-center rounded-md text-lg leading-none text-slate-600 hover:bg-slate-100 data-[state=open]:bg-slate-100"
      >
        <span aria-hidden>⋯</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 min-w-52 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {canManage ? (
            <DropdownMenu.Item className={ITEM} onSelect={() => onAction("edit", apiKey)}>
              Edit name and note…
            </DropdownMenu.Item>
          ) : null}
          {canManage && usable ? (
            <DropdownMenu.Item className={ITEM} onSelect={() => onAction("roll", apiKey)}>
              Roll…
            </DropdownMenu.Item>
          ) : null}
          {canManage && stoppable ? (
            <DropdownMenu.Item className={`${ITEM} text-red-700`} onSelect={() => onAction("revoke", apiKey)}>
              Revoke…
            </DropdownMenu.Item>
          ) : null}
          <DropdownMenu.Item asChild className={ITEM}>
            <Link href={`/${slug}/settings/api-access/logs?key=${encodeURIComponent(apiKey.id)}`}>View logs for this key</Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
