// Reservation inputs and queries, shared by the dashboard's forms and the API's route handlers.
import { z } from "zod";
import { ReservationStatus } from "../db/generated/prisma/enums";
import { cursorSchema, paginationQuery } from "../db/pagination";
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../db/storable-date";
import { CALENDAR_DATE_HINT, EMAIL_HINT, notBlank, STORABLE_INSTANT_HINT } from "../openapi/input-hints";
import { formWording, type FormWording } from "../errors/form-wording";

export const RESERVATION_STATUSES = Object.values(ReservationStatus);
export const reservationStatus = z.enum(ReservationStatus);

/** A calendar date, YYYY-MM-DD, that really exists (no 2026-02-30). */
export const isoDate = z
  .string()
  // Aborts, so an overlong value costs no regex and gets one message.
  .max(10, { message: "Use the format YYYY-MM-DD", abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "Not a valid date")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) || isStorableDate(date);
  }, STORABLE_DATE_MESSAGE)
  .meta(CALENDAR_DATE_HINT);

export const ISO_INSTANT_MESSAGE = "An ISO 8601 date-time such as 2026-11-23T10:00:00Z";

/** An ISO 8601 date-time with an offset, whose UTC moment the database can hold. (The API and forms word its format issues.) */
export const isoInstant = z.iso
  .datetime({ offset: true })
  // The format allows any number of fraction digits; ours and every client's fit in 35 characters.
  .max(64, "At most 64 characters")
  .refine((value) => {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) || isStorableDate(date);
  }, STORABLE_DATE_MESSAGE)
  .meta(STORABLE_INSTANT_HINT);

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

/** The dashboard's orders: the front desk's day (today's arrivals, then upcoming, then past), or by arrival date. */
export const RESERVATION_SORTS = ["today", "latest", "earliest"] as const;
export type ReservationSort = (typeof RESERVATION_SORTS)[number];

/** The dashboard's search: guest name or code, status, page; anything unreadable falls back. */
export const searchReservationsQuery = z.object({
  q: z
    .string()
    .trim()
    .max(100)
    .refine((v) => !v.includes("\u0000"))
    .optional()
    .catch(undefined),
  status: reservationStatus.optional().catch(undefined),
  sort: z.enum(RESERVATION_SORTS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type SearchReservationsQuery = z.infer<typeof searchReservationsQuery>;

export const newGuestInput = z.strictObject({
  firstName: z.string().trim().min(1).max(100).meta(notBlank()),
  lastName: z.string().trim().min(1).max(100).meta(notBlank()),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(200)
    .meta(EMAIL_HINT)
    .optional()
    .transform((value) => (value ? value : undefined))
    .pipe(z.email().optional()),
  phone: optionalText(40),
});

const guestCount = (min: number) => z.number().int().min(min).max(20);

/** A new reservation: the guest by id, or a new guest inline. The service checks dates, room and capacity. */
export const createReservationInput = z
  .strictObject({
    guestId: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
    guest: newGuestInput.optional(),
    roomId: z.string().trim().min(1).max(100).meta(notBlank()),
    arrivalDate: isoDate,
    departureDate: isoDate,
    adults: guestCount(1),
    children: guestCount(0).default(0),
    totalAmount: z.number().int("totalAmount is in minor units (cents), a whole number").min(0).max(999_999_999),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .length(3, "A 3-letter ISO 4217 code")
      .meta({ pattern: "^[A-Z]{3}$", description: "The property's own currency (ISO 4217); any other is refused" })
      .optional(),
    notes: optionalText(2000),
  })
  .refine((value) => Boolean(value.guestId) !== Boolean(value.guest), {
    path: ["guest"],
    message: "Give either guestId or guest, not both",
  })
  .meta({ oneOf: [{ required: ["guestId"] }, { required: ["guest"] }] });
export type CreateReservationInput = z.infer<typeof createReservationInput>;

export const updateReservationInput = z
  .strictObject({
    arrivalDate: isoDate.optional(),
    departureDate: isoDate.optional(),
    roomId: z.string().trim().min(1).max(100).meta(notBlank()).optional(),
    adults: guestCount(1).optional(),
    children: guestCount(0).optional(),
    notes: z.string().trim().max(2000).nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change: send at least one field" })
  .meta({ minProperties: 1 });
export type UpdateReservationInput = z.infer<typeof updateReservationInput>;

/** The dashboard form: flat fields, the amount in major units. Errors keep the API's field paths, in the form's words. */
const amountField = z.object({ amount: moneyInput });
const guestCountWording = (label: string, least: string) => ({
  type: `Enter the number of ${label}`,
  whole: `Whole ${label} only`,
  too_small: least,
  too_big: "At most 20",
});
export const createReservationFormWording: FormWording = {
  "guest.firstName": { required: "First name is required" },
  "guest.lastName": { required: "Last name is required" },
  "guest.email": { format: "Enter a valid email" },
  roomId: { required: "Choose a room" },
  adults: guestCountWording("adults", "At least one adult"),
  children: guestCountWording("children", "At least 0"),
  totalAmount: { type: "Enter the total" },
};
const count = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value === "" ? undefined : value);

export function parseCreateReservationForm(data: Record<string, unknown>): CreateReservationInput {
  const amount = amountField.safeParse({ amount: data.amount ?? "" });
  const candidate = {
    guest: { firstName: data.firstName ?? "", lastName: data.lastName ?? "", email: data.email || undefined },
    roomId: data.roomId ?? "",
    arrivalDate: data.arrivalDate ?? "",
    departureDate: data.departureDate ?? "",
    adults: count(data.adults),
    children: count(data.children) ?? 0,
    totalAmount: amount.success ? amount.data.amount : 0,
    notes: data.notes || undefined,
  };
  const parsed = createReservationInput.safeParse(candidate, { error: formWording(createReservationFormWording) });
  const issues = [...(amount.success ? [] : amount.error.issues), ...(parsed.success ? [] : parsed.error.issues)];
  if (issues.length > 0 || !parsed.success) throw new z.ZodError(issues);
  return parsed.data;
}

/** The API's list: filters and a cursor page. */
export const listReservationsQuery = z.object({
  ...paginationQuery,
  cursor: cursorSchema.optional(),
  status: reservationStatus.optional(),
  arrivalFrom: isoDate.optional(),
  arrivalTo: isoDate.optional(),
  updatedSince: isoInstant.optional(),
  guestEmail: z.string().trim().toLowerCase().max(200).optional(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .meta(notBlank())
    .optional()
    .meta({ description: "The reservation with this code (as printed on the confirmation, any case), e.g. GH-2031-0042" }),
});
export type ListReservationsQuery = z.infer<typeof listReservationsQuery>;
