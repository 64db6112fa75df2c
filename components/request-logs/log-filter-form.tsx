"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { cn } from "@/lib/ui/cn";
import { LOG_METHODS, logFilterErrors, type LogFilterField, type LogFilterValues } from "@/lib/request-logs/log-filter-params";

type Draft = Omit<LogFilterValues, "method">;

/**
 * The filter form: methods apply at once; the other fields apply together on submit, and a value that
 * cannot be applied keeps the form open with its message instead of quietly listing everything.
 */
export function LogFilterForm({
  values,
  keys,
  hasFilters,
  onApply,
  onClear,
}: {
  values: LogFilterValues;
  keys: { id: string; label: string }[];
  hasFilters: boolean;
  onApply: (next: Partial<LogFilterValues>) => void;
  onClear: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => ({
    ...values,
    range: !values.range && (values.from || values.to) ? "custom" : values.range,
  }));
  // A refused value that came in the URL is marked where it stands, like one typed here.
  const [errors, setErrors] = useState<Partial<Record<LogFilterField, string>>>(() => logFilterErrors(draft));
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [field]: event.target.value }));
    if (field in errors)
      setErrors((e) => ({ ...e, [field]: undefined, ...(field === "to" || field === "from" ? { from: undefined } : {}) }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = logFilterErrors(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const custom = draft.range === "custom";
    onApply({
      status: draft.status.trim(),
      range: draft.range,
      from: custom ? draft.from : "",
      to: custom ? draft.to : "",
      key: draft.key,
      path: draft.path.trim(),
      requestId: draft.requestId.trim(),
      route: draft.route.trim(),
      code: draft.code.trim(),
    });
  }

  // On a phone the form folds behind one button, so the entries are on the first screen; it opens by
  // itself when a filter from the URL cannot be applied. From md up it is always shown.
  const [unfolded, setUnfolded] = useState(() => Object.values(errors).some(Boolean));
  const active = [
    values.method.length > 0,
    values.status,
    values.range || values.from || values.to,
    values.key,
    values.path,
    values.requestId,
    values.route,
    values.code,
  ].filter(Boolean).length;

  const invalid = (field: LogFilterField) =>
    errors[field] ? { "aria-invalid": true as const, "aria-describedby": `log-filter-${field}-error` } : {};
  const message = (field: LogFilterField) =>
    errors[field] ? (
      <p id={`log-filter-${field}-error`} className="mt-1 text-xs font-normal text-red-600">
        {errors[field]}
      </p>
    ) : null;

  return (
    <div>
      <Button
        variant="secondary"
        className="md:hidden"
        aria-expanded={unfolded}
        aria-controls="log-filter-form"
        onClick={() => setUnfolded((open) => !open)}
      >
        {unfolded ? "Hide filters" : "Filters"}
        {active > 0 ? ` (${active} active)` : ""}
      </Button>
      <form
        id="log-filter-form"
        onSubmit={onSubmit}
        noValidate
        className={cn(
          "gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 md:grid lg:grid-cols-4",
          unfolded ? "mt-3 grid md:mt-0" : "hidden",
        )}
        aria-label="Filter request logs"
      >
        <fieldset className="sm:col-span-2 lg:col-span-4">
          <legend className="mb-1 text-sm font-medium text-slate-700">Method</legend>
          <div className="flex flex-wrap gap-3">
            {LOG_METHODS.map((method) => (
              <label key={method} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={values.method.includes(method)}
                  onChange={(event) =>
                    onApply({ method: event.target.checked ? [...values.method, method] : values.method.filter((m) => m !== method) })
                  }
                />
                {method}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label className="block text-sm font-medium text-slate-700">
            Status
            <Input
              name="status"
              value={draft.status}
              onChange={set("status")}
              placeholder="404 or 4xx"
              className="mt-1"
              {...invalid("status")}
            />
          </label>
          {message("status")}
        </div>
        <div>
          <label className="block text-sm font-medium text-slate-700">
            Date range
            <Select name="range" value={draft.range} onChange={set("range")} className="mt-1" {...invalid("range")}>
              <option value="">Any time</option>
              <option value="1h">Last hour</option>
              <option value="24h">Last 24 hours</option>
              <option value="7d">Last 7 days</option>
              <option value="30d">Last 30 days</option>
              <option value="custom">Custom…</option>
            </Select>
          </label>
          {message("range")}
        </div>
        {draft.range === "custom" ? (
          <>
            <div>
              <label className="block text-sm font-medium text-slate-700">
                From
                <Input name="from" type="datetime-local" value={draft.from} onChange={set("from")} className="mt-1" {...invalid("from")} />
              </label>
              {message("from")}
            </div>
            <div>
              <label className="block text-sm font-medium text-slate-700">
                To
                <Input name="to" type="datetime-local" value={draft.to} onChange={set("to")} className="mt-1" {...invalid("to")} />
              </label>
              {message("to")}
            </div>
          </>
        ) : null}
        <label className="text-sm font-medium text-slate-700">
          Key
          <Select name="key" value={draft.key} onChange={set("key")} className="mt-1">
            <option value="">All keys</option>
            {keys.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          Path contains
          <Input name="path" value={draft.path} onChange={set("path")} placeholder="/reservations" className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Request id
          <Input name="requestId" value={draft.requestId} onChange={set("requestId")} placeholder="req_…" className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Operation
          <Input name="route" value={draft.route} onChange={set("route")} placeholder="/reservations/{id}" className="mt-1" />
        </label>
        <label className="text-sm font-medium text-slate-700">
          Error code
          <Input name="code" value={draft.code} onChange={set("code")} placeholder="NOT_FOUND" className="mt-1" />
        </label>
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          {hasFilters ? (
            <Button variant="ghost" onClick={onClear}>
              Clear
            </Button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
