// GET /api/v1/reservations/{id}/payments: a stay's payments. POST: record one (payment.created).
import { listOf, single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { paymentResource } from "@/lib/payments/payment-resource";
import { listPayments, listPaymentsQuery, recordPayment, recordPaymentInput } from "@/lib/payments/payments";

export const GET = v1Route(
  {
    method: "GET",
    path: "/reservations/{id}/payments",
    operationId: "listReservationPayments",
    tag: "Payments",
    summary: "List a stay's payments",
    scope: "payments:read",
    query: listPaymentsQuery,
    response: listOf(paymentResource),
    errors: [404],
  },
  ({ property, params, query }) => listPayments(property.id, query, params.id),
);

export const POST = v1Route(
  {
    method: "POST",
    path: "/reservations/{id}/payments",
    operationId: "recordReservationPayment",
    tag: "Payments",
    summary: "Record a payment",
    description:
      "A payment received for the stay, in minor units of the property's currency (another currency is 422 CURRENCY_MISMATCH). " +
      "Recorded as SUCCEEDED, paid now; emits `payment.created`. A cancelled stay takes no payment (409 INVALID_STATE).",
    scope: "payments:write",
    body: recordPaymentInput,
    status: 201,
    response: single(paymentResource),
    errors: [404, 409, 422],
  },
  async ({ property, key, params, body }) => ({
    data: await recordPayment({ property, reservationId: params.id, actor: apiKeyActor(key), input: body }),
  }),
);

export const { PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET, POST });
