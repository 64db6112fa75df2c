// A payment as its events show it.
import { z } from "zod";
import { PaymentStatus } from "../db/generated/prisma/enums";
import { currency, dateTime, id, minor } from "../http/fields";

export const paymentEventData = z
  .strictObject({
    id,
    reservationId: id.nullable(),
    amount: minor,
    currency,
    status: z.enum(PaymentStatus),
    method: z.string().nullable(),
    updatedAt: dateTime,
  })
  .meta({ id: "PaymentEventData" });
