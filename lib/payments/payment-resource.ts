// A payment as the API and its events show it.
import { z } from "zod";
import { PaymentStatus } from "../db/generated/prisma/enums";
import { currency, dateTime, id, minor } from "../http/fields";

export const PAYMENT_METHODS = ["card", "cash", "bank_transfer", "other"] as const;

export const paymentResource = z
  .strictObject({
    id,
    reservationId: id,
    amount: minor,
    amountRefunded: minor.meta({ description: "Refunded so far, in minor units; never more than `amount`" }),
    currency,
    status: z.enum(PaymentStatus),
    method: z.string(),
    paidAt: dateTime.nullable(),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .meta({ id: "Payment" });
export type PaymentResource = z.input<typeof paymentResource>;
