"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { RESERVATION_STATUSES } from "@/lib/reservations/schemas";
import { STATUS_LABEL } from "./reservation-status-badge";

/** Search and status filter; both live in the URL so a filtered view can be shared and reloaded. */
export function ReservationFilters({ q, status }: { q: string; status: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(q);

  function apply(next: { q?: string; status?: string }) {
    const search = new URLSearchParams();
    const nextQ = next.q ?? text;
    const nextStatus = next.status ?? status;
    if (nextQ.trim()) search.set("q", nextQ.trim());
    if (nextStatus) search.set("status", nextStatus);
    const query = search.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    apply({});
  }

  return (
    <form role="search" onSubmit={onSubmit} className="mb-4 flex flex-col gap-2 sm:flex-row sm:items-center">
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
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {q || status ? (
        <Button
          variant="ghost"
          onClick={() => {
            setText("");
            router.push(pathname);
          }}
        >
          Clear
        </Button>
      ) : null}
    </form>
  );
}
