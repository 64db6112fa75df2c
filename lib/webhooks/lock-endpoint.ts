// Racing changes to one endpoint: each change first locks the endpoint's row, so a change that waited
// behind a delete finds nothing (404) instead of failing in the middle (500).
import type { DbTx } from "../db/client";
import { AppError, notFound } from "../errors/app-error";

/** Locks the property's endpoint row for this transaction, or throws 404 NOT_FOUND. */
export async function lockEndpoint(tx: DbTx, propertyId: string, endpointId: string): Promise<void> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "WebhookEndpoint" WHERE id = ${endpointId} AND "propertyId" = ${propertyId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Webhook endpoint");
}

const codeOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;

/**
 * What a lost race means to the caller: the row went meanwhile (Prisma P2025) is 404; a deadlock or
 * serialization failure (40P01, 40001, Prisma P2034) is 409 CONFLICT, worth retrying. Anything else is rethrown.
 */
export function raceError(error: unknown): unknown {
  const code = codeOf(error) ?? codeOf((error as { cause?: unknown } | null)?.cause);
  if (code === "P2025") return notFound("Webhook endpoint");
  if (code === "P2034" || code === "40001" || code === "40P01") {
    return new AppError("CONFLICT", "The webhook endpoint was changed by another request at the same time. Retry.");
  }
  return error;
}
