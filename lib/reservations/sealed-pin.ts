// Door PINs at rest are sealed like the other secrets (lib/crypto/seal.ts): in the access code's row and in
// every event body that carries one (outbox, deliveries, attempts). They are opened only where a reader with
// the scope for them is served: the lock's webhook as it is sent, the events feed and stream (which already
// need reservation_accesses:read for these events), the API's access codes. People without the right to
// door codes (MANAGER, STAFF) see them masked in deliveries.
import { isSealed, seal, unseal, type DataKey } from "../crypto/seal";

export const sealPin = (pin: string): string => seal(pin);

/** The PIN of a stored access code (one written before sealing reads as it is). */
export const openPin = (stored: string): string => unseal(stored);

export const MASKED_PIN = "••••••";

// A sealed PIN inside an event body as PostgreSQL's jsonb or JSON.stringify writes it.
const SEALED_PIN_IN_JSON = /("pin"\s*:\s*")(enc:v1:[A-Za-z0-9_:-]+)(")/g;

/** An event body with its sealed PINs opened (for a reader with the scope) or masked (for anyone else). */
export function openPinsIn(text: string, how: "clear" | "masked"): string {
  if (!text.includes('"enc:v1:')) return text;
  return text.replace(SEALED_PIN_IN_JSON, (_match, before: string, sealed: string, after: string) => {
    if (how === "masked") return `${before}${MASKED_PIN}${after}`;
    return `${before}${openPin(sealed)}${after}`;
  });
}

// A PIN in clear inside an event body written before PINs were sealed.
const CLEAR_PIN_IN_JSON = /("pin"\s*:\s*")(\d{1,16})(")/g;

/** An event body with every PIN in clear sealed (for bodies stored before sealing). */
export function sealPinsIn(text: string, keys?: readonly DataKey[]): string {
  return text.replace(CLEAR_PIN_IN_JSON, (_match, before: string, pin: string, after: string) => `${before}${seal(pin, keys)}${after}`);
}

/** A stored PIN as event bodies carry it: sealed, whether the row was sealed already or not. */
export const sealedPinOf = (stored: string): string => (isSealed(stored) ? stored : sealPin(stored));
