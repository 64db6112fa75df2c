// Payments of stays, recorded by a payment or accounting integration (or the dashboard): amounts in
// minor units of the property's currency only, refunds full or partial and never beyond what was paid.
// Each write emits its event (payment.created / payment.refunded) in the same transaction.
import "server-only";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "../audit/record-audit-event";
import { db, type Prisma } from "../db/client";
import type { Payment } from "../db/generated/prisma/client";
import { PaymentStatus, type ReservationStatus } from "../db/generated/prisma/enums";
import { afterCursor, listQuery, newestFirst, page } from "../db/pagination";
import { AppError, notFound } from "../errors/app-error";
import { recordDomainEvent } from "../events/record-domain-event";
import { storableId } from "../db/storable-text";
import { moneyInput } from "../reservations/schemas";
import { PAYMENT_METHODS, type PaymentResource } from "./payment-resource";

/** The column is a 32-bit integer: a larger amount was a database error (500). */
const MAX_AMOUNT = 2_147_483_647;

const amount = z
  .number({ error: "amount is a whole number of minor units, e.g. 12000 for 120.00" })
  .int("amount is a whole number of minor units, e.g. 12000 for 120.00")
  .min(1, "amount must be positive")
  .max(MAX_AMOUNT, "amount is too large");

export const recordPaymentInput = z.strictObject({
  amount,
  currency: z
    .string()
    .trim()
    .max(3, "An ISO 4217 code, e.g. EUR")
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "An ISO 4217 code, e.g. EUR"),
  method: z.enum(PAYMENT_METHODS),
});

/** The stay page's "Record payment" form: an amount in major units ("120.50") and a method; the currency is the property's. */
export const recordPaymentForm = z.object({
  reservationId: storableId("reservation"),
  amount: z
    .string({ error: "Enter an amount such as 129.00" })
    .pipe(moneyInput)
    .pipe(z.number().min(1, "Enter an amount above 0").max(MAX_AMOUNT, "That amount is too large")),
  method: z.enum(PAYMENT_METHODS, { error: "Choose how it was paid" }),
});

export const refundPaymentInput = z.strictObject({
  amount: amount.optional().meta({ description: "Minor units to refund; what remains refundable when left out" }),
});

export const listPaymentsQuery = listQuery.extend({ status: z.enum(PaymentStatus).optional() });

export function serializePayment(p: Payment): PaymentResource {
  return {
    id: p.id,
    reservationId: p.reservationId,
    amount: p.amount,
    amountRefunded: p.refundedAmount,
    currency: p.currency,
    status: p.status,
    method: p.method,
    paidAt: p.paidAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The property's payments (or one stay's), newest first, one cursor page at a time. */
export async function listPayments(propertyId: string, query: z.infer<typeof listPaymentsQuery>, reservationId?: string) {
  if (reservationId && !(await db.reservation.findFirst({ where: { id: reservationId, propertyId }, select: { id: true } })))
    throw notFound("Reservation");
  const where: Prisma.PaymentWhereInput = { propertyId, ...afterCursor(query.cursor) };
  if (reservationId) where.reservationId = reservationId;
  if (query.status) where.status = query.status;
  const rows = await db.payment.findMany({ where, orderBy: newestFirst, take: query.limit + 1 });
  return page(rows, query.limit, serializePayment);
}

export async function getPayment(propertyId: string, id: string): Promise<PaymentResource> {
  const payment = await db.payment.findFirst({ where: { id, propertyId } });
  if (!payment) throw notFound("Payment");
  return serializePayment(payment);
}

/** A payment received for a stay (SUCCEEDED, paid now); a cancelled stay takes none (409 INVALID_STATE). */
export async function recordPayment(options: {
  property: { id: string; currency: string };
  reservationId: string;
  actor: Actor;
  input: z.infer<typeof recordPaymentInput>;
}): Promise<PaymentResource> {
  const { property, reservationId, actor } = options;
  // Parsed here too: the dashboard's form and the API both reach this, and neither may pass the column's limit.
  const input = recordPaymentInput.parse(options.input);
  if (input.currency !== property.currency) {
    throw new AppError("CURRENCY_MISMATCH", `This property takes payments in ${property.currency}, not ${input.currency}.`, {
      currency: [`Must be ${property.currency}`],
    });
  }
  return db.$transaction(async (tx) => {
    // Share-locked until commit: a cancel waits for this payment, or this payment sees the cancel (never both pass).
    const [stay] = await tx.$queryRaw<{ id: string; code: string; status: ReservationStatus }[]>`
      SELECT id, code, status FROM "Reservation" WHERE id = ${reservationId} AND "propertyId" = ${property.id} FOR SHARE`;
    if (!stay) throw notFound("Reservation");
    if (stay.status === "CANCELLED") throw new AppError("INVALID_STATE", "A cancelled stay takes no payment.");
    const payment = await tx.payment.create({
      data: {
        propertyId: property.id,
        reservationId: stay.id,
        amount: input.amount,
        currency: input.currency,
        method: input.method,
        status: "SUCCEEDED",
        paidAt: new Date(),
      },
    });
    await recordAuditEvent(tx, {
      propertyId: property.id,
      actor,
      action: "payment.created",
      targetType: "reservation",
      targetId: stay.id,
      metadata: { code: stay.code, amount: payment.amount, currency: payment.currency },
    });
    await recordDomainEvent(tx, { propertyId: property.id, type: "payment.created", data: { payment: serializePayment(payment) } });
    return serializePayment(payment);
  });
}

/** Refunds all that remains of a payment, or `amount` of it; 409 beyond what was paid. */
export async function refundPayment(options: {
  propertyId: string;
  paymentId: string;
  actor: Actor;
  input: z.infer<typeof refundPaymentInput>;
}): Promise<PaymentResource> {
  const { propertyId, paymentId, actor, input } = options;
  return db.$transaction(async (tx) => {
    // Locked, so two refunds at once cannot both pass the check below.
    const [locked] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Payment" WHERE id = ${paymentId} AND "propertyId" = ${propertyId} FOR UPDATE`;
    if (!locked) throw notFound("Payment");
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: locked.id }, include: { reservation: { select: { code: true } } } });
    if (payment.status !== "SUCCEEDED" && payment.status !== "PARTIALLY_REFUNDED") {
      throw new AppError("INVALID_STATE", `A ${payment.status.toLowerCase().replace("_", " ")} payment cannot be refunded.`);
    }
    const refundable = payment.amount - payment.refundedAmount;
    const refund = input.amount ?? refundable;
    if (refund > refundable) {
      throw new AppError("INVALID_STATE", `At most ${refundable} (minor units) of this payment can be refunded.`, {
        amount: [`At most ${refundable}`],
      });
    }
    const refundedAmount = payment.refundedAmount + refund;
    const updated = await tx.payment.update({
      where: { id: payment.id },
      data: { refundedAmount, status: refundedAmount === payment.amount ? "REFUNDED" : "PARTIALLY_REFUNDED" },
    });
    await recordAuditEvent(tx, {
      propertyId,
      actor,
      action: "payment.refunded",
      targetType: "reservation",
      targetId: payment.reservationId,
      metadata: { code: payment.reservation.code, amount: refund, currency: payment.currency },
    });
    await recordDomainEvent(tx, {
      propertyId,
      type: "payment.refunded",
      data: { payment: serializePayment(updated), refund: { amount: refund } },
    });
    return serializePayment(updated);
  });
}
