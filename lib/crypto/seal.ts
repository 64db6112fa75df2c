// Secrets at rest: AES-256-GCM under a key from DATA_ENCRYPTION_KEYS. A sealed value names its key,
// `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url), so keys rotate: the first listed key seals,
// every listed key unseals. Values written before encryption existed pass through unseal as they are.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";

export interface DataKey {
  id: string;
  key: Buffer;
}

export const SEALED_PREFIX = "enc:v1:";

/** Missing, unknown or wrong keys: the message says which and what to do, never a key. */
export class DataEncryptionKeyError extends Error {
  override name = "DataEncryptionKeyError";
}

/** This process's keys (the first seals); throws a clear DataEncryptionKeyError when none is set. */
export function dataEncryptionKeys(): readonly DataKey[] {
  const keys = env().DATA_ENCRYPTION_KEYS;
  if (!keys || keys.length === 0) {
    throw new DataEncryptionKeyError(
      "DATA_ENCRYPTION_KEYS is not set: webhook signing secrets and stored API answers are encrypted with it. " +
        "npm start generates one into .data/data-encryption-keys; elsewhere set it to k1:<base64 of 32 random bytes> (openssl rand -base64 32).",
    );
  }
  return keys;
}

/** A fresh key in DATA_ENCRYPTION_KEYS's format. */
export function newDataEncryptionKey(id = "k1"): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

export const isSealed = (text: string) => text.startsWith(SEALED_PREFIX);

/** The id of the key that sealed `text`, or null for a value stored in clear. */
export function sealedKeyId(text: string): string | null {
  return isSealed(text) ? (text.slice(SEALED_PREFIX.length).split(":")[0] ?? null) : null;
}

export function seal(text: string, keys: readonly DataKey[] = dataEncryptionKeys()): string {
  const primary = keys[0];
  if (!primary) throw new DataEncryptionKeyError("DATA_ENCRYPTION_KEYS lists no key.");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", primary.key, iv);
  // The key id is authenticated too, so a value cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(primary.id));
  const data = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${SEALED_PREFIX}${primary.id}:${iv.toString("base64url")}:${cipher.getAuthTag().toString("base64url")}:${data.toString("base64url")}`;
}

/** The clear text of a sealed value; a value stored in clear (before encryption) is returned as it is. */
export function unseal(text: string, keys?: readonly DataKey[]): string {
  if (!isSealed(text)) return text;
  const parts = text.slice(SEALED_PREFIX.length).split(":");
  if (parts.length !== 4) throw new DataEncryptionKeyError("A stored encrypted value is malformed.");
  const [id, iv, tag, data] = parts as [string, string, string, string];
  const key = (keys ?? dataEncryptionKeys()).find((k) => k.id === id);
  if (!key) {
    throw new DataEncryptionKeyError(
      `A stored secret was encrypted with key "${id}", which DATA_ENCRYPTION_KEYS does not list: list it again (after the key that encrypts) to read it.`,
    );
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DataEncryptionKeyError(
      `A stored secret does not decrypt with key "${id}" of DATA_ENCRYPTION_KEYS: that key's value is not the one it was encrypted with.`,
    );
  }
}
