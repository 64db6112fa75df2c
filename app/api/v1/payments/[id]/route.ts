// GET /api/v1/payments/{id}: one payment of the key's property.
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { paymentResource } from "@/lib/payments/payment-resource";
import { getPayment } from "@/lib/payments/payments";

export const GET = v1Route(
  {
    method: "GET",
    path: "/payments/{id}",
    operationId: "getPayment",
    tag: "Payments",
    summary: "Get a payment",
    scope: "payments:read",
    response: single(paymentResource),
    errors: [404],
  },
  async ({ property, params }) => ({ data: await getPayment(property.id, params.id) }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
