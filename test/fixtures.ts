// Small builders for test data, written through the real client.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { db } from "../lib/db/client";
import type { Plan, Role } from "../lib/db/generated/prisma/enums";

const suffix = () => randomBytes(4).toString("hex");

export async function createProperty(options: { plan?: Plan; rooms?: number } = {}) {
  const slug = `test-${suffix()}`;
  const property = await db.property.create({ data: { slug, name: `Test ${slug}`, currency: "EUR", plan: options.plan ?? "PRO" } });
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
