// A property and its organization as the API shows them.
import { z } from "zod";
import { Plan } from "../db/generated/prisma/enums";
import { currency, dateTime, id } from "../http/fields";

export const propertyResource = z
  .strictObject({ id, slug: z.string(), name: z.string(), timezone: z.string(), currency, plan: z.enum(Plan), createdAt: dateTime })
  .meta({ id: "Property" });
export type PropertyResource = z.input<typeof propertyResource>;

export const organizationResource = z
  .strictObject({
    id,
    name: z.string(),
    plan: z.enum(Plan),
    propertyCount: z.number().int(),
    memberCount: z.number().int(),
    roomCount: z.number().int(),
    createdAt: dateTime,
  })
  .meta({ id: "Organization" });
export type OrganizationResource = z.input<typeof organizationResource>;
