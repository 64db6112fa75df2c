"use client";

import { useId } from "react";
import { SCOPES, scopeLabel } from "@/lib/api-keys/scopes";

/** "Full access – read", "Full access – edit" or "3 permissions"; the full list shows on hover and on keyboard focus. */
export function KeyPermissions({ scopes }: { scopes: string[] }) {
  const id = useId();
  const summary = scopes.length === 1 ? scopeLabel(scopes[0]!) : `${scopes.length} permissions`;
  return (
    <span className="group relative inline-block">
      <button
        type="button"
        aria-describedby={id}
        className="cursor-help text-left whitespace-nowrap underline decoration-slate-300 decoration-dotted underline-offset-2"
      >
        {summary}
      </button>
      {/* display:none until shown, so the hidden list never widens the page; aria-describedby reads it regardless. */}
      <span
        role="tooltip"
        id={id}
        className="absolute top-full left-0 z-30 mt-1 hidden w-max max-w-[min(18rem,calc(100vw-3rem))] rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg group-focus-within:block group-hover:block"
      >
        <ul className="space-y-0.5">
          {scopes.map((scope) => (
            <li key={scope}>
              {scopeLabel(scope)}
              {scope.startsWith("full_access") ? `: ${SCOPES.find((s) => s.id === scope)?.description.toLowerCase()}` : null}
            </li>
          ))}
        </ul>
      </span>
    </span>
  );
}
