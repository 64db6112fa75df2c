// Browsers ask for /favicon.ico whatever the page says; without this route the path would be read as a
// property slug. The icon is app/icon.svg.
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";

export function GET(request: Request): Response {
  return Response.redirect(new URL("/icon.svg", request.url), 308);
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ GET });
