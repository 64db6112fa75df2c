import type { Metadata } from "next";
import Link from "next/link";
import { CreateReservationDialog } from "@/components/reservations/create-reservation-dialog";
import { ReservationActions } from "@/components/reservations/reservation-actions";
import { ReservationFilters } from "@/components/reservations/reservation-filters";
import { ReservationStatusBadge } from "@/components/reservations/reservation-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { formatDate, formatMoney } from "@/lib/ui/format";
import { searchReservations } from "@/lib/reservations/search-reservations";
import { searchReservationsQuery } from "@/lib/reservations/schemas";
import { listRooms } from "@/lib/rooms/list-rooms";
import { TableFrame, type Column } from "@/components/ui/table-frame";

const RESERVATION_COLUMNS: Column[] = [
  { label: "Code" },
  { label: "Guest" },
  { label: "Room" },
  { label: "Arrival" },
  { label: "Departure" },
  { label: "Guests" },
  { label: "Total", align: "right" },
  { label: "Status" },
  { label: "Actions", hidden: true },
];

export const metadata: Metadata = { title: "Reservations" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ReservationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ property: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { property: slug } = await params;
  const raw = await searchParams;
  const query = searchReservationsQuery.parse({ q: first(raw.q), status: first(raw.status), page: first(raw.page) });
  const access = await getPropertyAccess(slug);
  const [result, rooms] = await Promise.all([searchReservations({ propertyId: access.property.id, query }), listRooms(access.property.id)]);
  const pageHref = (page: number) => {
    const search = new URLSearchParams();
    if (query.q) search.set("q", query.q);
    if (query.status) search.set("status", query.status);
    if (page > 1) search.set("page", String(page));
    const text = search.toString();
    return `/${slug}/reservations${text ? `?${text}` : ""}`;
  };

  return (
    <>
      <PageHeader
        title="Reservations"
        description={`${result.total.toLocaleString("en")} reservation${result.total === 1 ? "" : "s"} at ${access.property.name}`}
        actions={
          can.createReservation(access.role) ? (
            <CreateReservationDialog slug={slug} rooms={rooms} currency={access.property.currency} />
          ) : null
        }
      />
      <ReservationFilters q={query.q ?? ""} status={query.status ?? ""} />
      {result.rows.length === 0 ? (
        <EmptyState title="No reservations match" description="Try another search or clear the status filter." />
      ) : (
        <TableFrame columns={RESERVATION_COLUMNS}>
          {result.rows.map((r) => (
            <tr key={r.id} data-testid="reservation-row" data-code={r.code}>
              <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">{r.code}</td>
              <td className="px-4 py-3">
                <div className="font-medium text-slate-900">
                  {r.guest.firstName} {r.guest.lastName}
                </div>
                {r.guest.email ? <div className="text-xs text-slate-500">{r.guest.email}</div> : null}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">{r.room ? `${r.room.number} · ${r.room.type}` : "—"}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(r.arrivalDate)}</td>
              <td className="px-4 py-3 whitespace-nowrap">{formatDate(r.departureDate)}</td>
              <td className="px-4 py-3">{r.adults + r.children}</td>
              <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">{formatMoney(r.totalAmount, r.currency)}</td>
              <td className="px-4 py-3 whitespace-nowrap">
                <ReservationStatusBadge status={r.status} />
              </td>
              <td className="px-4 py-3 text-right">
                <ReservationActions
                  slug={slug}
                  reservationId={r.id}
                  code={r.code}
                  status={r.status}
                  canCheckInOut={can.checkInOut(access.role)}
                  canCancel={can.cancelReservation(access.role)}
                />
              </td>
            </tr>
          ))}
        </TableFrame>
      )}
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600">
        <span>
          Page {result.page} of {result.pageCount}
        </span>
        <span className="flex gap-2">
          {result.page > 1 ? (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={pageHref(result.page - 1)}>
              Previous
            </Link>
          ) : null}
          {result.page < result.pageCount ? (
            <Link className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:bg-slate-50" href={pageHref(result.page + 1)}>
              Next
            </Link>
          ) : null}
        </span>
      </nav>
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
