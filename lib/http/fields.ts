// The JSON field shapes every resource shares, so an id, a time or an amount reads the same everywhere.
import { z } from "zod";

export const id = z.string().meta({ description: "Opaque identifier" });
export const dateTime = z.iso.datetime().meta({ description: "ISO 8601 date-time (UTC)" });
export const day = z.iso.date().meta({ description: "ISO 8601 calendar date" });
export const minor = z.number().int().meta({ description: "Amount in minor units of `currency` (cents)" });
export const currency = z.string().length(3).meta({ description: "ISO 4217 code" });
