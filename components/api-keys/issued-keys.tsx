"use client";

import { CopyButton } from "@/components/ui/copy-button";
import type { IssuedKey } from "@/lib/api-keys/create-api-key";

/** The one and only time a key's plaintext is shown. */
export function IssuedKeys({ keys }: { keys: IssuedKey[] }) {
  return (
    <div className="space-y-4">
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        Copy {keys.length > 1 ? "these keys" : "this key"} now and store {keys.length > 1 ? "them" : "it"} in a secret manager. For your
        security we show {keys.length > 1 ? "them" : "it"} only once; afterwards you will see only the last four characters.
      </p>
      {keys.map((key) => (
        <div key={key.id} className="space-y-1">
          <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">{key.mode === "LIVE" ? "Live key" : "Test key"}</p>
          <div className="flex items-center gap-2">
            <code
              data-testid={`issued-key-${key.mode.toLowerCase()}`}
              className="min-w-0 flex-1 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs whitespace-nowrap"
            >
              {key.key}
            </code>
            <CopyButton value={key.key} aria-label={`Copy ${key.mode === "LIVE" ? "live" : "test"} key`} />
          </div>
        </div>
      ))}
    </div>
  );
}
