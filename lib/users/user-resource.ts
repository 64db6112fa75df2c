// A member of the property's staff as the API shows them: never anything about their credentials.
import { z } from "zod";
import { Role } from "../db/generated/prisma/enums";
import { dateTime, id } from "../http/fields";

export const userResource = z
  .strictObject({ id, name: z.string(), email: z.string(), role: z.enum(Role), memberSince: dateTime })
  .meta({ id: "User" });
export type UserResource = z.input<typeof userResource>;
