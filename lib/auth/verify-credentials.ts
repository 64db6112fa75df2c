import "server-only";
import bcrypt from "bcryptjs";
import { z } from "zod";
import { db } from "../db/client";

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

// Compared against when the email is unknown, so both paths cost one bcrypt comparison.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.ixX0y6X6sB/5nN6m0T0eE4t7cKXK";

/** The user for these credentials, or null: callers must not tell "no such email" from "wrong password". */
export async function verifyCredentials(input: unknown): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({ where: { email: parsed.data.email } });
  const ok = await bcrypt.compare(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
}
