// Standard Webhooks signing (https://www.standardwebhooks.com): the `standardwebhooks` package signs
// `${id}.${timestamp}.${body}` with HMAC-SHA256. During a rotation both secrets sign and the header
// carries both signatures, space-separated, so a receiver holding either secret accepts the message.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { unseal } from "../../crypto/seal";

export const SECRET_PREFIX = "whsec_";
/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

export function newSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

export interface SigningSecrets {
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
}

/** The secrets that sign now, decrypted from how the endpoint's row stores them. */
export function activeSecrets(endpoint: SigningSecrets, now: Date): string[] {
  const secrets = [unseal(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now)
    secrets.push(unseal(endpoint.previousSecret));
  return secrets;
}

/** The three Standard Webhooks headers for one attempt. */
export function signedHeaders(secrets: readonly string[], id: string, timestamp: Date, body: string): Record<string, string> {
  const signature = secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(" ");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signature,
  };
}
