import "server-only";
import { apiErrorResponse } from "../http/error-response";
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextPath } from "../db/storable-text";
import { newRequestId } from "../http/request-id";
import { db } from "../db/client";
import { AppError } from "../errors/app-error";
import { getCurrentSession } from "./current-session";
import { can, type Permission } from "./roles";

/**
 * For the dashboard's JSON routes: the signed-in member of the property, with the permission, or an
 * AppError (401 signed out; 404 not a member, as pages do; 403 role without the permission).
 */
export async function requireSessionAccess(slug: string, permission: Permission) {
  const session = await getCurrentSession();
  if (!session) throw new AppError("UNAUTHORIZED", "Sign in first.");
  const membership = await db.membership.findFirst({
    where: { userId: session.userId, property: { slug } },
    include: { property: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", "Property not found.");
  if (!can[permission](membership.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return { user: membership.user, property: membership.property, role: membership.role };
}

type SessionAccess = Awaited<ReturnType<typeof requireSessionAccess>>;

/** A dashboard JSON route: the member's access checked first, every error in the one error shape. */
export function dashboardRoute<P extends { property: string }>(
  permission: Permission,
  handler: (context: { request: Request; params: P; access: SessionAccess }) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const resolved = await params;
      // An id the database cannot hold names nothing.
      if (unstorableTextPath(resolved) !== null) throw new AppError("NOT_FOUND", "Not found.");
      const access = await requireSessionAccess(resolved.property, permission);
      // A filter the database cannot hold is refused, never sent to it.
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const unstorable = unstorableTextPath(query);
      if (unstorable !== null)
        throw new AppError("VALIDATION_ERROR", "The request is invalid: see details.", { [unstorable]: [UNSTORABLE_TEXT_MESSAGE] });
      return await handler({ request, params: resolved, access });
    } catch (error) {
      return apiErrorResponse(error, newRequestId());
    }
  };
}
