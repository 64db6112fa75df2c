import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EraseGuestButton } from "@/components/reservations/erase-guest-button";
import { RecordPaymentDialog } from "@/components/reservations/record-payment-dialog";
import { ReservationActions } from "@/components/reservations/reservation-actions";
import { ReservationStatusBadge } from "@/components/reservations/reservation-status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { getPropertyAccess } from "@/lib/auth/property-access";
import { can } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { guestDisplayName } from "@/lib/guests/guest-display-name";
import { isEarlyCheckIn, propertyToday } from "@/lib/reservations/property-today";
import { openPin } from "@/lib/reservations/sealed-pin";
import { formatDate, formatMoney } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Reservation" };

const SECTION = "rounded-lg border border-slate-200 bg-white p-4";
const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/**
 * One stay: its guest, door codes, and payments with what is paid and what is still due; the desk's
 * actions on it (check in or out, cancel, record a payment), each offered only when the stay's status
 * and the member's role allow it (the server actions check both again).
 */
export default async function ReservationPage({ params }: { params: Promise<{ property: string; id: string }> }) {
  const { property: slug, id } = await params;
  const access = await getPropertyAccess(slug);
  const stay = await db.reservation.findFirst({
    where: { id: id.slice(0, 100), propertyId: access.property.id },
    include: {
      guest: true,
      room: { select: { number: true } },
      accesses: { orderBy: [{ validFrom: "asc" }, { id: "asc" }] },
      payments: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!stay) notFound();
  const money = (minor: number) => formatMoney(minor, stay.currency);
  // Received and kept: succeeded payments less what was refunded of them.
  const paid = stay.payments
    .filter((p) => p.status === "SUCCEEDED" || p.status === "PARTIALLY_REFUNDED" || p.status === "REFUNDED")
    .reduce((sum, p) => sum + p.amount - p.refundedAmount, 0);
  const guestName = guestDisplayName(stay.guest);
  const erasure = stay.guest.erasedAt ? await db.guestErasure.findUnique({ where: { guestId: stay.guest.id } }) : null;
  const tz = access.property.timezone;
  const local = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: tz });
  const due = stay.totalAmount - paid;
  const takesPayment = stay.status !== "CANCELLED" && can.recordPayment(access.role);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/${slug}/reservations`} className="text-blue-700 hover:underline">
          ← Reservations
        </Link>
      </p>
      <PageHeader
        title={`Reservation ${stay.code}`}
        description={`${guestName} · Room ${stay.room?.number ?? "—"} · ${formatDate(stay.arrivalDate)} – ${formatDate(stay.departureDate)}`}
        actions={
          <>
            <ReservationActions
              variant="page"
              slug={slug}
              reservationId={stay.id}
              code={stay.code}
              guestName={guestName}
              status={stay.status}
              arrival={formatDate(stay.arrivalDate)}
              early={isEarlyCheckIn(stay.arrivalDate, propertyToday(tz))}
              canCheckInOut={can.checkInOut(access.role)}
              canCancel={can.cancelReservation(access.role)}
              guestErased={stay.guest.erasedAt !== null}
            />
            {can.eraseGuest(access.role) && !stay.guest.erasedAt ? (
              <EraseGuestButton slug={slug} guestId={stay.guest.id} reservationId={stay.id} guestName={guestName} />
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <section className={SECTION} aria-labelledby="guest-heading">
          <h2 id="guest-heading" className="mb-3 font-semibold text-slate-900">
            Guest
          </h2>
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-slate-600">Name</dt>
            <dd className="break-words">{guestName}</dd>
            <dt className="text-slate-600">Email</dt>
            <dd className="break-all">{stay.guest.email ?? "—"}</dd>
            <dt className="text-slate-600">Phone</dt>
            <dd>{stay.guest.phone ?? "—"}</dd>
            <dt className="text-slate-600">Status</dt>
            <dd>
              <ReservationStatusBadge status={stay.status} />
            </dd>
          </dl>
          {stay.guest.erasedAt ? (
            <p className="mt-3 text-sm text-slate-700" data-testid="erasure-status">
              Personal data erased on {time.format(stay.guest.erasedAt)} UTC.{" "}
              {erasure && erasure.status !== "done"
                ? `Removing it from request logs, events and webhook history: ${erasureProgress(erasure)}.`
                : "Request logs, events and webhook history no longer hold it."}
            </p>
          ) : null}
        </section>

        <section className={SECTION} aria-labelledby="payments-heading">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 id="payments-heading" className="font-semibold text-slate-900">
              Payments
            </h2>
            {takesPayment ? (
              <RecordPaymentDialog slug={slug} reservationId={stay.id} currency={access.property.currency} balance={majorUnits(due)} />
            ) : null}
          </div>
          <dl className="mb-3 grid grid-cols-3 gap-2 text-sm" data-testid="stay-balance">
            <div>
              <dt className="text-slate-600">Total</dt>
              <dd className="font-medium">{money(stay.totalAmount)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Paid</dt>
              <dd className="font-medium">{money(paid)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Balance</dt>
              <dd className="font-medium">{money(due)}</dd>
            </div>
          </dl>
          {stay.payments.length === 0 ? (
            <p className="text-sm text-slate-600">No payments yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {stay.payments.map((p) => (
                <li key={p.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <span>
                    {money(p.amount)} · {p.method.replace("_", " ")}
                  </span>
                  <span className="text-slate-600">
                    {p.status.replace("_", " ").toLowerCase()}
                    {p.refundedAmount > 0 ? `, ${money(p.refundedAmount)} refunded` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className={`${SECTION} lg:col-span-2`} aria-labelledby="codes-heading">
          <h2 id="codes-heading" className="mb-3 font-semibold text-slate-900">
            Door codes
          </h2>
          {stay.accesses.length === 0 ? (
            <p className="text-sm text-slate-600">No door codes. A door-lock integration issues them through the API.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="door-codes">
              {stay.accesses.map((a) => (
                <li key={a.id} className="flex flex-wrap justify-between gap-x-3 py-1.5">
                  <span>
                    {a.lockName} · <span className="font-mono">{openPin(a.pin)}</span>
                  </span>
                  <span className="text-slate-600">
                    {local.format(a.validFrom)} – {local.format(a.validUntil)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

/** What is due as the amount field takes it ("120.50"), or empty when nothing is; no float on the way. */
function majorUnits(minor: number): string {
  return minor > 0 ? `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}` : "";
}

function erasureProgress(erasure: { rowsScanned: number; rowsTotal: number }): string {
  if (erasure.rowsTotal === 0) return "starting";
  const percent = Math.min(99, Math.floor((erasure.rowsScanned / erasure.rowsTotal) * 100));
  return `${percent}% of ${erasure.rowsTotal.toLocaleString("en-GB")} stored records checked`;
}
