import { randomBytes } from "node:crypto";

/** `req_` and 24 hex characters: unique enough to find one request among billions of log rows. */
export function newRequestId(): string {
  return `req_${randomBytes(12).toString("hex")}`;
}
