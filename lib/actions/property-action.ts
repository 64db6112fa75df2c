import "server-only";
// The one wrapper every dashboard server action is built on: the signed-in member of the property in
// the URL (404 otherwise, as pages), the role checked here and not only by a hidden button, the input
// parsed, and every outcome in one ActionResult shape.
import { z } from "zod";
import { userActor, type Actor } from "../audit/record-audit-event";
import { getPropertyAccess } from "../auth/property-access";
import { can, DENIED, mustSetUpTwoFactor, NEEDS_TWO_FACTOR_WHEN_REQUIRED, TWO_FACTOR_SETUP_MESSAGE, type Permission } from "../auth/roles";
import { requireRecentAuthentication } from "../auth/sudo";
import { AppError } from "../errors/app-error";
import { actionFailure, type ActionResult } from "../errors/action-result";
import { formWording, type FormWording } from "../errors/form-wording";
import { storableId, UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../db/storable-text";

export type PropertyAccess = Awaited<ReturnType<typeof getPropertyAccess>>;

/** A zod schema, or anything else that parses unknown input into `T` (throwing a ZodError or AppError). */
export interface InputParser<T> {
  parse(input: unknown, params?: { error?: z.core.$ZodErrorMap }): T;
}
/** What the client passes: the schema's input type (or a form's FormData). */
type InputOf<P> = P extends z.ZodType ? z.input<P> : unknown;
type OutputOf<P> = P extends InputParser<infer T> ? T : never;

/**
 * The client's input, parsed: first refused, field by field, where it holds text the database cannot take
 * (a NUL, a lone surrogate), whatever the schema says, so no such value ever reaches a query.
 */
export function parseActionInput<T>(parser: InputParser<T>, raw: unknown, wording?: FormWording): T {
  const input = raw instanceof FormData ? Object.fromEntries(raw) : raw;
  const path = unstorableTextPath(input);
  if (path !== null)
    throw new z.ZodError([{ code: "custom", path: path === "" ? [] : path.split("."), message: UNSTORABLE_TEXT_MESSAGE, input }]);
  return parser.parse(input, wording ? { error: formWording(wording) } : undefined);
}

/** The property slug an action names (its first argument, from the client like any input). */
const slugOf = z.object({ property: storableId("property") });

export interface ActionContext<T> {
  slug: string;
  access: PropertyAccess;
  actor: Actor;
  input: T;
}

export interface ActionOptions {
  /** Sudo mode: the password (or a 2FA code) must have been entered within the last 10 minutes. */
  sudo?: boolean;
  /** The form's words for validation issues, where a schema shared with the API leaves them to the caller. */
  wording?: FormWording;
}

/**
 * `permission` may depend on the parsed input (cancelling needs more than checking in). The handler
 * answers a message, or a message with the data the client needs (a key shown once, a secret).
 */
export function propertyAction<P extends InputParser<unknown>, Data extends object = object>(
  permission: Permission | ((input: OutputOf<P>) => Permission),
  parser: P,
  handler: (context: ActionContext<OutputOf<P>>) => Promise<string | ({ message?: string } & Data)>,
  options: ActionOptions = {},
): (slug: string, input: InputOf<P> | FormData) => Promise<ActionResult<Data>> {
  return async (slug, raw) => {
    try {
      slugOf.parse({ property: slug });
      const access = await getPropertyAccess(slug);
      const allow = (needed: Permission) => {
        if (!can[needed](access.role)) throw new AppError("FORBIDDEN", DENIED[needed]);
        if (NEEDS_TWO_FACTOR_WHEN_REQUIRED.has(needed) && mustSetUpTwoFactor(access.property, access.role, access.user)) {
          throw new AppError("TWO_FACTOR_SETUP_REQUIRED", TWO_FACTOR_SETUP_MESSAGE);
        }
      };
      // A fixed permission is checked before the input is even read.
      if (typeof permission === "string") allow(permission);
      const input = parseActionInput(parser, raw, options.wording) as OutputOf<P>;
      if (typeof permission === "function") allow(permission(input));
      if (options.sudo) await requireRecentAuthentication();
      const outcome = await handler({ slug, access, actor: userActor(access.user), input });
      return (typeof outcome === "string" ? { ok: true, message: outcome } : { ok: true, ...outcome }) as ActionResult<Data>;
    } catch (error) {
      return actionFailure(error);
    }
  };
}
