// Putting deliveries back in the queue: the one statement behind a resend, a retry of an endpoint's
// failed deliveries, a replay of a time window, and a stopping worker giving back the leases it will
// not finish. Every form clears the lease (`lockedUntil`, `leaseToken`), so the next claim takes the
// delivery; with a schedule it is also PENDING again and due at the schedule's time. The attempt count,
// the last attempt's outcome and the webhook-id are kept: a requeued delivery is the same message again.
// Runs on the caller's Prisma transaction (the services) or `pg` pool (the engine); waking the workers
// is left to the caller, inside its own transaction.
import type pg from "pg";
import type { DbTx } from "../../db/client";

/** The deliveries of one endpoint in a state: a subset of Prisma's where input, so a caller can count them with it too. */
export interface DeliveryFilter {
  endpointId: string;
  /** `FAILED`, or every settled delivery (succeeded or failed): one waiting for an attempt is never taken. */
  status: "FAILED" | { not: "PENDING" };
  /** Created in [gte, lt). */
  createdAt?: { gte: Date; lt: Date };
  eventType?: { in: string[] };
}

export type RequeueSelection =
  /** These deliveries, whatever their state. */
  | { ids: readonly string[] }
  /** Each delivery only while `leaseToken` still holds it (not once it was recorded, resent or claimed again). */
  | { leases: readonly { id: string; leaseToken: string }[] }
  | { where: DeliveryFilter };

export interface RequeueSchedule {
  /** When they are due again: the clock's time for "now". */
  at: Date;
  /**
   * Due a millisecond apart in creation order (`createdAt`, then id), the first at `at` + 1 ms: the
   * worker sends an endpoint's earliest due deliveries first, so they go out oldest first.
   */
  inCreationOrder?: boolean;
}

/** A Prisma client or transaction, or a `pg` pool or client. */
export type RequeueRunner = Pick<DbTx, "$queryRawUnsafe"> | Pick<pg.Pool | pg.PoolClient, "query">;

/**
 * Requeues the selected deliveries and returns their ids. With a `schedule`, each becomes PENDING and
 * due at its time (`updatedAt` is that time too); without one, only the lease is given back, and the
 * delivery keeps its state and due time (a leased delivery is PENDING and already due).
 */
export async function requeueDeliveries(runner: RequeueRunner, selection: RequeueSelection, schedule?: RequeueSchedule): Promise<string[]> {
  if ("ids" in selection && selection.ids.length === 0) return [];
  if ("leases" in selection && selection.leases.length === 0) return [];
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;

  const { from, where } = selected(selection, param);
  const at = schedule && param(schedule.at, "timestamptz");
  const set = at
    ? `status = 'PENDING', "nextAttemptAt" = ${schedule?.inCreationOrder ? `${at} + (c.n * interval '1 millisecond')` : at},
       "lockedUntil" = NULL, "leaseToken" = NULL, "updatedAt" = ${at}`
    : `"lockedUntil" = NULL, "leaseToken" = NULL`;
  const text = schedule?.inCreationOrder
    ? `WITH chosen AS (
         SELECT d.id, row_number() OVER (ORDER BY d."createdAt", d.id) AS n FROM "WebhookDelivery" d${from ? `, ${from}` : ""}
         WHERE ${where}
       )
       UPDATE "WebhookDelivery" d SET ${set} FROM chosen c WHERE d.id = c.id RETURNING d.id`
    : `UPDATE "WebhookDelivery" d SET ${set}${from ? ` FROM ${from}` : ""} WHERE ${where} RETURNING d.id`;
  const rows = await run(runner, text, params);
  return rows.map((row) => row.id);
}

/** The selection as SQL on the delivery `d` (and, for leases, the list `r` it joins). */
function selected(selection: RequeueSelection, param: (value: unknown, type: string) => string): { from?: string; where: string } {
  if ("ids" in selection) return { where: `d.id = ANY(${param([...selection.ids], "text[]")})` };
  if ("leases" in selection) {
    const { leases } = selection;
    const list = `unnest(${param(
      leases.map((l) => l.id),
      "text[]",
    )}, ${param(
      leases.map((l) => l.leaseToken),
      "text[]",
    )}) AS r(id, token)`;
    return { from: list, where: `d.id = r.id AND d."leaseToken" = r.token` };
  }
  const filter = selection.where;
  const where = [`d."endpointId" = ${param(filter.endpointId, "text")}`];
  where.push(filter.status === "FAILED" ? `d.status = 'FAILED'` : `d.status <> 'PENDING'`);
  if (filter.createdAt)
    where.push(
      `d."createdAt" >= ${param(filter.createdAt.gte, "timestamptz")}`,
      `d."createdAt" < ${param(filter.createdAt.lt, "timestamptz")}`,
    );
  if (filter.eventType) where.push(`d."eventType" = ANY(${param(filter.eventType.in, "text[]")})`);
  return { where: where.join(" AND ") };
}

async function run(runner: RequeueRunner, text: string, params: unknown[]): Promise<{ id: string }[]> {
  if ("$queryRawUnsafe" in runner) return runner.$queryRawUnsafe<{ id: string }[]>(text, ...params);
  const { rows } = await runner.query<{ id: string }>(text, params);
  return rows;
}
