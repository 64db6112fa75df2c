import type { Metadata } from "next";
import Link from "next/link";
import { CreateReservationDialog } from "@/components/reservations/create-reservation-dialog";
import { ReservationActions } from "@/components/reservations/reservation-actions";
import { ReservationCards } from "@/components/reservations/reservation-cards";
import { ReservationFilters } from "@/components/reservations/reservation-filters";
import { reservationFacts, type ReservationRow } from "@/components/reservations/reservation-row";
import { ReservationTable } from "@/components/reservations/reservation-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { isEarlyCheckIn, propertyToday } from "@/lib/reservations/property-today";
import { searchReservations } from "@/lib/reservations/search-reservations";
import { reservationsHref } from "@/lib/reservations/reservation-filter-params";
import { searchReservationsQuery } from "@/lib/reservations/schemas";
import { listRooms } from "@/lib/rooms/list-rooms";

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
  const query = searchReservationsQuery.parse({ q: first(raw.q), status: first(raw.status), sort: first(raw.sort), page: first(raw.page) });
  const access = await getPropertyAccess(slug);
  const today = propertyToday(access.property.timezone);
  const [result, rooms] = await Promise.all([
    searchReservations({ propertyId: access.property.id, query, today }),
    listRooms(access.property.id),
  ]);
  const actions = (r: ReservationRow) => (
    <ReservationActions
      slug={slug}
      reservationId={r.id}
      code={r.code}
      guestName={reservationFacts(r).guestName}
      status={r.status}
      arrival={reservationFacts(r).arrival}
      early={isEarlyCheckIn(r.arrivalDate, today)}
      canCheckInOut={can.checkInOut(access.role)}
      canCancel={can.cancelReservation(access.role)}
      guestErased={r.guest.erasedAt !== null}
    />
  );
  const pageHref = (page: number) =>
    reservationsHref(`/${slug}/reservations`, {
      q: query.q ?? null,
      status: query.status ?? null,
      sort: query.sort ?? null,
      page: page > 1 ? page : null,
    });

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
      <ReservationFilters q={query.q ?? ""} status={query.status ?? ""} sort={query.sort ?? ""} effectiveSort={result.sort} />
      {result.rows.length === 0 ? (
        <EmptyState title="No reservations match" description="Try another search or clear the status filter." />
      ) : (
        <>
          {/* Two layouts of the same rows: the table needs the width a 1280 px screen leaves beside the sidebar. */}
          <div className="hidden xl:block">
            <ReservationTable rows={result.rows} actions={actions} href={(r) => `/${slug}/reservations/${r.id}`} />
          </div>
          <div className="xl:hidden">
            <ReservationCards rows={result.rows} actions={actions} href={(r) => `/${slug}/reservations/${r.id}`} />
          </div>
        </>
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
