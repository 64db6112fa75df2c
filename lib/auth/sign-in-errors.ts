// What next-auth hands back to the sign-in form (the message of the error `authorize` threw), and the
// throttle's message, which the server and the form both say (this module is safe in the browser).
export const TWO_FACTOR_REQUIRED = "TWO_FACTOR_REQUIRED";
export const THROTTLED_PREFIX = "THROTTLED:";
/** One message for a wrong password and an unknown email alike. */
export const INVALID_CREDENTIALS_MESSAGE = "Invalid email or password.";

/** "Too many attempts, try again in N minutes." */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
