// What the table and the phone cards both show of a reservation, worked out once.
import type { searchReservations } from "@/lib/reservations/search-reservations";
import { guestDisplayName } from "@/lib/guests/guest-display-name";
import { formatDate, formatMoney } from "@/lib/ui/format";

export type ReservationRow = Awaited<ReturnType<typeof searchReservations>>["rows"][number];

const DAY_MS = 86_400_000;

export function reservationFacts(r: ReservationRow) {
  const nights = Math.round((r.departureDate.getTime() - r.arrivalDate.getTime()) / DAY_MS);
  const guests = r.adults + r.children;
  return {
    guestName: guestDisplayName(r.guest),
    room: r.room ? `${r.room.number} · ${r.room.type}` : "No room",
    arrival: formatDate(r.arrivalDate),
    departure: formatDate(r.departureDate),
    nights: `${nights} night${nights === 1 ? "" : "s"}`,
    guests: `${guests} guest${guests === 1 ? "" : "s"}`,
    total: formatMoney(r.totalAmount, r.currency),
  };
}
