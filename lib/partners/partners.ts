// Integration partners (the two-header model): a partner key sent as X-Api-Key identifies the
// integration for rate limiting and in the logs; it grants no data access on its own.
import { createHash } from "node:crypto";
import { db } from "../db/client";
import { randomBase62 } from "../api-keys/key-format";

export const PARTNER_KEY_PATTERN = /^pk_[0-9A-Za-z]{32}$/;
const CACHE_TTL_MS = 2_000;

export interface VerifiedPartner {
  id: string;
  name: string;
  rateLimitPerSecond: number;
  rateLimitBurst: number;
  rateLimitPerDay: number;
}

const hash = (key: string) => createHash("sha256").update(key).digest("hex");
const globalForPartners = globalThis as unknown as { __pmsPartnerCache?: Map<string, { partner: VerifiedPartner | null; at: number }> };
const cache = (globalForPartners.__pmsPartnerCache ??= new Map());

export async function createPartner(input: {
  name: string;
  rateLimitPerSecond?: number;
  rateLimitBurst?: number;
  rateLimitPerDay?: number;
}) {
  const key = `pk_${randomBase62(32)}`;
  const partner = await db.partner.create({
    data: {
      name: input.name,
      hash: hash(key),
      last4: key.slice(-4),
      rateLimitPerSecond: input.rateLimitPerSecond,
      rateLimitBurst: input.rateLimitBurst,
      rateLimitPerDay: input.rateLimitPerDay,
    },
  });
  return { partner, key };
}

/** The active partner behind a partner key, or null (cached 2 s, like API keys). */
export async function findPartner(key: string, now = Date.now()): Promise<VerifiedPartner | null> {
  if (!PARTNER_KEY_PATTERN.test(key)) return null;
  const digest = hash(key);
  const hit = cache.get(digest);
  if (hit && now - hit.at < CACHE_TTL_MS) return hit.partner;
  const row = await db.partner.findUnique({ where: { hash: digest } });
  const partner =
    row && !row.revokedAt
      ? {
          id: row.id,
          name: row.name,
          rateLimitPerSecond: row.rateLimitPerSecond,
          rateLimitBurst: row.rateLimitBurst,
          rateLimitPerDay: row.rateLimitPerDay,
        }
      : null;
  if (cache.size > 10_000) cache.clear();
  cache.set(digest, { partner, at: now });
  return partner;
}

export async function listPartners() {
  return db.partner.findMany({ orderBy: { createdAt: "desc" } });
}

export async function revokePartner(id: string) {
  cache.clear();
  return db.partner.update({ where: { id }, data: { revokedAt: new Date() } });
}
