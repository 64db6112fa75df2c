"use client";

import { useQueryStates } from "nuqs";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { reservationFilterParams } from "@/lib/reservations/reservation-filter-params";
import { RESERVATION_STATUSES, type ReservationSort } from "@/lib/reservations/schemas";
import { STATUS_LABEL } from "./reservation-status-badge";

const SORT_LABEL: Record<ReservationSort, string> = {
  today: "Today's arrivals first",
  latest: "Latest arrival first",
  earliest: "Earliest arrival first",
};

/**
 * Search, status filter and order; all live in the URL so a view can be shared and reloaded. `sort` is the
 * order chosen in the URL, `effectiveSort` the one shown (today's arrivals first unless searching).
 */
export function ReservationFilters({
  q,
  status,
  sort,
  effectiveSort,
}: {
  q: string;
  status: string;
  sort: string;
  effectiveSort: ReservationSort;
}) {
  // Each change is a new history entry and a server render: the list is the server's answer for the URL.
  const [, setFilters] = useQueryStates(reservationFilterParams, { shallow: false, history: "push" });
  const [text, setText] = useState(q);

  function apply(next: { q?: string; status?: string; sort?: ReservationSort | null }) {
    // Any change starts again at the first page.
    void setFilters({
      q: (next.q ?? text).trim() || null,
      status: next.status ?? status,
      sort: next.sort ?? ((sort || null) as ReservationSort | null),
      page: null,
    });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply({});
  }

  return (
    <form role="search" onSubmit={onSubmit} className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-center">
      <label htmlFor="reservation-search" className="sr-only">
        Search by guest name or code
      </label>
      <Input
        id="reservation-search"
        name="q"
        type="search"
        placeholder="Search guest name or code"
        value={text}
        onChange={(event) => setText(event.target.value)}
        className="sm:max-w-xs"
      />
      <label htmlFor="reservation-status" className="sr-only">
        Status
      </label>
      <Select
        id="reservation-status"
        name="status"
        value={status}
        onChange={(event) => apply({ status: event.target.value })}
        className="sm:w-48"
      >
        <option value="">All statuses</option>
        {RESERVATION_STATUSES.map((value) => (
          <option key={value} value={value}>
            {STATUS_LABEL[value]}
          </option>
        ))}
      </Select>
      <label htmlFor="reservation-sort" className="sr-only">
        Order
      </label>
      <Select
        id="reservation-sort"
        name="sort"
        value={effectiveSort}
        onChange={(event) => apply({ sort: event.target.value as ReservationSort })}
        className="sm:w-56"
      >
        {Object.entries(SORT_LABEL).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {q || status || sort ? (
        <Button
          variant="ghost"
          onClick={() => {
            setText("");
            void setFilters(null);
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
