import { db } from "../db/client";
import { notFound } from "../errors/app-error";
import type { DeliveryWithAttempts } from "./list-deliveries";

/** One delivery of the property with its attempts, first to last. */
export async function getDelivery(propertyId: string, deliveryId: string): Promise<DeliveryWithAttempts> {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, propertyId },
    include: { attempts: { orderBy: { attemptNumber: "asc" } } },
  });
  if (!delivery) throw notFound("Delivery");
  return delivery;
}
