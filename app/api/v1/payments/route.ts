// GET /api/v1/payments: the property's payments, newest first, cursor-paginated (filter: status).
import { listOf } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { paymentResource } from "@/lib/payments/payment-resource";
import { listPayments, listPaymentsQuery } from "@/lib/payments/payments";

export const GET = v1Route(
  {
    method: "GET",
    path: "/payments",
    operationId: "listPayments",
    tag: "Payments",
    summary: "List payments",
    scope: "payments:read",
    query: listPaymentsQuery,
    response: listOf(paymentResource),
  },
  ({ property, query }) => listPayments(property.id, query),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
