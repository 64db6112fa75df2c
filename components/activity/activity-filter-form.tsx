"use client";

import { useQueryStates } from "nuqs";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { ACTIVITY_KINDS, activityFilterParams } from "@/lib/audit/activity-filters";

/** Applying the filters changes the URL (a new history entry and a server render), so a reload or a shared link shows the same list. */
export function ActivityFilterForm({
  values,
  members,
  keys,
}: {
  values: Record<string, string>;
  members: { id: string; name: string; email: string }[];
  keys: { id: string; label: string }[];
}) {
  const [, setFilters] = useQueryStates(activityFilterParams, { shallow: false, history: "push" });
  const filtered = Object.values(values).some(Boolean);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    void setFilters({ kind: value("kind"), actor: value("actor"), from: value("from"), to: value("to") });
  }
  return (
    <form
      // Remounted with the URL's values, so Back shows the filters that list was made with.
      key={JSON.stringify(values)}
      onSubmit={onSubmit}
      aria-label="Filter activity"
      className="mb-4 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      <label className="text-sm font-medium text-slate-700">
        Kind
        <Select name="kind" defaultValue={values.kind ?? ""} className="mt-1">
          <option value="">All kinds</option>
          {Object.entries(ACTIVITY_KINDS).map(([value, kind]) => (
            <option key={value} value={value}>
              {kind.label}
            </option>
          ))}
        </Select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        Actor
        <Select name="actor" defaultValue={values.actor ?? ""} className="mt-1">
          <option value="">Anyone</option>
          <optgroup label="Members">
            {members.map((m) => (
              <option key={m.id} value={`user:${m.id}`}>
                {m.name} ({m.email})
              </option>
            ))}
          </optgroup>
          {keys.length > 0 ? (
            <optgroup label="API keys">
              {keys.map((k) => (
                <option key={k.id} value={`key:${k.id}`}>
                  {k.label}
                </option>
              ))}
            </optgroup>
          ) : null}
          <option value="system">System</option>
        </Select>
      </label>
      <label className="text-sm font-medium text-slate-700">
        From (UTC)
        <Input name="from" type="date" defaultValue={values.from ?? ""} className="mt-1" />
      </label>
      <label className="text-sm font-medium text-slate-700">
        To (UTC)
        <Input name="to" type="date" defaultValue={values.to ?? ""} className="mt-1" />
      </label>
      <div className="flex items-end gap-2">
        <Button type="submit">Apply filters</Button>
        {filtered ? (
          <Button variant="ghost" onClick={() => void setFilters(null)}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}
