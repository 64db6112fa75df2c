import Link from "next/link";
import type { ReactNode } from "react";
import { reservationFacts, type ReservationRow } from "./reservation-row";
import { ReservationStatusBadge } from "./reservation-status-badge";

const HEAD = "px-3 py-3";
const CELL = "px-3 py-3 align-top";

/**
 * The wide screen's list. Secondary facts fold under the main ones (departure under arrival, guests under
 * room) so every column, actions included, fits beside a 256 px sidebar at 1280 px without scrolling.
 */
export function ReservationTable({
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
    // `relative`: the visually hidden header is positioned inside this scroll box, not the page.
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={HEAD}>
              Code
            </th>
            <th scope="col" className={HEAD}>
              Guest
            </th>
            <th scope="col" className={HEAD}>
              Room
            </th>
            <th scope="col" className={HEAD}>
              Stay
            </th>
            <th scope="col" className={`${HEAD} text-right`}>
              Total
            </th>
            <th scope="col" className={HEAD}>
              Status
            </th>
            <th scope="col" className={HEAD}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => {
            const facts = reservationFacts(r);
            return (
              <tr key={r.id} data-testid="reservation-row" data-code={r.code} data-arrival={r.arrivalDate.toISOString().slice(0, 10)}>
                <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>
                  <Link href={href(r)} className="text-blue-700 hover:underline">
                    {r.code}
                  </Link>
                </td>
                <td className={CELL}>
                  <div className="max-w-56 truncate font-medium text-slate-900" title={facts.guestName}>
                    {facts.guestName}
                  </div>
                  {r.guest.email ? (
                    <div className="max-w-56 truncate text-xs text-slate-500" title={r.guest.email}>
                      {r.guest.email}
                    </div>
                  ) : null}
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <div>{facts.room}</div>
                  <div className="text-xs text-slate-500">{facts.guests}</div>
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <div>{facts.arrival}</div>
                  <div className="text-xs text-slate-500">
                    <span className="sr-only">Departure </span>→ {facts.departure} · {facts.nights}
                  </div>
                </td>
                <td className={`${CELL} text-right whitespace-nowrap tabular-nums`}>{facts.total}</td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <ReservationStatusBadge status={r.status} />
                </td>
                <td className={`${CELL} w-px text-right whitespace-nowrap`}>{actions(r)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
