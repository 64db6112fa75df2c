// The Reservations page's filters as they stand in the URL: one definition that the filter bar reads
// and writes (nuqs `useQueryStates`) and the server's page links serialise (`createSerializer`).
// The server still validates them with `searchReservationsQuery`: the URL is user input.
import { createSerializer, parseAsInteger, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { RESERVATION_SORTS } from "./schemas";

export const reservationFilterParams = {
  q: parseAsString.withDefault(""),
  status: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(RESERVATION_SORTS),
  page: parseAsInteger,
};

export const reservationsHref = createSerializer(reservationFilterParams);
