import Link from "next/link";
import type { ReactNode } from "react";
import { reservationFacts, type ReservationRow } from "./reservation-row";
import { ReservationStatusBadge } from "./reservation-status-badge";

/** The narrow screen's list: one card per reservation, everything the desk needs stacked, actions at the bottom. */
export function ReservationCards({
  rows,
  actions,
  href,
}: {
  rows: ReservationRow[];
  actions: (row: ReservationRow) => ReactNode;
  /** The stay's own page. */
  href: (row: ReservationRow) => string;
}) {
  return (
    <ul aria-label="Reservations" className="grid gap-3 sm:grid-cols-2">
      {rows.map((r) => {
        const facts = reservationFacts(r);
        return (
          <li
            key={r.id}
            data-testid="reservation-card"
            data-code={r.code}
            data-arrival={r.arrivalDate.toISOString().slice(0, 10)}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{facts.guestName}</p>
                <p className="font-mono text-xs">
                  <Link href={href(r)} className="text-blue-700 hover:underline">
                    {r.code}
                  </Link>
                </p>
              </div>
              <ReservationStatusBadge status={r.status} />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-xs text-slate-500">Room</dt>
                <dd>{facts.room}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Total</dt>
                <dd className="tabular-nums">{facts.total}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Arrival</dt>
                <dd>{facts.arrival}</dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">Departure</dt>
                <dd>{facts.departure}</dd>
              </div>
              <div className="col-span-2">
                <dt className="sr-only">Stay</dt>
                <dd className="text-xs text-slate-500">
                  {facts.nights} · {facts.guests}
                </dd>
              </div>
            </dl>
            <div className="mt-3 border-t border-slate-100 pt-3 empty:hidden">{actions(r)}</div>
          </li>
        );
      })}
    </ul>
  );
}
