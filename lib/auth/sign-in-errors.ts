// What next-auth hands back to the sign-in form (the message of the error `authorize` threw).
export const TWO_FACTOR_REQUIRED = "TWO_FACTOR_REQUIRED";
export const THROTTLED_PREFIX = "THROTTLED:";
