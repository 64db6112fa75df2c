import "server-only";
// The wrapper for the signed-in user's own account actions (security settings, sessions): the live
// session (ended sessions are refused), the input parsed, sudo mode where asked, one ActionResult.
import { headers } from "next/headers";
import type { z } from "zod";
import { userActor, type Actor } from "../audit/record-audit-event";
import { getCurrentSession } from "../auth/current-session";
import { requireRecentAuthentication } from "../auth/sudo";
import type { ClientInfo, LiveSession } from "../auth/user-sessions";
import { AppError } from "../errors/app-error";
import { actionFailure, type ActionResult } from "../errors/action-result";
import { clientIpFromHeaders } from "../http/client-ip";
import { parseActionInput, type ActionOptions, type InputParser } from "./property-action";

type InputOf<P> = P extends z.ZodType ? z.input<P> : unknown;
type OutputOf<P> = P extends InputParser<infer T> ? T : never;

export interface AccountActionContext<T> {
  session: LiveSession;
  actor: Actor;
  client: ClientInfo;
  input: T;
}

/** Who is asking: user agent and client IP (as far as TRUST_PROXY_HOPS lets us know it). */
export async function requestClient(): Promise<ClientInfo> {
  const list = await headers();
  return { userAgent: list.get("user-agent"), ip: clientIpFromHeaders(list) };
}

export function accountAction<P extends InputParser<unknown>, Data extends object = object>(
  parser: P,
  handler: (context: AccountActionContext<OutputOf<P>>) => Promise<string | ({ message?: string } & Data)>,
  options: ActionOptions = {},
): (input: InputOf<P> | FormData) => Promise<ActionResult<Data>> {
  return async (raw) => {
    try {
      const session = await getCurrentSession();
      if (!session) throw new AppError("UNAUTHORIZED", "Your session has ended. Sign in again.");
      const input = parseActionInput(parser, raw) as OutputOf<P>;
      if (options.sudo) await requireRecentAuthentication();
      const outcome = await handler({ session, actor: userActor(session.user), client: await requestClient(), input });
      return (typeof outcome === "string" ? { ok: true, message: outcome } : { ok: true, ...outcome }) as ActionResult<Data>;
    } catch (error) {
      return actionFailure(error);
    }
  };
}
