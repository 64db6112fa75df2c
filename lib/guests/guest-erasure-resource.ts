// A guest's erasure as the API and the dashboard show it: the guest record is erased at once; the scan of
// the property's logs, events, deliveries and audit trail for rows tied to the guest runs in the background.
import { z } from "zod";
import type { Guest, GuestErasure } from "../db/generated/prisma/client";
import { dateTime, id } from "../http/fields";

export const guestErasureResource = z
  .strictObject({
    id: z.string().nullable().meta({ description: "ger_…; null for a guest erased before erasures ran in the background" }),
    guestId: id,
    status: z.enum(["running", "done"]).meta({ description: "`done` once every stored record tied to the guest was scrubbed" }),
    rowsScanned: z.number().int().meta({ description: "Stored records looked at so far" }),
    rowsTotal: z.number().int().meta({ description: "Stored records to look at (counted when the scan starts; 0 before)" }),
    rowsScrubbed: z.number().int().meta({ description: "Records tied to the guest that were scrubbed" }),
    requestedAt: dateTime,
    finishedAt: dateTime.nullable(),
  })
  .meta({ id: "GuestErasure" });
export type GuestErasureResource = z.input<typeof guestErasureResource>;

export function serializeGuestErasure(erasure: GuestErasure | null, guest: Pick<Guest, "id" | "erasedAt">): GuestErasureResource {
  if (!erasure) {
    const at = (guest.erasedAt ?? new Date()).toISOString();
    return { id: null, guestId: guest.id, status: "done", rowsScanned: 0, rowsTotal: 0, rowsScrubbed: 0, requestedAt: at, finishedAt: at };
  }
  return {
    id: erasure.id,
    guestId: erasure.guestId,
    status: erasure.status === "done" ? "done" : "running",
    rowsScanned: erasure.rowsScanned,
    rowsTotal: Math.max(erasure.rowsTotal, erasure.rowsScanned),
    rowsScrubbed: erasure.rowsScrubbed,
    requestedAt: erasure.createdAt.toISOString(),
    finishedAt: erasure.finishedAt?.toISOString() ?? null,
  };
}
