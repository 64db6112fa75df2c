// The /api/v1 envelope around every resource: `{data, livemode}`, `{data, nextCursor, livemode}`, or the
// one error body. The contract tests validate every response against these; strict, so an undocumented
// field fails a test. `livemode` is added by v1Route, never by a handler.
import { z } from "zod";

export const livemode = z
  .boolean()
  .meta({ description: "false for test keys (pms_test_): their writes are validated and answered, but nothing is kept" });

export const listOf = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    data: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` to get the next page; null on the last page" }),
    livemode,
  });

export const single = <T extends z.ZodType>(item: T) => z.strictObject({ data: item, livemode });

export const errorBody = z
  .strictObject({
    status: z.literal("error"),
    code: z.string().meta({
      description: "Stable machine-readable code, e.g. VALIDATION_ERROR, UNAUTHORIZED, KEY_REVOKED, FORBIDDEN, NOT_FOUND, INVALID_STATE",
    }),
    message: z.string(),
    requestId: z.string().meta({ description: "Also in the X-Request-Id header; quote it to support" }),
    details: z
      .array(z.strictObject({ path: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Field errors: dotted path into the input" }),
  })
  .meta({
    id: "Error",
    examples: [{ status: "error", code: "UNAUTHORIZED", message: "Invalid credentials", requestId: "req_5f0c9d1e2a3b4c5d6e7f8a9b" }],
  });
