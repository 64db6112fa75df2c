// POST /api/v1/payments/{id}/refund: refund a payment fully or in part (payment.refunded).
import { single } from "@/lib/api/envelope";
import { refuseOtherMethods } from "@/lib/api/refuse-other-methods";
import { v1Route } from "@/lib/api/v1-route";
import { apiKeyActor } from "@/lib/audit/record-audit-event";
import { paymentResource } from "@/lib/payments/payment-resource";
import { refundPayment, refundPaymentInput } from "@/lib/payments/payments";

export const POST = v1Route(
  {
    method: "POST",
    path: "/payments/{id}/refund",
    operationId: "refundPayment",
    tag: "Payments",
    summary: "Refund a payment",
    description:
      "Refunds `amount` minor units, or all that remains refundable when left out. More than was paid (less earlier refunds) is 409. " +
      "The payment becomes PARTIALLY_REFUNDED or REFUNDED; emits `payment.refunded`.",
    scope: "payments:write",
    body: refundPaymentInput,
    response: single(paymentResource),
    errors: [404, 409],
  },
  async ({ property, key, params, body }) => ({
    data: await refundPayment({ propertyId: property.id, paymentId: params.id, actor: apiKeyActor(key), input: body }),
  }),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
