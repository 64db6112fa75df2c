// One error type for the whole product: a stable code, a message a person can act on, an HTTP status.
// Route handlers and server actions map it; anything else is a bug and becomes a logged 500.
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  KEY_REVOKED: 401,
  KEY_EXPIRED: 401,
  PARTNER_KEY_REQUIRED: 401,
  FORBIDDEN: 403,
  PLAN_REQUIRED: 403,
  /** Dashboard only: the action needs the password (or a 2FA code) entered within the last 10 minutes. */
  REAUTHENTICATION_REQUIRED: 403,
  /** Dashboard only: the property requires members who manage API access to turn on 2FA first. */
  TWO_FACTOR_SETUP_REQUIRED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CONFLICT: 409,
  INVALID_STATE: 409,
  IDEMPOTENCY_KEY_IN_USE: 409,
  /** The guest's personal data was erased: it takes no new personal data. */
  GUEST_ERASED: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  URL_NOT_ALLOWED: 422,
  /** A payment in another currency than the property's. */
  CURRENCY_MISMATCH: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field paths to messages, for form and validation errors. */
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);
