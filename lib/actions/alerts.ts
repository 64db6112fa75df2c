"use server";

import { z } from "zod";
import { markAlertsRead } from "../alerts/list-alerts";
import { storableId } from "../db/storable-text";
import { propertyAction } from "./property-action";

const markReadInput = z.strictObject({ ids: z.array(storableId("alert")).max(100).optional() });

/** The bell marks what it showed as read, for the person who opened it only. */
export const markAlertsReadAction = propertyAction("viewApiAccess", markReadInput, async ({ access, input }) => {
  const count = await markAlertsRead(access.property.id, access.user.id, input.ids);
  return `${count} marked as read.`;
});
