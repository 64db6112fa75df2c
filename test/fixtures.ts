// Small builders for test data, written through the real client.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { db } from "../lib/db/client";
import type { Plan, Role } from "../lib/db/generated/prisma/enums";

const suffix = () => randomBytes(4).toString("hex");

/** A property; its API rate limits are generous unless given, so only rate-limit tests meet them. */
export async function createProperty(
  options: { plan?: Plan; rooms?: number; rateLimit?: { perSecond: number; burst: number; perDay: number } } = {},
) {
  const slug = `test-${suffix()}`;
  const limits = options.rateLimit ?? { perSecond: 10_000, burst: 10_000, perDay: 10_000_000 };
  const property = await db.property.create({
    data: {
      slug,
      name: `Test ${slug}`,
      currency: "EUR",
      plan: options.plan ?? "PRO",
      rateLimitPerSecond: limits.perSecond,
      rateLimitBurst: limits.burst,
      rateLimitPerDay: limits.perDay,
    },
  });
  const rooms = [];
  for (let i = 0; i < (options.rooms ?? 3); i++) {
    rooms.push(await db.room.create({ data: { propertyId: property.id, number: String(101 + i), type: "Double", floor: 1, capacity: 2 } }));
  }
  return { property, rooms };
}

export async function createUser(options: { password?: string; memberships?: { propertyId: string; role: Role }[] } = {}) {
  return db.user.create({
    data: {
      email: `user-${suffix()}@example.com`,
      name: "Test User",
      passwordHash: await bcrypt.hash(options.password ?? "correct horse", 4),
      memberships: { create: options.memberships ?? [] },
    },
  });
}
