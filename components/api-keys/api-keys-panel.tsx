"use client";

import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import type { KeyStatusKind } from "@/lib/api-keys/key-status";
import { scopeLabel } from "@/lib/api-keys/scopes";
import { ApiKeyActivityList } from "./api-key-activity";
import { CreateKeyDialog } from "./create-key-dialog";
import { KeyRowActions } from "./key-row-actions";
import { useApiKeys, type ApiKeysData } from "./use-api-keys";

const STATUS_TONE: Record<KeyStatusKind, BadgeTone> = {
  active: "green",
  expiring: "amber",
  rolling: "violet",
  expired: "gray",
  revoked: "red",
};
const column = createColumnHelper<ApiKeyView>();

interface Props {
  slug: string;
  initialData: ApiKeysData;
  canManage: boolean;
  planAllowsApi: boolean;
}

export function ApiKeysPanel({ slug, initialData, canManage, planAllowsApi }: Props) {
  const { data } = useApiKeys(slug, initialData);
  const [sorting, setSorting] = useState<SortingState>([{ id: "createdAt", desc: true }]);
  const [status, setStatus] = useState("");
  const canCreate = canManage && planAllowsApi;

  const columns = useMemo(
    () => [
      column.accessor("name", { header: "Name", cell: (info) => <span className="font-medium text-slate-900">{info.getValue()}</span> }),
      column.accessor("preview", {
        header: "Key",
        enableSorting: false,
        cell: (info) => <code className="font-mono text-xs whitespace-nowrap">{info.getValue()}</code>,
      }),
      column.accessor("mode", {
        header: "Mode",
        cell: (info) => <Badge tone={info.getValue() === "LIVE" ? "blue" : "amber"}>{info.getValue() === "LIVE" ? "Live" : "Test"}</Badge>,
      }),
      column.accessor("scopes", {
        header: "Permissions",
        enableSorting: false,
        cell: (info) => (
          <div className="flex max-w-64 flex-wrap gap-1">
            {info.getValue().map((scope) => (
              <Badge key={scope}>{scopeLabel(scope)}</Badge>
            ))}
          </div>
        ),
      }),
      column.accessor("createdAt", { header: "Created", cell: (info) => <RelativeTime value={info.getValue()} /> }),
      column.accessor("lastUsedAt", {
        header: "Last used",
        sortUndefined: "last",
        cell: (info) => <RelativeTime value={info.getValue()} />,
      }),
      column.accessor("requestCount", {
        header: "Requests",
        cell: (info) => (
          <span className="tabular-nums" data-testid="request-count">
            {info.getValue().toLocaleString("en")}
          </span>
        ),
      }),
      column.accessor((row) => row.status.kind, {
        id: "status",
        header: "Status",
        filterFn: "equals",
        cell: (info) => {
          const row = info.row.original;
          const by = row.status.kind === "revoked" && row.revokedBy ? ` by ${row.revokedBy.replace(/ <.*>$/, "")}` : "";
          return (
            <Badge tone={STATUS_TONE[row.status.kind]}>
              {row.status.label}
              {by}
            </Badge>
          );
        },
      }),
      ...(canManage
        ? [
            column.display({
              id: "actions",
              header: () => <span className="sr-only">Actions</span>,
              cell: (info) => <KeyRowActions slug={slug} apiKey={info.row.original} />,
            }),
          ]
        : []),
    ],
    [canManage, slug],
  );

  const columnFilters = useMemo(() => (status ? [{ id: "status", value: status }] : []), [status]);
  // The app does not use the React Compiler, so TanStack Table's unmemoizable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data.keys,
    columns,
    // A stable filter array: a new one each render would make the table reset itself forever.
    state: { sorting, columnFilters },
    autoResetPageIndex: false,
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  return (
    <div className="space-y-6">
      {!planAllowsApi ? (
        <div role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <p className="font-semibold">API access needs the PRO plan</p>
          <p className="mt-1">
            This property is on the FREE plan: new API keys cannot be created, and existing keys are refused by the API with PLAN_REQUIRED.
            Upgrade the property to connect integrations.
          </p>
        </div>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-2">
          <label htmlFor="key-status-filter" className="text-sm text-slate-600">
            Status
          </label>
          <Select id="key-status-filter" value={status} onChange={(event) => setStatus(event.target.value)} className="w-44">
            <option value="">All</option>
            <option value="active">Active</option>
            <option value="expiring">Expiring soon</option>
            <option value="rolling">Rolled (in grace)</option>
            <option value="expired">Expired</option>
            <option value="revoked">Revoked</option>
          </Select>
        </div>
        {canCreate ? <CreateKeyDialog slug={slug} /> : null}
      </div>

      {data.keys.length === 0 ? (
        <EmptyState
          title="No API keys yet"
          description="API keys let an integration (channel manager, door locks, your own tools) read and write this property's data through our API."
          action={canCreate ? <CreateKeyDialog slug={slug} /> : null}
        />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id}>
                  {group.headers.map((header) => {
                    const sorted = header.column.getIsSorted();
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        className="px-4 py-3"
                        aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                      >
                        {header.column.getCanSort() ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className="inline-flex items-center gap-1 uppercase hover:text-slate-900"
                          >
                            {flexRender(header.column.columnDef.header, header.getContext())}
                            <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                          </button>
                        ) : (
                          flexRender(header.column.columnDef.header, header.getContext())
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody className="divide-y divide-slate-100">
              {table.getRowModel().rows.map((row) => (
                <tr key={row.id} data-testid="api-key-row" data-key-name={row.original.name}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-3 align-top">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))}
              {table.getRowModel().rows.length === 0 ? (
                <tr>
                  <td colSpan={columns.length} className="px-4 py-6 text-center text-slate-500">
                    No keys with this status.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      )}
      <ApiKeyActivityList activity={data.activity} />
    </div>
  );
}
