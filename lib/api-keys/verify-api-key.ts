// Finds the key behind a plaintext credential. Verified keys are cached in this process for two
// seconds, so a hot integration costs no database lookup per request, while a revoke (which also
// clears this process's entry at once) reaches every other instance sharing the database within 2 s.
// Misses are cached for two seconds too, so repeating an unknown key costs no lookup; the price is that
// a key created meanwhile may be refused as unknown for up to 2 s by a process that had just missed it.
import { db } from "../db/client";
import { hashApiKey } from "./key-format";

export const KEY_CACHE_TTL_MS = 2_000;
export const MISS_CACHE_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

export interface VerifiedKey {
  id: string;
  hash: string;
  name: string;
  mode: "LIVE" | "TEST";
  last4: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  rolledAt: Date | null;
  property: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    currency: string;
    plan: "FREE" | "PRO";
    createdAt: Date;
    rateLimitPerSecond: number;
    rateLimitBurst: number;
    rateLimitPerDay: number;
    requirePartnerKey: boolean;
  };
}

interface Entry {
  key: VerifiedKey;
  fetchedAt: number;
}

// On globalThis: every route bundle of the app shares one cache, and a revoke clears it for all.
const globalForKeys = globalThis as unknown as { __pmsKeyCache?: Map<string, Entry> };
const cache = (globalForKeys.__pmsKeyCache ??= new Map());
// Hash → when the lookup found nothing.
const globalForMisses = globalThis as unknown as { __pmsKeyMisses?: Map<string, number>; __pmsKeyLookups?: number };
const misses = (globalForMisses.__pmsKeyMisses ??= new Map());
// Hash → when this process last found it valid: while made-up keys flood in from addresses it cannot tell
// apart, these keys are still looked up (see authenticate.ts).
const RECENTLY_VALID_MS = 24 * 3_600_000;
const globalForValid = globalThis as unknown as { __pmsKeysSeenValid?: Map<string, number> };
const seenValid = (globalForValid.__pmsKeysSeenValid ??= new Map());

/** Whether this process found `plaintext` to be a key in the last 24 hours (revoked or not). */
export function recentlySeenValid(plaintext: string, now = Date.now()): boolean {
  const at = seenValid.get(hashApiKey(plaintext));
  return at !== undefined && now - at < RECENTLY_VALID_MS;
}

// Every key that may still work, by hash, read from the database at most every 30 s and only while made-up keys
// flood in (see authenticate.ts): a key that works but this instance never served is still let through.
const KNOWN_REFRESH_MS = 30_000;
const globalForKnown = globalThis as unknown as {
  __pmsKnownKeys?: { hashes: Set<string>; at: number };
  __pmsKnownLoading?: Promise<void> | null;
};

async function loadKnownKeys(): Promise<void> {
  const rows = await db.apiKey.findMany({
    where: { OR: [{ revokedAt: null }, { revokedAt: { gt: new Date() } }] },
    select: { hash: true },
  });
  globalForKnown.__pmsKnownKeys = { hashes: new Set(rows.map((row) => row.hash)), at: Date.now() };
}

/** Whether `plaintext` may be a working key: seen valid here lately, or among the keys read at most 30 s ago. */
export async function mayBeAKey(plaintext: string, now = Date.now()): Promise<boolean> {
  if (recentlySeenValid(plaintext, now)) return true;
  const known = globalForKnown.__pmsKnownKeys;
  if (!known || now - known.at > KNOWN_REFRESH_MS) {
    // One read shared by every request waiting for it.
    await (globalForKnown.__pmsKnownLoading ??= loadKnownKeys().finally(() => (globalForKnown.__pmsKnownLoading = null)));
  }
  return globalForKnown.__pmsKnownKeys?.hashes.has(hashApiKey(plaintext)) ?? false;
}

function rememberValid(hash: string, now: number): void {
  seenValid.delete(hash);
  if (seenValid.size >= MAX_ENTRIES) seenValid.delete(seenValid.keys().next().value!);
  seenValid.set(hash, now);
}

/** Database lookups of keys made by this process so far: what the caches save is measured with it. */
export function apiKeyLookupCount(): number {
  return globalForMisses.__pmsKeyLookups ?? 0;
}

export async function findApiKey(plaintext: string, now = Date.now()): Promise<VerifiedKey | null> {
  const hash = hashApiKey(plaintext);
  const hit = cache.get(hash);
  if (hit && now - hit.fetchedAt < KEY_CACHE_TTL_MS) {
    rememberValid(hash, now);
    return hit.key;
  }
  const missedAt = misses.get(hash);
  if (missedAt !== undefined && now - missedAt < MISS_CACHE_TTL_MS) return null;
  globalForMisses.__pmsKeyLookups = apiKeyLookupCount() + 1;
  const row = await db.apiKey.findUnique({
    where: { hash },
    select: {
      id: true,
      hash: true,
      name: true,
      mode: true,
      last4: true,
      scopes: true,
      expiresAt: true,
      revokedAt: true,
      rolledAt: true,
      property: {
        select: {
          id: true,
          slug: true,
          name: true,
          timezone: true,
          currency: true,
          plan: true,
          createdAt: true,
          rateLimitPerSecond: true,
          rateLimitBurst: true,
          rateLimitPerDay: true,
          requirePartnerKey: true,
        },
      },
    },
  });
  if (!row) {
    cache.delete(hash);
    misses.delete(hash);
    if (misses.size >= MAX_ENTRIES) misses.delete(misses.keys().next().value!);
    misses.set(hash, now);
    return null;
  }
  misses.delete(hash);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(hash, { key: row, fetchedAt: now });
  rememberValid(hash, now);
  return row;
}

export function invalidateCachedKeys(hashes: string[]): void {
  for (const hash of hashes) cache.delete(hash);
}
