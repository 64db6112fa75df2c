// Reservation inputs, shared by the dashboard's forms and (later) the API's route handlers.
import { z } from "zod";

export const RESERVATION_STATUSES = ["CONFIRMED", "CHECKED_IN", "CHECKED_OUT", "CANCELLED", "NO_SHOW"] as const;
export const reservationStatus = z.enum(RESERVATION_STATUSES);

/** A calendar date, YYYY-MM-DD, that really exists (no 2026-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "Not a valid date");

/** "129", "129.5" or "129.50" in major units → 12950 minor units; money never passes through a float. */
export const moneyInput = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, "Enter an amount such as 129.00")
  .transform((value) => {
    const [whole = "0", fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const listReservationsQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: reservationStatus.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListReservationsQuery = z.infer<typeof listReservationsQuery>;

export const newGuestInput = z.object({
  firstName: z.string().trim().min(1, "First name is required").max(100),
  lastName: z.string().trim().min(1, "Last name is required").max(100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.string().email("Enter a valid email").optional()),
});

export const createReservationInput = z
  .object({
    guest: newGuestInput,
    roomId: z.string().trim().min(1, "Choose a room"),
    arrivalDate: isoDate,
    departureDate: isoDate,
    adults: z.coerce.number().int().min(1, "At least one adult").max(20),
    children: z.coerce.number().int().min(0).max(20).default(0),
    totalAmount: z.number().int().min(0).max(999_999_999),
    notes: optionalText(2000),
  })
  .refine((value) => value.departureDate > value.arrivalDate, {
    path: ["departureDate"],
    message: "Departure must be after arrival",
  });
export type CreateReservationInput = z.infer<typeof createReservationInput>;

/** The dashboard form: flat fields, the amount in major units. Errors keep the API's field paths. */
const createReservationFormFields = z.object({
  firstName: z.string().default(""),
  lastName: z.string().default(""),
  email: z.string().optional(),
  roomId: z.string().default(""),
  arrivalDate: z.string().default(""),
  departureDate: z.string().default(""),
  adults: z.string().default(""),
  children: z.string().optional(),
  amount: moneyInput,
  notes: z.string().optional(),
});

export function parseCreateReservationForm(data: Record<string, unknown>): CreateReservationInput {
  const flat = createReservationFormFields.safeParse(data);
  const candidate = {
    guest: { firstName: data.firstName, lastName: data.lastName, email: data.email },
    roomId: data.roomId,
    arrivalDate: data.arrivalDate,
    departureDate: data.departureDate,
    adults: data.adults,
    children: data.children || "0",
    totalAmount: flat.success ? flat.data.amount : 0,
    notes: data.notes,
  };
  const parsed = createReservationInput.safeParse(candidate);
  const issues = [...(flat.success ? [] : flat.error.issues.filter((i) => i.path[0] === "amount")), ...(parsed.success ? [] : parsed.error.issues)];
  if (issues.length > 0 || !parsed.success) throw new z.ZodError(issues);
  return parsed.data;
}
