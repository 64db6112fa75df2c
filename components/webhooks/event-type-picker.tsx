"use client";

import type { EventTypeOption } from "@/lib/webhooks/list-endpoint-views";

export const ALL_EVENTS = "*";

/** Checkboxes for each event type with what it means, and "All events (*)", which covers future types too. */
export function EventTypePicker({
  catalog,
  value,
  onChange,
  errors,
}: {
  catalog: EventTypeOption[];
  value: string[];
  onChange: (next: string[]) => void;
  errors?: string[];
}) {
  const all = value.includes(ALL_EVENTS);
  const toggle = (type: string, checked: boolean) =>
    onChange(checked ? [...value.filter((t) => t !== type), type] : value.filter((t) => t !== type));
  return (
    <fieldset aria-describedby={errors?.length ? "webhook-events-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">Events to send</legend>
      <label className="mt-1 flex gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50">
        <input type="checkbox" checked={all} onChange={(event) => onChange(event.target.checked ? [ALL_EVENTS] : [])} className="mt-0.5" />
        <span>
          <span className="block font-medium">All events (*)</span>
          <span className="block text-xs text-slate-500">Every event type, including ones added later</span>
        </span>
      </label>
      <div className="mt-2 grid max-h-64 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2">
        {catalog.map((option) => (
          <label key={option.type} className={`flex gap-2 rounded p-1 text-sm ${all ? "text-slate-400" : "hover:bg-slate-50"}`}>
            <input
              type="checkbox"
              checked={all || value.includes(option.type)}
              disabled={all}
              onChange={(event) => toggle(option.type, event.target.checked)}
              className="mt-0.5"
            />
            <span>
              <span className="block font-mono text-xs font-medium">{option.type}</span>
              <span className="block text-xs text-slate-500">{option.description}</span>
            </span>
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="webhook-events-error" role="alert" className="mt-1 text-xs text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
