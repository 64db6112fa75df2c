// POST /api/auth/sign-in-step: the sign-in form's password step. 200 {"next":"code"} when the password is right
// and the account has 2FA, 200 {"next":"sign_in"} when it is right and has none (the form then signs in through
// next-auth); the same 401 UNAUTHORIZED for a wrong password and an unknown email, 429 when throttled.
// So a right password never shows up as a failed request in the browser. JSON only: a cross-site form cannot send it.
import { checkSignInPassword } from "@/lib/auth/sign-in";
import { INVALID_CREDENTIALS_MESSAGE, tooManyAttemptsMessage } from "@/lib/auth/sign-in-errors";
import { AppError } from "@/lib/errors/app-error";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { apiErrorResponse } from "@/lib/http/error-response";
import { refuseOtherMethods } from "@/lib/http/refuse-other-methods";
import { newRequestId } from "@/lib/http/request-id";

const NO_STORE = { "Cache-Control": "no-store" };

export async function POST(request: Request): Promise<Response> {
  const requestId = newRequestId();
  try {
    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the email and password as application/json.");
    let input: unknown;
    try {
      input = await request.json();
    } catch {
      throw new AppError("INVALID_JSON", "The body is not valid JSON.");
    }
    const outcome = await checkSignInPassword(input, {
      userAgent: request.headers.get("user-agent"),
      ip: clientIpFromHeaders(request.headers),
    });
    if (outcome.ok) return Response.json({ next: outcome.next }, { headers: NO_STORE });
    if (outcome.reason === "throttled") {
      return apiErrorResponse(new AppError("RATE_LIMITED", tooManyAttemptsMessage(outcome.retryAfterSeconds)), requestId, {
        ...NO_STORE,
        "Retry-After": String(outcome.retryAfterSeconds),
      });
    }
    throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS_MESSAGE);
  } catch (error) {
    return apiErrorResponse(error, requestId, NO_STORE);
  }
}

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods({ POST });
